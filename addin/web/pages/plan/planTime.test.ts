// @timezone-sensitive
import { describe, expect, it } from '@jest/globals';
import { instantOfStep, quarterAfter, stepsUntil } from './planTime';

const now = Date.parse('2026-12-07T10:07:30Z');

describe('the time slider steps', () => {
  it('starts at now and then moves in quarter hours', () => {
    expect(instantOfStep(now, 0)).toBeUndefined();
    expect(new Date(instantOfStep(now, 1) ?? 0).toISOString()).toBe('2026-12-07T10:15:00.000Z');
    expect(new Date(instantOfStep(now, 4) ?? 0).toISOString()).toBe('2026-12-07T11:00:00.000Z');
  });

  it('ends at the last quarter hour before the horizon', () => {
    const end = Date.parse('2026-12-07T11:00:00Z');
    expect(stepsUntil(now, end)).toBe(3);
    expect(instantOfStep(now, stepsUntil(now, end))).toBe(end - 15 * 60_000);
    expect(quarterAfter(Date.parse('2026-12-07T10:15:00Z'))).toBe(Date.parse('2026-12-07T10:30:00Z'));
  });
});
