import { isOpen } from '../../../domain/catering/ordersWorkflow';
import type { OrderFields } from '../../../ports/orders';
import { BY_EVENT, commitChange } from './commit';
import type { OrderChangeBus, OrdersServiceDeps } from './types';

export const CANCELLED_IN_ROOMSERVE = 'The organizer cancelled the booking in Roomserve.';

/**
 * Cancels, by their event, the open orders of a booking its organizer cancelled in Roomserve:
 * each in its own transaction with its history entry and notifications, like the follower's
 * changes, and published to the board at once. Returns how many were cancelled.
 */
export function cancelOrdersOfCancelledBooking(deps: OrdersServiceDeps, bus: OrderChangeBus) {
  return async function bookingCancelled(bookingId: string): Promise<number> {
    let cancelled = 0;
    for (const id of await deps.orders.openOrdersOf([bookingId], [])) {
      const committed = await deps.orders.transaction(async (tx) => {
        const order = await tx.lock(id);
        if (!order || !isOpen(order.status) || order.bookingId !== bookingId) return null;
        const after: OrderFields = { ...order, status: 'cancelled-by-event', cancelCheckAfter: null };
        const done = await commitChange(deps, tx, {
          id,
          before: order,
          after,
          kind: 'cancelled-by-event',
          author: BY_EVENT,
          note: CANCELLED_IN_ROOMSERVE,
        });
        await tx.markFollowed(id, null);
        return done;
      });
      if (committed) {
        bus.publish({ orderId: id, kind: committed.kind });
        cancelled += 1;
      }
    }
    return cancelled;
  };
}
