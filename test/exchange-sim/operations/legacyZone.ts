import { tChild, textOf, type Element } from '../soap/dom';

/**
 * The bias-and-rules time zone (SerializableTimeZone) of GetUserAvailability. Offsets follow
 * Windows: UTC = local + Bias (+ StandardTime/DaylightTime Bias). DayOrder 5 means "last".
 */

interface Transition {
  bias: number;
  timeMinutes: number;
  dayOrder: number;
  month: number;
  dayOfWeek: number;
}

export interface LegacyZone {
  bias: number;
  standard: Transition;
  daylight: Transition;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function transition(e: Element | undefined): Transition {
  const time = (textOf(tChild(e, 'Time')) ?? '00:00:00').split(':').map(Number);
  return {
    bias: Number(textOf(tChild(e, 'Bias')) ?? '0'),
    timeMinutes: (time[0] ?? 0) * 60 + (time[1] ?? 0),
    dayOrder: Number(textOf(tChild(e, 'DayOrder')) ?? '0'),
    month: Number(textOf(tChild(e, 'Month')) ?? '0'),
    dayOfWeek: Math.max(0, DAYS.indexOf((textOf(tChild(e, 'DayOfWeek')) ?? 'Sunday').trim())),
  };
}

export function parseLegacyZone(e: Element | undefined): LegacyZone {
  if (!e) return { bias: 0, standard: transition(undefined), daylight: transition(undefined) };
  return {
    bias: Number(textOf(tChild(e, 'Bias')) ?? '0'),
    standard: transition(tChild(e, 'StandardTime')),
    daylight: transition(tChild(e, 'DaylightTime')),
  };
}

const MINUTE = 60_000;

/** Wall-clock ms (as if UTC) of a transition in `year`. */
function transitionWallMs(t: Transition, year: number): number {
  const monthIndex = t.month - 1;
  if (t.dayOrder >= 5) {
    const last = new Date(Date.UTC(year, monthIndex + 1, 0));
    const back = (last.getUTCDay() - t.dayOfWeek + 7) % 7;
    return Date.UTC(year, monthIndex, last.getUTCDate() - back) + t.timeMinutes * MINUTE;
  }
  const first = new Date(Date.UTC(year, monthIndex, 1));
  const forward = (t.dayOfWeek - first.getUTCDay() + 7) % 7;
  return Date.UTC(year, monthIndex, 1 + forward + (t.dayOrder - 1) * 7) + t.timeMinutes * MINUTE;
}

function hasDst(z: LegacyZone): boolean {
  return z.standard.month > 0 && z.daylight.month > 0;
}

/** Minutes to add to UTC to get local time at instant `utcMs`. */
export function offsetAt(z: LegacyZone, utcMs: number): number {
  const standardOffset = -(z.bias + z.standard.bias);
  if (!hasDst(z)) return standardOffset;
  const daylightOffset = -(z.bias + z.daylight.bias);
  const year = new Date(utcMs).getUTCFullYear();
  // Daylight starts at a standard-time wall clock, ends at a daylight-time wall clock.
  const start = transitionWallMs(z.daylight, year) - standardOffset * MINUTE;
  const end = transitionWallMs(z.standard, year) - daylightOffset * MINUTE;
  const inDst = start < end ? utcMs >= start && utcMs < end : utcMs >= start || utcMs < end;
  return inDst ? daylightOffset : standardOffset;
}

/** `YYYY-MM-DDTHH:mm:ss` local time for an instant. */
export function toLocal(z: LegacyZone, utcMs: number): string {
  return new Date(utcMs + offsetAt(z, utcMs) * MINUTE).toISOString().slice(0, 19);
}

/** An xs:dateTime without offset read as local time in the zone (one with an offset is absolute). */
export function fromLocal(z: LegacyZone, text: string): number {
  const value = text.trim();
  if (/(Z|[+-]\d{2}:\d{2})$/i.test(value)) return Date.parse(value);
  const wall = Date.parse(`${value.slice(0, 19)}Z`);
  const guess = wall - offsetAt(z, wall) * MINUTE;
  return wall - offsetAt(z, guess) * MINUTE;
}
