import type { AttendeeOrder, Board, Order, OrderHistoryEntry, OrderStatus } from '../../../../shared/schemas/orders';
import type { Actor } from '../../../domain/actor';
import type { BoardFilter, OrderChangeSubscriber, OrderListFilter } from '../../../ports/orders';
import { placeOrders, type OrderInput } from './place';
import { manageOrders, type OrderPatch } from './manage';
import { itemOrders, type OrdersOfItemQuery } from './ofItem';
import { cancelOrdersOfCancelledBooking } from './bookingCancelled';
import { createOrderChangeBus, type OrderChangeBus, type OrdersServiceDeps } from './types';

export type { OrdersServiceDeps, OrderChangeBus, SyncWait } from './types';
export type { OrderInput } from './place';
export type { OrderPatch } from './manage';
export { createOrderFollower, type OrderFollower, type OrderFollowerOptions } from './follower';

/** Catering and facility service orders: placing, reading, changing, the facility board. */
export interface OrdersService {
  /** One order per occurrence the target names; occurrences that cannot take one are skipped with the reason. */
  createOrders(
    actor: Actor,
    input: OrderInput,
  ): Promise<{ orders: Order[]; skipped: { bookingId: string; start: string; reason: string }[] }>;
  getOrder(actor: Actor, id: string): Promise<Order & { history: OrderHistoryEntry[] }>;
  listMyOrders(actor: Actor, filter: OrderListFilter): Promise<Order[]>;
  /** A meeting's orders as its attendees may see them (no prices, no notes). */
  ordersOfItem(actor: Actor, query: OrdersOfItemQuery): Promise<AttendeeOrder[]>;
  updateOrder(actor: Actor, id: string, patch: OrderPatch): Promise<Order>;
  cancelOrder(actor: Actor, id: string): Promise<Order>;
  setStatus(actor: Actor, id: string, status: OrderStatus, note?: string): Promise<Order>;
  resolveAttention(actor: Actor, id: string, action: 'follow-event' | 'keep'): Promise<Order>;
  board(filter: BoardFilter): Promise<Board>;
  exportOrders(filter: BoardFilter): Promise<Order[]>;
  /** Live board updates: called after every committed order change; returns the unsubscribe. */
  subscribe(subscriber: OrderChangeSubscriber): () => void;
  /** The organizer cancelled this booking in Roomserve: its open orders are cancelled at once; returns how many. */
  bookingCancelled(bookingId: string): Promise<number>;
  /** Shared with the order follower, so that its changes reach the same subscribers. */
  readonly bus: OrderChangeBus;
}

export function createOrdersService(
  deps: OrdersServiceDeps,
  bus: OrderChangeBus = createOrderChangeBus(),
): OrdersService {
  return {
    createOrders: placeOrders(deps, bus),
    ...manageOrders(deps, bus),
    ...itemOrders(deps),
    bookingCancelled: cancelOrdersOfCancelledBooking(deps, bus),
    subscribe: (subscriber: OrderChangeSubscriber) => bus.subscribe(subscriber),
    bus,
  };
}
