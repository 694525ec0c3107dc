import type { Item } from '../../../shared/schemas/catalog';
import type { Delivery, Order } from '../../../shared/schemas/orders';

/** What the user is about to order (or is changing in an existing order). */
export interface Cart {
  /** Item id → pieces (per-item) or servings per person (per-person). */
  readonly quantities: Readonly<Record<string, number>>;
  readonly headcount: number;
  readonly delivery: Delivery;
  readonly costCenter: string;
  readonly notes: string;
}

export interface CartLine {
  readonly item: Item;
  /** Pieces, or servings per person. */
  readonly quantity: number;
  /**
   * A preview of what the server will count (server/domain/catering/quantities.ts) before the
   * order exists; placed orders show the server's own `quantityToDeliver`.
   */
  readonly quantityToDeliver: number;
  readonly totalMinor: number;
}

export function emptyCart(headcount: number): Cart {
  return { quantities: {}, headcount, delivery: { kind: 'at-start' }, costCenter: '', notes: '' };
}

export function cartFromOrder(order: Order): Cart {
  return {
    quantities: Object.fromEntries(order.lines.map((l) => [l.itemId, l.quantity])),
    headcount: order.headcount,
    delivery: order.delivery,
    costCenter: order.costCenter,
    notes: order.notes,
  };
}

export function setQuantity(cart: Cart, itemId: string, quantity: number): Cart {
  const quantities = { ...cart.quantities };
  if (quantity > 0) quantities[itemId] = quantity;
  else delete quantities[itemId];
  return { ...cart, quantities };
}

/** Per-person items arrive servings × headcount times, per-item ones as pieces; each costs price × that. */
export function cartLines(cart: Cart, items: readonly Item[]): CartLine[] {
  return items.flatMap((item) => {
    const quantity = cart.quantities[item.id] ?? 0;
    if (quantity <= 0) return [];
    const quantityToDeliver = item.unit === 'per-person' ? quantity * cart.headcount : quantity;
    return [{ item, quantity, quantityToDeliver, totalMinor: item.priceMinor * quantityToDeliver }];
  });
}

export function cartTotalMinor(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.totalMinor, 0);
}

/** The delivery choices the pane offers, relative to the meeting; the key is what a <select> holds. */
export const DELIVERY_CHOICES: readonly Delivery[] = [
  { kind: 'before-start', minutes: 30 },
  { kind: 'before-start', minutes: 15 },
  { kind: 'at-start' },
  { kind: 'after-start', minutes: 30 },
  { kind: 'after-start', minutes: 60 },
  { kind: 'at-end' },
];

export function deliveryKey(delivery: Delivery): string {
  return delivery.minutes === undefined ? delivery.kind : `${delivery.kind}:${delivery.minutes}`;
}

export function deliveryFromKey(key: string): Delivery | undefined {
  return DELIVERY_CHOICES.find((choice) => deliveryKey(choice) === key);
}

/** When the delivery arrives for a meeting at start..end. */
export function deliveryTime(delivery: Delivery, meeting: { start: Date; end: Date }): Date {
  const minute = 60_000;
  switch (delivery.kind) {
    case 'at-start':
      return meeting.start;
    case 'before-start':
      return new Date(meeting.start.getTime() - (delivery.minutes ?? 0) * minute);
    case 'after-start':
      return new Date(meeting.start.getTime() + (delivery.minutes ?? 0) * minute);
    case 'at-end':
      return meeting.end;
  }
}

const fractionDigits = new Map<string, number>();

/** Minor units (cents) → "€12.50" in the browser's locale; integer arithmetic until the last step. */
export function formatMoney(minor: number, currency: string): string {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 10 ** digits);
}
