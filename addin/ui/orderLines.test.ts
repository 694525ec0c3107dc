import { describe, expect, it } from '@jest/globals';
import { orderLineText } from './orderLines';

describe('orderLineText', () => {
  it('names what arrives and how a per-person line adds up', () => {
    expect(orderLineText({ name: 'Butter croissant', unit: 'per-person', quantity: 1, quantityToDeliver: 4 }, 4)).toBe(
      '4 × Butter croissant (1 per person × 4 people)',
    );
    expect(orderLineText({ name: 'Coffee and tea', unit: 'per-person', quantity: 2, quantityToDeliver: 2 }, 1)).toBe(
      '2 × Coffee and tea (2 per person × 1 person)',
    );
  });

  it('shows per-item pieces as ordered', () => {
    expect(orderLineText({ name: 'Water', unit: 'per-item', quantity: 2, quantityToDeliver: 2 }, 9)).toBe('2 × Water');
  });
});
