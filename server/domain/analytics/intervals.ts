import { DateTime } from 'luxon';
import { clipTo, mergeIntervals, type Interval } from '../availability/interval';
import { openingIntervals } from '../availability/openingHours';
import type { AnalyticsRoom, DateRange } from './types';

/** [00:00 of `from`, 00:00 of the day after `to`) in the zone; undefined when the range is empty. */
export function rangeWindow(range: DateRange, timeZone: string): Interval | undefined {
  const start = DateTime.fromISO(range.from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(range.to, { zone: timeZone }).startOf('day').plus({ days: 1 });
  return end > start ? { start: start.toMillis(), end: end.toMillis() } : undefined;
}

/** The part of the range's window in which the room existed and was active. */
export function activeWindow(room: AnalyticsRoom, range: DateRange): Interval | undefined {
  const window = rangeWindow(range, room.timeZone);
  if (!window) return undefined;
  return clipTo({ start: room.activeFrom, end: room.activeUntil ?? Number.POSITIVE_INFINITY }, window);
}

/** The room's open stretches within the range, in its building's zone and hours. */
export function openStretches(room: AnalyticsRoom, range: DateRange): Interval[] {
  const window = activeWindow(room, range);
  return window ? openingIntervals(window, room.timeZone, room.openingHours) : [];
}

export const measure = (spans: readonly Interval[]): number => spans.reduce((sum, s) => sum + (s.end - s.start), 0);

/** The overlap of two sorted, disjoint lists of intervals. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i += 1;
    else j += 1;
  }
  return out;
}

/** Time covered by `spans` (overlaps counted once) that falls into `open`. */
export function coveredWithin(spans: readonly Interval[], open: readonly Interval[]): Interval[] {
  const nonEmpty = spans.filter((s) => s.end > s.start);
  return intersect(mergeIntervals(nonEmpty), open);
}
