import { describe, expect, it } from '@jest/globals';
import { nextWorkingDayAtTen } from './fakeOfficeHost';

// @timezone-sensitive: the preview's meeting is in the browser's local time.

describe('the preview’s sample meeting', () => {
  it.each([
    ['a Monday', new Date(2026, 11, 7, 15, 0), new Date(2026, 11, 8, 10, 0)],
    ['a Thursday evening', new Date(2026, 11, 10, 23, 30), new Date(2026, 11, 11, 10, 0)],
    ['a Friday', new Date(2026, 11, 11, 9, 0), new Date(2026, 11, 14, 10, 0)],
    ['a Saturday', new Date(2026, 11, 12, 12, 0), new Date(2026, 11, 14, 10, 0)],
    ['a Sunday', new Date(2026, 11, 13, 8, 0), new Date(2026, 11, 14, 10, 0)],
  ])('tried on %s, is on the next working day 10:00–11:00', (_day, now, expectedStart) => {
    const { start, end } = nextWorkingDayAtTen(now);
    expect(start).toEqual(expectedStart);
    expect(end.getTime() - start.getTime()).toBe(3_600_000);
  });
});
