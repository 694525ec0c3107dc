import type { ItemUnit } from '../../../shared/schemas/catalog';

/** An order line as ordered: pieces of a per-item article, or servings per person of a per-person one. */
export interface OrderedQuantity {
  readonly unit: ItemUnit;
  readonly quantity: number;
}

/**
 * How many to deliver: a per-person line's servings per person times the headcount, a per-item
 * line's pieces as ordered. Prices, the board, mails, webhooks and the CSV all count with this, so
 * "1 per person" for 4 people is 4 croissants everywhere. Both factors are bounded by the order
 * contract (10,000 each), so the product stays an exact integer.
 */
export function quantityToDeliver(line: OrderedQuantity, headcount: number): number {
  return line.unit === 'per-person' ? line.quantity * headcount : line.quantity;
}
