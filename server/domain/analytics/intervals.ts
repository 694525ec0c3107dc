import { DateTime } from 'luxon';
import type { OpeningHours } from '../../../shared/schemas/locations';
import { clipTo, mergeIntervals, type Interval } from '../availability/interval';
import { openingIntervals } from '../availability/openingHours';
import type { AnalyticsRoom, DateRange } from './types';

// A zone's offsets come from Intl (luxon's partsOffset), which cost most of a backfill's time when
// asked again for every room and day. The answers never change, so they are remembered, bounded
// so a long-running server does not grow without end.
const CACHE_LIMIT = 200_000;
const midnights = new Map<string, number>();
const openDays = new Map<string, readonly Interval[]>();
const hoursKeys = new WeakMap<OpeningHours, string>();

function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

/** 00:00 of the local date in the zone, as an instant. */
export const localMidnight = (date: string, timeZone: string): number =>
  remember(midnights, `${timeZone}|${date}`, () =>
    DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis(),
  );

/** The date after a YYYY-MM-DD date (calendar arithmetic, no zone involved). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** [00:00 of `from`, 00:00 of the day after `to`) in the zone; undefined when the range is empty. */
export function rangeWindow(range: DateRange, timeZone: string): Interval | undefined {
  const start = localMidnight(range.from, timeZone);
  const end = localMidnight(nextDate(range.to), timeZone);
  return end > start ? { start, end } : undefined;
}

/** The part of the range's window in which the room existed and was active. */
export function activeWindow(room: AnalyticsRoom, range: DateRange): Interval | undefined {
  const window = rangeWindow(range, room.timeZone);
  if (!window) return undefined;
  return clipTo({ start: room.activeFrom, end: room.activeUntil ?? Number.POSITIVE_INFINITY }, window);
}

function hoursKey(hours: OpeningHours): string {
  const known = hoursKeys.get(hours);
  if (known !== undefined) return known;
  const key = JSON.stringify(hours);
  hoursKeys.set(hours, key);
  return key;
}

/** The building's open stretches on one local date (the one rule, openingIntervals, per day). */
function openOnDate(date: string, timeZone: string, hours: OpeningHours): readonly Interval[] {
  return remember(openDays, `${timeZone}|${hoursKey(hours)}|${date}`, () =>
    openingIntervals(
      { start: localMidnight(date, timeZone), end: localMidnight(nextDate(date), timeZone) },
      timeZone,
      hours,
    ),
  );
}

/**
 * The room's open stretches within the range, in its building's zone and hours: day by day (each
 * day's answer is remembered), joined across midnight, clipped to when the room was active.
 */
export function openStretches(room: AnalyticsRoom, range: DateRange): Interval[] {
  const window = activeWindow(room, range);
  if (!window) return [];
  const days: Interval[] = [];
  for (let date = range.from; date <= range.to; date = nextDate(date))
    days.push(...openOnDate(date, room.timeZone, room.openingHours));
  return mergeIntervals(days).flatMap((open) => clipTo(open, window) ?? []);
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
