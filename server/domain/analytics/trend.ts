import { DateTime } from 'luxon';
import { ratio } from './figures';
import type { Totals } from './roomTotals';
import type { AnalyticsRoom, DateRange } from './types';

export interface TrendWeek {
  /** The Monday of the week (YYYY-MM-DD); the first and last week may be cut by the range. */
  readonly weekStart: string;
  readonly range: DateRange;
  readonly bookedUtilisation: number | null;
  readonly checkedInUtilisation: number | null;
  readonly bookings: number;
}

/** The range cut into Monday-to-Sunday weeks (dates, so each building reads them in its own zone). */
export function weeksOf(range: DateRange): DateRange[] {
  const last = DateTime.fromISO(range.to, { zone: 'utc' });
  const weeks: DateRange[] = [];
  for (
    let day = DateTime.fromISO(range.from, { zone: 'utc' });
    day <= last;
    day = day.startOf('week').plus({ weeks: 1 })
  ) {
    const sunday = day.startOf('week').plus({ days: 6 });
    weeks.push({ from: day.toISODate() ?? range.from, to: (sunday < last ? sunday : last).toISODate() ?? range.to });
  }
  return weeks;
}

/** The part of a room's totals a week of the trend needs. */
export type WeekCounters = Pick<Totals, 'openMs' | 'bookedMs' | 'checkInOpenMs' | 'checkedInMs' | 'bookings'>;

/** Where a room's counters for one week of the trend come from (any `TotalsSource` will do). */
export type CountersSource = (room: AnalyticsRoom, week: DateRange) => WeekCounters;

export function weeklyTrend(
  rooms: readonly AnalyticsRoom[],
  countersOf: CountersSource,
  range: DateRange,
): TrendWeek[] {
  // Only the counters: a week's figures need no lengths or lead times, so the rollup reads each
  // room's weeks as counters alone.
  return weeksOf(range).map((week) => {
    const sum = { openMs: 0, bookedMs: 0, checkInOpenMs: 0, checkedInMs: 0, bookings: 0 };
    for (const room of rooms) {
      const t = countersOf(room, week);
      sum.openMs += t.openMs;
      sum.bookedMs += t.bookedMs;
      sum.checkInOpenMs += t.checkInOpenMs;
      sum.checkedInMs += t.checkedInMs;
      sum.bookings += t.bookings;
    }
    return {
      weekStart: DateTime.fromISO(week.from, { zone: 'utc' }).startOf('week').toISODate() ?? week.from,
      range: week,
      bookedUtilisation: ratio(sum.bookedMs, sum.openMs),
      checkedInUtilisation: ratio(sum.checkedInMs, sum.checkInOpenMs),
      bookings: sum.bookings,
    };
  });
}
