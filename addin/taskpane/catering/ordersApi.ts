import { ordersEndpoints } from '../../../shared/api/orders';
import type { AttendeeOrder, Order, OrderPatch } from '../../../shared/schemas/orders';
import type { ApiClient } from '../../api/client';
import type { Cart, CartLine } from './cart';

function orderBody(cart: Cart, lines: readonly CartLine[]) {
  return {
    lines: lines.map((l) => ({ itemId: l.item.id, quantity: l.quantity })),
    delivery: cart.delivery,
    headcount: cart.headcount,
    costCenter: cart.costCenter.trim(),
    notes: cart.notes.trim(),
  };
}

/** The calls the catering tab makes. */
export interface OrdersApi {
  /** Orders for the Outlook item by its EWS ItemId (saveAsync); the server reads the meeting through EWS. */
  placeForItem(itemId: string, roomId: string, cart: Cart, lines: readonly CartLine[]): Promise<Order[]>;
  /** The catering of the item's meeting as attendees see it (read mode: item.itemId). */
  ofItem(itemId: string, signal?: AbortSignal): Promise<AttendeeOrder[]>;
  get(id: string, signal?: AbortSignal): Promise<Order>;
  update(id: string, cart: Cart, lines: readonly CartLine[]): Promise<Order>;
  cancel(id: string): Promise<Order>;
}

export function ordersApi(client: ApiClient): OrdersApi {
  return {
    async placeForItem(itemId, roomId, cart, lines) {
      const created = await client.call(ordersEndpoints.createOrder, {
        body: { target: { itemId, roomId }, ...orderBody(cart, lines) },
      });
      return created.orders;
    },
    ofItem: (itemId, signal) => client.call(ordersEndpoints.ordersOfItem, { query: { itemId }, signal }),
    get: (id, signal) => client.call(ordersEndpoints.getOrder, { params: { id }, signal }),
    update: (id, cart, lines) => {
      const body: OrderPatch = orderBody(cart, lines);
      return client.call(ordersEndpoints.updateOrder, { params: { id }, body });
    },
    cancel: (id) => client.call(ordersEndpoints.cancelOrder, { params: { id } }),
  };
}
