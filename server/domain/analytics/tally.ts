/**
 * How often each value occurs (value → count), for the booking lengths and lead times. A week's
 * lengths are a handful of distinct values however many bookings it has, so the rollup keeps
 * tallies, not lists, and a median needs no list of every booking.
 */
export type TallyPart = ReadonlyMap<number, number>;

/**
 * A tally kept as the parts it was summed from: adding tallies joins their parts (no copying),
 * and the statistics merge them once. Any grouping of the same values gives the same statistics.
 */
export type Tally = readonly TallyPart[];

export const EMPTY_TALLY: Tally = [];

export function tallyOf(values: readonly number[]): Tally {
  if (values.length === 0) return EMPTY_TALLY;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [counts];
}

export function joinTallies(tallies: readonly Tally[]): Tally {
  if (tallies.length === 1) return tallies[0] ?? EMPTY_TALLY;
  const parts: TallyPart[] = [];
  for (const t of tallies) for (const p of t) if (p.size > 0) parts.push(p);
  return parts;
}

/** The same tally as one part: worth it where it is read again and again (a room's lengths, summed into its floor, building and the whole). */
export function compactTally(tally: Tally): Tally {
  return tally.length <= 1 ? tally : [mergeParts(tally)];
}

/** The distinct values in ascending order with their counts. */
export interface SortedTally {
  readonly values: Float64Array;
  readonly counts: Float64Array;
}

export function sortedTally(tally: Tally): SortedTally {
  const merged = tally.length === 1 ? (tally[0] ?? new Map<number, number>()) : mergeParts(tally);
  const values = Float64Array.from(merged.keys()).sort();
  const counts = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) counts[i] = merged.get(values[i] as number) ?? 0;
  return { values, counts };
}

function mergeParts(tally: Tally): Map<number, number> {
  const merged = new Map<number, number>();
  for (const part of tally) for (const [v, n] of part) merged.set(v, (merged.get(v) ?? 0) + n);
  return merged;
}

/** The number of values counted. */
export function countOf(t: SortedTally): number {
  let n = 0;
  for (const c of t.counts) n += c;
  return n;
}

/** The sum of every value counted, added in ascending order (the same whatever the parts). */
export function totalOf(t: SortedTally): number {
  let sum = 0;
  for (let i = 0; i < t.values.length; i += 1) sum += (t.values[i] as number) * (t.counts[i] as number);
  return sum;
}

/** The value at a 0-based rank among all values counted, in ascending order. */
function valueAtRank(t: SortedTally, rank: number): number {
  let seen = 0;
  for (let i = 0; i < t.values.length; i += 1) {
    seen += t.counts[i] as number;
    if (rank < seen) return t.values[i] as number;
  }
  return Number.NaN;
}

/** The middle value, or the mean of the two middle values; null when nothing was counted. */
export function medianOf(t: SortedTally): number | null {
  const n = countOf(t);
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? valueAtRank(t, mid) : (valueAtRank(t, mid - 1) + valueAtRank(t, mid)) / 2;
}

/** Every value counted, once for each time it was counted (ascending). */
export function valuesOf(t: SortedTally): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.values.length; i += 1)
    for (let c = 0; c < (t.counts[i] as number); c += 1) out.push(t.values[i] as number);
  return out;
}

/** The distinct values and their counts as flat value, count pairs (ascending): how the weekly rows keep a tally. */
export function pairsOf(t: SortedTally): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.values.length; i += 1) out.push(t.values[i] as number, t.counts[i] as number);
  return out;
}
