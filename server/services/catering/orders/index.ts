import { placeOrders } from './place';
import { manageOrders } from './manage';
import { itemOrders } from './ofItem';
import type { OrderChangeSubscriber } from '../../../ports/orders';
import { createOrderChangeBus, type OrderChangeBus, type OrdersServiceDeps } from './types';

export type { OrdersServiceDeps, OrderChangeBus, SyncWait } from './types';
export type { OrderInput } from './place';
export type { OrderPatch } from './manage';
export { createOrderFollower, type OrderFollower, type OrderFollowerOptions } from './follower';

/** Catering and facility service orders: placing, reading, changing, the facility board. */
export function createOrdersService(deps: OrdersServiceDeps, bus: OrderChangeBus = createOrderChangeBus()) {
  return {
    createOrders: placeOrders(deps, bus),
    ...manageOrders(deps, bus),
    ...itemOrders(deps),
    /** Live board updates: called after every committed order change; returns the unsubscribe. */
    subscribe: (subscriber: OrderChangeSubscriber) => bus.subscribe(subscriber),
    bus,
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
