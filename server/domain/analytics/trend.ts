import { DateTime } from 'luxon';
import { figuresOf } from './figures';
import { sumTotals, type Totals } from './roomTotals';
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

export function weeklyTrend(
  rooms: readonly AnalyticsRoom[],
  totalsOf: (room: AnalyticsRoom, range: DateRange) => Totals,
  range: DateRange,
): TrendWeek[] {
  return weeksOf(range).map((week) => {
    const figures = figuresOf(sumTotals(rooms.map((room) => totalsOf(room, week))));
    return {
      weekStart: DateTime.fromISO(week.from, { zone: 'utc' }).startOf('week').toISODate() ?? week.from,
      range: week,
      bookedUtilisation: figures.bookedUtilisation,
      checkedInUtilisation: figures.checkedInUtilisation,
      bookings: figures.bookings,
    };
  });
}
