import { rangeWindow } from './intervals';
import type { AnalyticsRoom, DateRange } from './types';

/** An order as the catering figures need it. */
export interface OrderFact {
  readonly roomId: string;
  /** The meeting's start (epoch ms): an order belongs to the range its meeting starts in. */
  readonly eventStart: number;
  readonly providerId: string | null;
  readonly providerName: string;
  readonly buildingId: string;
  readonly buildingName: string;
  readonly status: string;
  readonly flagged: boolean;
  readonly currency: string;
  /** The order's total in minor units (exact integers as strings would be safer past 2^53; totals here stay far below). */
  readonly totalMinor: number;
}

export interface SpendLine {
  readonly key: string;
  readonly name: string;
  readonly currency: string;
  readonly orders: number;
  readonly totalMinor: number;
}

export interface CateringFigures {
  readonly orders: number;
  readonly cancelled: number;
  readonly cancelledByEvent: number;
  readonly flagged: number;
  readonly spendByProvider: readonly SpendLine[];
  readonly spendByBuilding: readonly SpendLine[];
}

/** Orders whose meeting starts within the range, read in the room's building's zone. */
export function ordersInRange(
  orders: readonly OrderFact[],
  rooms: readonly AnalyticsRoom[],
  range: DateRange,
): OrderFact[] {
  const windows = new Map(rooms.map((r) => [r.id, rangeWindow(range, r.timeZone)]));
  return orders.filter((o) => {
    const window = windows.get(o.roomId);
    return window !== undefined && o.eventStart >= window.start && o.eventStart < window.end;
  });
}

/** Declined and cancelled orders were never delivered, so they are no spend. */
const SPENT = new Set(['requested', 'accepted', 'in-preparation', 'delivered']);

function spendBy(orders: readonly OrderFact[], keyOf: (o: OrderFact) => { key: string; name: string }): SpendLine[] {
  const lines = new Map<string, SpendLine>();
  for (const order of orders.filter((o) => SPENT.has(o.status))) {
    const { key, name } = keyOf(order);
    const id = `${key}|${order.currency}`;
    const line = lines.get(id) ?? { key, name, currency: order.currency, orders: 0, totalMinor: 0 };
    lines.set(id, { ...line, orders: line.orders + 1, totalMinor: line.totalMinor + order.totalMinor });
  }
  return [...lines.values()].sort((a, b) => b.totalMinor - a.totalMinor || a.name.localeCompare(b.name));
}

export function cateringFigures(orders: readonly OrderFact[]): CateringFigures {
  return {
    orders: orders.length,
    cancelled: orders.filter((o) => o.status === 'cancelled').length,
    cancelledByEvent: orders.filter((o) => o.status === 'cancelled-by-event').length,
    flagged: orders.filter((o) => o.flagged).length,
    spendByProvider: spendBy(orders, (o) => ({ key: o.providerId ?? o.providerName, name: o.providerName })),
    spendByBuilding: spendBy(orders, (o) => ({ key: o.buildingId, name: o.buildingName })),
  };
}
