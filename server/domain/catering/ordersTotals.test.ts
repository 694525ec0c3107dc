import { describe, expect, it } from '@jest/globals';
import { orderTotals, type PricedLine } from './ordersTotals';

const line = (overrides: Partial<PricedLine>): PricedLine => ({
  unit: 'per-item',
  unitPriceMinor: 250,
  quantity: 1,
  currency: 'EUR',
  ...overrides,
});

describe('orderTotals', () => {
  it.each([
    ['per-item × quantity', [line({ quantity: 3 })], 1, [750], 750],
    [
      'per-person × servings × headcount',
      [line({ unit: 'per-person', unitPriceMinor: 1290, quantity: 1 })],
      12,
      [15480],
      15480,
    ],
    [
      'mixed units',
      [line({ quantity: 2 }), line({ unit: 'per-person', unitPriceMinor: 333, quantity: 2 })],
      7,
      [500, 4662],
      5162,
    ],
    ['free items', [line({ unitPriceMinor: 0, quantity: 10 })], 3, [0], 0],
    // 0.1 + 0.2 style drift cannot happen: 10 × 0.10 EUR is exactly 100 cents.
    ['ten dimes', [line({ unitPriceMinor: 10, quantity: 10 })], 1, [100], 100],
  ] as const)('%s', (_name, lines, headcount, lineTotals, total) => {
    expect(orderTotals(lines, headcount)).toEqual({ ok: true, lineTotals, totalMinor: total, currency: 'EUR' });
  });

  it('stays exact at the largest amounts the contracts allow', () => {
    const result = orderTotals([line({ unit: 'per-person', unitPriceMinor: 100_000_000, quantity: 9 })], 10_000);
    expect(result).toEqual({
      ok: true,
      lineTotals: [9_000_000_000_000],
      totalMinor: 9_000_000_000_000,
      currency: 'EUR',
    });
  });

  it('refuses a total beyond a safe number instead of rounding it', () => {
    const lines = [line({ unit: 'per-person', unitPriceMinor: 100_000_000, quantity: 10_000 })];
    expect(orderTotals(lines, 10_000)).toEqual({ ok: false, problem: 'too-large' });
  });

  it('refuses lines in two currencies', () => {
    expect(orderTotals([line({}), line({ currency: 'CHF' })], 1)).toEqual({ ok: false, problem: 'mixed-currencies' });
  });

  it('refuses an order without lines', () => {
    expect(orderTotals([], 1)).toEqual({ ok: false, problem: 'no-lines' });
  });
});
