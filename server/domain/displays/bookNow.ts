import type { BookNowMinutes } from '../../../shared/schemas/displays';
import type { Interval } from '../availability/interval';
import { openingIntervals } from '../availability/openingHours';
import type { OpeningHours } from '../../../shared/schemas/locations';
import { localDay } from './state';

/**
 * "Book now" at a display: from now (to the minute) for a fixed length, or until the next meeting
 * or closing time. A choice fits when the room is free from now to its end and the building is
 * open throughout; the booking rules and Exchange's attendant still judge the request.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** "Until next" shorter than this is not worth a booking. */
export const UNTIL_NEXT_MIN_MINUTES = 5;

export interface BookNowContext {
  readonly now: number;
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
  /** The room's meetings that hold it (not released, not cancelled). */
  readonly busy: readonly Interval[];
}

/**
 * Where a booking from now may end at the latest: the next meeting or closing time (`limit`); and
 * "until next" also stops at the end of the local day when nothing comes sooner (`untilNext`).
 */
export function bookNowLimit(ctx: BookNowContext): { start: number; limit: number; untilNext: number } | undefined {
  const start = Math.floor(ctx.now / MINUTE) * MINUTE;
  if (ctx.busy.some((b) => b.start <= ctx.now && ctx.now < b.end)) return undefined;
  const horizon = ctx.now + DAY;
  const open = openingIntervals({ start: ctx.now, end: horizon }, ctx.timeZone, ctx.openingHours).find(
    (o) => o.start <= ctx.now && ctx.now < o.end,
  );
  if (!open) return undefined;
  const nextStart = ctx.busy.filter((b) => b.start > ctx.now).reduce((min, b) => Math.min(min, b.start), horizon);
  const limit = Math.min(open.end, nextStart);
  return { start, limit, untilNext: Math.min(limit, localDay(ctx.now, ctx.timeZone).end) };
}

/** The slot a choice books now; undefined when it does not fit. */
export function bookNowSlot(choice: BookNowMinutes, ctx: BookNowContext): Interval | undefined {
  const bound = bookNowLimit(ctx);
  if (!bound) return undefined;
  if (choice === 'until-next') {
    return bound.untilNext - ctx.now >= UNTIL_NEXT_MIN_MINUTES * MINUTE
      ? { start: bound.start, end: bound.untilNext }
      : undefined;
  }
  const end = bound.start + choice * MINUTE;
  return end <= bound.limit ? { start: bound.start, end } : undefined;
}

/**
 * The offered choices that fit right now, in the order the settings list them; `allows` is the
 * room's booking rules (longest booking, read-only, ...), so the display offers only what books.
 */
export function bookNowOptionsNow(
  offered: readonly BookNowMinutes[],
  ctx: BookNowContext,
  allows: (slot: Interval) => boolean = () => true,
): BookNowMinutes[] {
  return offered.filter((choice) => {
    const slot = bookNowSlot(choice, ctx);
    return slot !== undefined && allows(slot);
  });
}

/** The first free moment from `now` (the end of the meeting holding the room, chained); for a 409's details. */
export function nextFreeAt(now: number, busy: readonly Interval[]): number {
  let at = now;
  const sorted = [...busy].sort((a, b) => a.start - b.start);
  for (const b of sorted) if (b.start <= at && at < b.end) at = b.end;
  return at;
}
