import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { countOf, joinTallies, medianOf, pairsOf, sortedTally, tallyOf, totalOf, valuesOf, EMPTY_TALLY } from './tally';

const stats = (values: readonly number[]) => {
  const t = sortedTally(tallyOf(values));
  return { count: countOf(t), total: totalOf(t), median: medianOf(t) };
};

describe('tallies of lengths and lead times', () => {
  it('counts, adds and finds the median worked out by hand', () => {
    // 30, 30, 60, 90, 120: the middle one is 60; 330 minutes in all.
    expect(stats([60, 30, 120, 30, 90])).toEqual({ count: 5, total: 330, median: 60 });
    // 30, 30, 60, 90: the mean of the two middle ones, 30 and 60.
    expect(stats([90, 30, 60, 30])).toEqual({ count: 4, total: 210, median: 45 });
    // All alike: still the value itself.
    expect(stats([45, 45, 45, 45])).toEqual({ count: 4, total: 180, median: 45 });
    // Negative lead times (booked after the start) sort below zero.
    expect(stats([-5, 10, -20])).toEqual({ count: 3, total: -15, median: -5 });
  });

  it('has no median when nothing was counted', () => {
    expect(stats([])).toEqual({ count: 0, total: 0, median: null });
    expect(medianOf(sortedTally(joinTallies([EMPTY_TALLY, EMPTY_TALLY])))).toBeNull();
  });

  it('keeps each value as often as it was counted, in ascending order', () => {
    expect(valuesOf(sortedTally(tallyOf([3, 1, 3, 2, 1, 3])))).toEqual([1, 1, 2, 3, 3, 3]);
    expect(pairsOf(sortedTally(joinTallies([tallyOf([3, 1, 3]), tallyOf([2, 1, 3])])))).toEqual([1, 2, 2, 1, 3, 3]);
  });

  it('gives the same figures however the values are split into parts, and the median of the whole list', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.integer({ min: -120, max: 2_000 }).map((n) => n / 4),
            { maxLength: 12 },
          ),
          {
            maxLength: 8,
          },
        ),
        (parts) => {
          const all = parts.flat();
          const joined = sortedTally(joinTallies(parts.map(tallyOf)));
          const whole = sortedTally(tallyOf(all));
          expect(countOf(joined)).toBe(all.length);
          expect(totalOf(joined)).toBe(totalOf(whole));
          expect(medianOf(joined)).toBe(medianOf(whole));
          const sorted = [...all].sort((a, b) => a - b);
          const mid = Math.floor(sorted.length / 2);
          const expected =
            sorted.length === 0
              ? null
              : sorted.length % 2 === 1
                ? sorted[mid]
                : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
          expect(medianOf(joined)).toBe(expected);
          expect(valuesOf(joined)).toEqual(sorted);
        },
      ),
      { numRuns: 100 },
    );
  });
});
