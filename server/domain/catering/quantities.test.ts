import { describe, expect, it } from '@jest/globals';
import { ORDER_LIMITS } from '../../../shared/schemas/orders';
import { quantityToDeliver } from './quantities';

describe('quantityToDeliver', () => {
  it.each([
    ['one croissant per person for 4 people is 4 croissants', 'per-person', 1, 4, 4],
    ['two servings per person for 3 people is 6', 'per-person', 2, 3, 6],
    ['per-item pieces ignore the headcount', 'per-item', 2, 12, 2],
    ['a single piece for one person', 'per-item', 1, 1, 1],
  ] as const)('%s', (_name, unit, quantity, headcount, expected) => {
    expect(quantityToDeliver({ unit, quantity }, headcount)).toBe(expected);
  });

  it('stays an exact integer at the largest quantity and headcount the contract allows', () => {
    const most = quantityToDeliver(
      { unit: 'per-person', quantity: ORDER_LIMITS.maxQuantity },
      ORDER_LIMITS.maxHeadcount,
    );
    expect(most).toBe(100_000_000);
    expect(Number.isSafeInteger(most)).toBe(true);
  });
});
