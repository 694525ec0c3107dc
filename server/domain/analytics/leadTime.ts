import { countOf, medianOf, sortedTally, type Tally } from './tally';

/** Lead-time buckets, from booking (as Roomserve first knew it) to the meeting's start. */
export const LEAD_TIME_BUCKETS = [
  { key: 'under-1h', label: 'under 1 hour', upToMinutes: 60 },
  { key: '1h-1d', label: '1 hour to 1 day', upToMinutes: 24 * 60 },
  { key: '1d-7d', label: '1 to 7 days', upToMinutes: 7 * 24 * 60 },
  { key: '7d-30d', label: '7 to 30 days', upToMinutes: 30 * 24 * 60 },
  { key: 'over-30d', label: 'over 30 days', upToMinutes: Number.POSITIVE_INFINITY },
] as const;

export interface LeadTimeDistribution {
  readonly buckets: readonly {
    readonly key: string;
    readonly label: string;
    readonly bookings: number;
    readonly share: number;
  }[];
  readonly medianHours: number | null;
}

/** Each booking falls in the first bucket whose upper bound exceeds its lead time (a booking made after it began counts as under 1 hour). */
export function leadTimeDistribution(leadMinutes: Tally): LeadTimeDistribution {
  const sorted = sortedTally(leadMinutes);
  const counts = LEAD_TIME_BUCKETS.map(() => 0);
  sorted.values.forEach((minutes, i) => {
    const index = LEAD_TIME_BUCKETS.findIndex((b) => minutes < b.upToMinutes);
    counts[index] = (counts[index] ?? 0) + (sorted.counts[i] ?? 0);
  });
  const total = countOf(sorted);
  const mid = medianOf(sorted);
  return {
    buckets: LEAD_TIME_BUCKETS.map((b, i) => ({
      key: b.key,
      label: b.label,
      bookings: counts[i] ?? 0,
      share: total > 0 ? (counts[i] ?? 0) / total : 0,
    })),
    medianHours: mid === null ? null : mid / 60,
  };
}
