import { DateTime } from 'luxon';
import { WEEKDAYS, type Recurrence, type Weekday } from '../../../shared/schemas/events';
import { expandRecurrence } from './recurrence';

/**
 * Rules for changing part of a series (issue 17): which occurrence an original start names, and
 * what the pattern becomes when the whole series moves.
 */

/**
 * The 1-based instance index (EWS OccurrenceItemId) of the occurrence that the series first placed
 * at `originalStart`; null when the pattern puts none there. `seriesStart`/`seriesEnd` are the
 * first occurrence's original time (the master's Start and End in Exchange).
 */
export function occurrenceIndexOf(
  rec: Recurrence,
  seriesStart: Date,
  seriesEnd: Date,
  zone: string,
  originalStart: Date,
): number | null {
  const expanded = expandRecurrence(rec, seriesStart, seriesEnd, zone);
  if (!expanded.ok) return null;
  const at = expanded.occurrences.findIndex((o) => o.start.getTime() === originalStart.getTime());
  return at < 0 ? null : at + 1;
}

/** Calendar days from `from` to `to` on the building's wall clocks. */
function dayShift(from: Date, to: Date, zone: string): number {
  const a = DateTime.fromJSDate(from, { zone }).startOf('day');
  const b = DateTime.fromJSDate(to, { zone }).startOf('day');
  return Math.round(b.diff(a, 'days').days);
}

const shiftWeekday = (day: Weekday, by: number): Weekday =>
  WEEKDAYS[(((WEEKDAYS.indexOf(day) + by) % 7) + 7) % 7] ?? day;

/**
 * The pattern of a series whose first occurrence moves from `from` to `to`: every occurrence moves
 * by the same number of days (weekly days and the end date with it; a count stays). Monthly
 * patterns follow the new first day by themselves (the day of the month or the weekday of the week).
 */
export function movedRecurrence(rec: Recurrence, from: Date, to: Date, zone: string): Recurrence {
  const by = dayShift(from, to, zone);
  if (by === 0) return rec;
  return {
    ...rec,
    ...(rec.daysOfWeek ? { daysOfWeek: rec.daysOfWeek.map((d) => shiftWeekday(d, by)) } : {}),
    ...(rec.endDate ? { endDate: DateTime.fromISO(rec.endDate).plus({ days: by }).toISODate() ?? rec.endDate } : {}),
  };
}
