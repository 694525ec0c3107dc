import { DateTime } from 'luxon';
import { rawTotals, type TotalsSource } from './report';
import { roomTotals, sumTotals, EMPTY_TOTALS, type Totals } from './roomTotals';
import type { AnalyticsRoom, BookingFact, DateRange } from './types';

/**
 * One room's sums for one local day, independent of whether the room requires check-in (that
 * setting is applied when read, so changing it needs no recomputation).
 */
export interface RollupDay {
  readonly roomId: string;
  /** The building's local date, YYYY-MM-DD. */
  readonly day: string;
  readonly openMs: number;
  readonly bookedMs: number;
  /** Checked-in time, as if the room required check-in. */
  readonly occupiedMs: number;
  readonly releasedMs: number;
  readonly bookings: number;
  readonly recurring: number;
  /** Bookings that would need a check-in in a room that requires it (not booked at the display). */
  readonly checkInCandidates: number;
  readonly released: number;
  readonly sized: number;
  readonly underHalfCapacity: number;
  readonly overCapacity: number;
  readonly lengths: readonly number[];
  readonly leadMinutes: readonly number[];
  /** The bookings that contributed to the day, so a changed booking finds the days to recompute. */
  readonly bookingIds: readonly string[];
}

/** The room's sums for one local day, computed from the raw facts by the same rules as any range. */
export function rollupDay(room: AnalyticsRoom, bookings: readonly BookingFact[], day: string): RollupDay {
  const t = roomTotals({ ...room, checkInRequired: true }, bookings, { from: day, to: day });
  const window = {
    start: DateTime.fromISO(day, { zone: room.timeZone }).toMillis(),
    end: DateTime.fromISO(day, { zone: room.timeZone }).plus({ days: 1 }).toMillis(),
  };
  return {
    roomId: room.id,
    day,
    openMs: t.openMs,
    bookedMs: t.bookedMs,
    occupiedMs: t.checkedInMs,
    releasedMs: t.releasedMs,
    bookings: t.bookings,
    recurring: t.recurring,
    checkInCandidates: t.neededCheckIn,
    released: t.released,
    sized: t.sized,
    underHalfCapacity: t.underHalfCapacity,
    overCapacity: t.overCapacity,
    lengths: t.lengths,
    leadMinutes: t.leadMinutes,
    bookingIds: bookings
      .filter((b) => b.roomId === room.id && b.start < window.end && b.end > window.start)
      .map((b) => b.id),
  };
}

/** A room's totals from its rollup days; the room's check-in setting applies here. */
export function totalsFromRollup(room: AnalyticsRoom, days: readonly RollupDay[]): Totals {
  const required = room.checkInRequired;
  return sumTotals(
    days
      .filter((d) => d.roomId === room.id)
      .map((d): Totals => ({
        ...EMPTY_TOTALS,
        openMs: d.openMs,
        bookedMs: d.bookedMs,
        checkInOpenMs: required ? d.openMs : 0,
        checkedInMs: required ? d.occupiedMs : 0,
        releasedMs: d.releasedMs,
        bookings: d.bookings,
        recurring: d.recurring,
        lengths: d.lengths,
        neededCheckIn: required ? d.checkInCandidates : 0,
        released: required ? d.released : 0,
        sized: d.sized,
        underHalfCapacity: d.underHalfCapacity,
        overCapacity: d.overCapacity,
        leadMinutes: d.leadMinutes,
      })),
  );
}

/** The local dates, in the zone, that a span of time touches. */
export function daysTouched(span: { start: number; end: number }, timeZone: string): string[] {
  const days: string[] = [];
  const last = DateTime.fromMillis(Math.max(span.start, span.end - 1), { zone: timeZone }).startOf('day');
  for (let d = DateTime.fromMillis(span.start, { zone: timeZone }).startOf('day'); d <= last; d = d.plus({ days: 1 }))
    days.push(d.toISODate() ?? '');
  return days;
}

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  const last = DateTime.fromISO(to, { zone: 'utc' });
  for (let d = DateTime.fromISO(from, { zone: 'utc' }); d <= last; d = d.plus({ days: 1 }))
    dates.push(d.toISODate() ?? '');
  return dates;
}

/** The part of `range` inside `coverage`, and the parts before and after it. */
export function splitByCoverage(
  range: DateRange,
  coverage: DateRange | undefined,
): { readonly covered: DateRange | undefined; readonly outside: DateRange[] } {
  if (!coverage || coverage.to < range.from || coverage.from > range.to)
    return { covered: undefined, outside: [range] };
  const covered = {
    from: range.from > coverage.from ? range.from : coverage.from,
    to: range.to < coverage.to ? range.to : coverage.to,
  };
  const outside: DateRange[] = [];
  const dayBefore = (d: string) => DateTime.fromISO(d, { zone: 'utc' }).minus({ days: 1 }).toISODate() ?? d;
  const dayAfter = (d: string) => DateTime.fromISO(d, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? d;
  if (range.from < covered.from) outside.push({ from: range.from, to: dayBefore(covered.from) });
  if (range.to > covered.to) outside.push({ from: dayAfter(covered.to), to: range.to });
  return { covered, outside };
}

/**
 * Totals from the rollup inside its coverage and from the raw bookings outside it: the same
 * figures as the raw bookings alone give (rollup.test.ts), without reading a long range's bookings.
 */
export function rollupTotalsSource(
  days: readonly RollupDay[],
  bookings: readonly BookingFact[],
  coverage: DateRange | undefined,
): TotalsSource {
  const raw = rawTotals(bookings);
  const byRoom = new Map<string, RollupDay[]>();
  for (const d of days) {
    const list = byRoom.get(d.roomId);
    if (list) list.push(d);
    else byRoom.set(d.roomId, [d]);
  }
  return (room, range) => {
    const { covered, outside } = splitByCoverage(range, coverage);
    const parts = outside.map((part) => raw(room, part));
    if (covered) {
      const inside = (byRoom.get(room.id) ?? []).filter((d) => d.day >= covered.from && d.day <= covered.to);
      parts.push(totalsFromRollup(room, inside));
    }
    return sumTotals(parts);
  };
}
