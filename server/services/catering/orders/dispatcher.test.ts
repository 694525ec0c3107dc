import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from './dispatcher';

describe('retryDelayMs', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [6, 32_000],
    [7, 60_000],
    [30, 60_000],
  ])('attempt %i waits %i ms', (attempts, expected) => {
    expect(retryDelayMs(attempts, { retryBaseMs: 1_000, maxRetryMs: 60_000 })).toBe(expected);
  });
});
