import type { Totals } from './roomTotals';

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

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, several times faster than a comparator over a year's
  // lengths or lead times; the values and so the median are the same.
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function figuresOf(t: Totals): Figures {
  const totalMinutes = t.lengths.reduce((s, m) => s + m, 0);
  return {
    openHours: t.openMs / HOUR,
    bookedHours: t.bookedMs / HOUR,
    bookedUtilisation: ratio(t.bookedMs, t.openMs),
    checkedInUtilisation: ratio(t.checkedInMs, t.checkInOpenMs),
    noShowRate: ratio(t.released, t.neededCheckIn),
    releasedHours: t.releasedMs / HOUR,
    bookings: t.bookings,
    averageMinutes: ratio(totalMinutes, t.bookings),
    medianMinutes: median(t.lengths),
    recurringShare: ratio(t.recurring, t.bookings),
    underHalfCapacityShare: ratio(t.underHalfCapacity, t.sized),
    overCapacityShare: ratio(t.overCapacity, t.sized),
  };
}
