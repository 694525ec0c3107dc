import type { Totals } from './roomTotals';
import { medianOf, sortedTally, totalOf } from './tally';

/** The figures of docs/analytics.md, derived from totals. Rates are fractions 0–1; null when undefined (no denominator). */
export interface Figures {
  readonly openHours: number;
  readonly bookedHours: number;
  readonly bookedUtilisation: number | null;
  readonly checkedInUtilisation: number | null;
  readonly noShowRate: number | null;
  readonly releasedHours: number;
  readonly bookings: number;
  readonly averageMinutes: number | null;
  readonly medianMinutes: number | null;
  readonly recurringShare: number | null;
  readonly underHalfCapacityShare: number | null;
  readonly overCapacityShare: number | null;
}

const HOUR = 3_600_000;
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function figuresOf(t: Totals): Figures {
  const lengths = sortedTally(t.lengths);
  return {
    openHours: t.openMs / HOUR,
    bookedHours: t.bookedMs / HOUR,
    bookedUtilisation: ratio(t.bookedMs, t.openMs),
    checkedInUtilisation: ratio(t.checkedInMs, t.checkInOpenMs),
    noShowRate: ratio(t.released, t.neededCheckIn),
    releasedHours: t.releasedMs / HOUR,
    bookings: t.bookings,
    averageMinutes: ratio(totalOf(lengths), t.bookings),
    medianMinutes: medianOf(lengths),
    recurringShare: ratio(t.recurring, t.bookings),
    underHalfCapacityShare: ratio(t.underHalfCapacity, t.sized),
    overCapacityShare: ratio(t.overCapacity, t.sized),
  };
}
