import type { z } from 'zod';
import type { Board, Order, OrderHistoryEntry, OrderStatus, orderPatchSchema } from '../../../../shared/schemas/orders';
import { isFacilityOrAdmin, type Actor } from '../../../domain/actor';
import { statusAllowedWhileAwaiting } from '../../../domain/catering/awaitingMeeting';
import { followChanges } from '../../../domain/catering/follow';
import { changeCutoffAt, deliveryAt, deliveryProblems, wallClock } from '../../../domain/catering/ordersTiming';
import { canMoveTo, isEditable, isOpen } from '../../../domain/catering/ordersWorkflow';
import { conflict, notFound, unprocessable } from '../../../domain/errors';
import type { BoardFilter, OrderFields, OrderListFilter, OrderTransaction, StoredOrder } from '../../../ports/orders';
import { commitChange, type ChangeAuthor, type Committed } from './commit';
import { pricedLines } from './place';
import { presentHistory, presentOrder } from './present';
import { itemRules, loadOrderable, providerRules } from './rules';
import { liveEventOf, repriced } from './events';
import type { OrderChangeBus, OrdersServiceDeps } from './types';

export type OrderPatch = z.output<typeof orderPatchSchema>;

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The orderer, whoever placed it for them, and the facility team see an order; nobody else. */
function maySee(actor: Actor, order: StoredOrder): boolean {
  return (
    isFacilityOrAdmin(actor) || sameEmail(actor.email, order.orderer.email) || order.placedBy.userId === actor.userId
  );
}

const authorOf = (actor: Actor, order: OrderFields): ChangeAuthor => ({
  userId: actor.userId,
  name: actor.name,
  isOrderer: sameEmail(actor.email, order.orderer.email),
});

function beforeCutoff(order: StoredOrder, now: Date): void {
  if (!isEditable(order.status)) throw conflict(`A ${order.status} order cannot be changed`, { status: order.status });
  if (now.getTime() >= order.changeCutoffAt.getTime())
    throw conflict('The change cut-off of this order has passed', {
      reason: 'after-cutoff',
      changeCutoffAt: order.changeCutoffAt.toISOString(),
    });
}

export function manageOrders(deps: OrdersServiceDeps, bus: OrderChangeBus) {
  /** Runs a change on the locked order; publishes it to the board once committed. */
  async function change(
    id: string,
    actor: Actor,
    work: (tx: OrderTransaction, order: StoredOrder) => Promise<Committed>,
  ): Promise<Order> {
    const committed = await deps.orders.transaction(async (tx) => {
      const order = await tx.lock(id);
      if (!order || !maySee(actor, order)) throw notFound('Order', id);
      return work(tx, order);
    });
    bus.publish({ orderId: committed.order.id, kind: committed.kind });
    return presentOrder(committed.order, actor);
  }

  async function edited(tx: OrderTransaction, order: StoredOrder, patch: OrderPatch): Promise<OrderFields> {
    const lines = patch.lines ?? order.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity }));
    const rules = await loadOrderable(
      tx.catalog,
      lines.map((l) => l.itemId),
    );
    if (rules.provider.id !== order.providerId)
      throw unprocessable('Items of another provider need an order of their own', { field: 'lines' });
    const delivery = patch.delivery ?? order.delivery;
    const at = deliveryAt(delivery, { start: order.eventStart, end: order.eventEnd });
    const now = deps.clock.now();
    if (at.getTime() !== order.deliveryAt.getTime() || patch.lines) {
      const reasons = deliveryProblems(
        { at, buildingId: order.buildingId, timeZone: order.timeZone },
        providerRules(rules.provider),
        itemRules(rules.items),
        now,
      );
      if (reasons.length > 0) throw unprocessable(`The delivery cannot be served: ${reasons.join(', ')}`, { reasons });
    }
    const cutoff = changeCutoffAt(itemRules(rules.items), at);
    if (now.getTime() >= cutoff.getTime())
      throw unprocessable('The change would be past the cut-off of its items', { reason: 'after-cutoff' });
    const headcount = patch.headcount ?? order.headcount;
    const priced = pricedLines(lines, rules.items, headcount);
    return {
      ...order,
      delivery,
      deliveryAt: at,
      headcount,
      followAttendees: patch.followAttendees ?? order.followAttendees,
      costCenter: patch.costCenter ?? order.costCenter,
      notes: patch.notes ?? order.notes,
      dietaryRemarks: patch.dietaryRemarks ?? order.dietaryRemarks,
      lines: priced.lines,
      totalMinor: priced.totalMinor,
      currency: priced.currency,
      changeCutoffAt: cutoff,
    };
  }

  function withStatus(actor: Actor, status: OrderStatus, note?: string) {
    return async (tx: OrderTransaction, order: StoredOrder): Promise<Committed> => {
      if (!canMoveTo(order.status, status))
        throw conflict(`A ${order.status} order cannot become ${status}`, { from: order.status, to: status });
      if (order.awaitingMeeting && !statusAllowedWhileAwaiting(status))
        throw conflict('The meeting has not been sent yet: do not prepare the order until it is', {
          from: order.status,
          to: status,
          reason: 'awaiting-meeting',
        });
      const after: OrderFields = { ...order, status };
      return commitChange(deps, tx, {
        id: order.id,
        before: order,
        after,
        kind: 'status-change',
        author: authorOf(actor, order),
        ...(note ? { note } : {}),
      });
    };
  }

  return {
    async getOrder(actor: Actor, id: string): Promise<Order & { history: OrderHistoryEntry[] }> {
      const order = await deps.orders.findById(id);
      if (!order || !maySee(actor, order)) throw notFound('Order', id);
      const history = await deps.orders.history(id);
      return { ...presentOrder(order, actor), history: history.map(presentHistory) };
    },

    async listMyOrders(actor: Actor, filter: OrderListFilter): Promise<Order[]> {
      return (await deps.orders.listForOrderer(actor.email, filter)).map((o) => presentOrder(o, actor));
    },

    updateOrder: (actor: Actor, id: string, patch: OrderPatch): Promise<Order> =>
      change(id, actor, async (tx, order) => {
        beforeCutoff(order, deps.clock.now());
        const after = await edited(tx, order, patch);
        return commitChange(deps, tx, { id, before: order, after, kind: 'changed', author: authorOf(actor, order) });
      }),

    cancelOrder: (actor: Actor, id: string): Promise<Order> =>
      change(id, actor, async (tx, order) => {
        if (!isFacilityOrAdmin(actor)) beforeCutoff(order, deps.clock.now());
        return withStatus(actor, 'cancelled')(tx, order);
      }),

    setStatus: (actor: Actor, id: string, status: OrderStatus, note?: string): Promise<Order> =>
      change(id, actor, withStatus(actor, status, note)),

    resolveAttention: (actor: Actor, id: string, action: 'follow-event' | 'keep'): Promise<Order> =>
      change(id, actor, async (tx, order) => {
        if (order.attention.length === 0 || !isOpen(order.status))
          throw conflict('The order does not need attention', { attention: order.attention });
        let after: OrderFields = { ...order, attention: [] };
        if (action === 'follow-event') {
          const event = await liveEventOf(tx, order);
          if (!event) throw conflict('The meeting has no live booking to follow');
          const changes = followChanges(order, event.event);
          const items = await tx.catalog.itemsByIds(order.lines.map((l) => l.itemId));
          after = {
            ...after,
            ...changes,
            bookingId: event.booking.id,
            changeCutoffAt: changeCutoffAt(itemRules(items), changes.deliveryAt),
          };
          const priced = repriced(order.lines, order.currency, after.headcount);
          if (!priced) throw unprocessable('The order total is too large for the new headcount');
          after = { ...after, ...priced };
        }
        return commitChange(deps, tx, {
          id,
          before: order,
          after,
          kind: 'attention-resolved',
          author: authorOf(actor, order),
        });
      }),

    async board(filter: BoardFilter): Promise<Board> {
      const orders = await deps.orders.listDelivering(filter);
      const groups = new Map<string, Board['groups'][number]>();
      for (const order of orders) {
        const key = `${order.deliveryAt.toISOString()}|${order.roomId}`;
        const group = groups.get(key);
        if (group) {
          group.orders.push(presentOrder(order, undefined));
          continue;
        }
        const local = wallClock(order.deliveryAt, order.timeZone);
        groups.set(key, {
          deliveryAt: order.deliveryAt.toISOString(),
          localDate: local.date,
          localTime: local.time,
          buildingId: order.buildingId,
          buildingName: order.buildingName,
          roomId: order.roomId,
          roomName: order.roomName,
          orders: [presentOrder(order, undefined)],
        });
      }
      return {
        from: filter.from.toISOString(),
        to: filter.to.toISOString(),
        groups: [...groups.values()],
        counts: { total: orders.length, needsAttention: orders.filter((o) => o.attention.length > 0).length },
      };
    },

    /** Orders delivering in the window, for the CSV export. */
    async exportOrders(filter: BoardFilter): Promise<Order[]> {
      return (await deps.orders.listDelivering(filter)).map((o) => presentOrder(o, undefined));
    },
  };
}
