import { describe, expect, it } from '@jest/globals';
import { buildItem } from '../testing/catering';
import { cartLines, cartTotalMinor, deliveryTime, emptyCart, formatMoney, setQuantity } from './cart';

describe('the cart', () => {
  const coffee = buildItem({ name: 'Coffee', unit: 'per-person', priceMinor: 250 });
  const platter = buildItem({ name: 'Platter', unit: 'per-item', priceMinor: 4500 });

  it('charges per-person items for every person and per-item items per piece', () => {
    let cart = emptyCart(6);
    cart = setQuantity(cart, coffee.id, 2);
    cart = setQuantity(cart, platter.id, 1);

    const lines = cartLines(cart, [coffee, platter]);

    expect(lines.map((l) => l.totalMinor)).toEqual([250 * 2 * 6, 4500]);
    expect(cartTotalMinor(lines)).toBe(3000 + 4500);
  });

  it('counts what arrives: one croissant per person for 4 people is 4 croissants at 4 × the price', () => {
    const croissant = buildItem({ name: 'Butter croissant', unit: 'per-person', priceMinor: 220 });
    const [line] = cartLines(setQuantity(emptyCart(4), croissant.id, 1), [croissant]);
    expect(line).toMatchObject({ quantity: 1, quantityToDeliver: 4, totalMinor: 880 });
  });

  it('drops a line set to zero', () => {
    const cart = setQuantity(setQuantity(emptyCart(3), platter.id, 2), platter.id, 0);
    expect(cartLines(cart, [coffee, platter])).toEqual([]);
  });

  it('places deliveries relative to the meeting', () => {
    const meeting = { start: new Date('2026-05-04T08:00:00Z'), end: new Date('2026-05-04T09:30:00Z') };
    expect(deliveryTime({ kind: 'before-start', minutes: 15 }, meeting).toISOString()).toBe('2026-05-04T07:45:00.000Z');
    expect(deliveryTime({ kind: 'at-end' }, meeting).toISOString()).toBe('2026-05-04T09:30:00.000Z');
  });

  it('formats minor units in the currency’s own decimals', () => {
    expect(formatMoney(1250, 'EUR')).toMatch(/12[.,]50/);
    expect(formatMoney(1250, 'JPY')).toMatch(/1,?250/);
  });
});
