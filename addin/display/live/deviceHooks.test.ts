import { describe, expect, it } from '@jest/globals';
import { pixelShift, SHIFT_EVERY_MS, SHIFT_STEPS } from './deviceHooks';

describe('the burn-in shift', () => {
  it('stays within the 8 px margin the wall keeps (at most 4 px each way)', () => {
    for (const [x, y] of SHIFT_STEPS) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(4);
  });

  it('moves every two minutes and comes round again', () => {
    const seen = SHIFT_STEPS.map((_, i) => pixelShift(i * SHIFT_EVERY_MS));
    expect(new Set(seen.map((s) => `${s.x},${s.y}`)).size).toBe(SHIFT_STEPS.length);
    expect(pixelShift(SHIFT_STEPS.length * SHIFT_EVERY_MS)).toEqual(pixelShift(0));
  });
});
