import { describe, expect, it } from '@jest/globals';
import { clipTo, interval, intervalOfIso, mergeIntervals, overlaps, type Interval } from './interval';

const H = 60 * 60 * 1000;
const span = (fromHour: number, toHour: number): Interval => interval(fromHour * H, toHour * H);

describe('interval', () => {
  it.each([
    [1, 1],
    [2, 1],
    [Number.NaN, 1],
  ])('refuses the empty or reversed span [%p, %p)', (start, end) => {
    expect(() => interval(start, end)).toThrow(RangeError);
  });

  it('reads ISO instants with any offset as the same instant', () => {
    expect(intervalOfIso('2026-05-04T10:00:00+02:00', '2026-05-04T09:00:00Z')).toEqual({
      start: Date.parse('2026-05-04T08:00:00Z'),
      end: Date.parse('2026-05-04T09:00:00Z'),
    });
  });
});

describe('overlaps and clipTo (half-open spans)', () => {
  const window = span(9, 17);
  it.each<[string, Interval, Interval | undefined]>([
    ['inside', span(10, 11), span(10, 11)],
    ['starting before', span(8, 10), span(9, 10)],
    ['ending after', span(16, 18), span(16, 17)],
    ['covering the window', span(0, 24), span(9, 17)],
    ['ending exactly at the start', span(8, 9), undefined],
    ['starting exactly at the end', span(17, 18), undefined],
    ['entirely before', span(1, 2), undefined],
  ])('a span %s', (_label, input, expected) => {
    expect(clipTo(input, window)).toEqual(expected);
    expect(overlaps(input, window)).toBe(expected !== undefined);
  });
});

describe('mergeIntervals', () => {
  it.each<[string, Interval[], Interval[]]>([
    ['nothing', [], []],
    ['one span', [span(9, 10)], [span(9, 10)]],
    ['disjoint spans, sorted by start', [span(13, 14), span(9, 10)], [span(9, 10), span(13, 14)]],
    ['overlapping spans', [span(9, 11), span(10, 12)], [span(9, 12)]],
    ['touching spans (back-to-back meetings)', [span(9, 10), span(10, 11)], [span(9, 11)]],
    ['a span inside another', [span(9, 17), span(10, 11)], [span(9, 17)]],
    ['a chain in any order', [span(12, 13), span(9, 10), span(11, 12), span(10, 11)], [span(9, 13)]],
    ['duplicates', [span(9, 10), span(9, 10)], [span(9, 10)]],
  ])('%s', (_label, input, expected) => {
    expect(mergeIntervals(input)).toEqual(expected);
  });

  it('leaves its input untouched', () => {
    const input = [span(13, 14), span(9, 10)];
    mergeIntervals(input);
    expect(input).toEqual([span(13, 14), span(9, 10)]);
  });
});
