import { describe, expect, it } from '@jest/globals';
import { backoffDelay } from './backoff';

describe('reconnect back-off', () => {
  it.each([
    [0, 2_000],
    [1, 4_000],
    [2, 8_000],
    [5, 60_000],
    [50, 60_000],
  ])('waits %i times: %i ms without jitter', (attempt, ms) => {
    expect(backoffDelay(attempt, () => 0)).toBe(ms);
  });

  it('takes at most a fifth off for jitter', () => {
    expect(backoffDelay(0, () => 1)).toBe(1_600);
  });
});
