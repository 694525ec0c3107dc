import type { OrderChangeKind } from '../../../../shared/schemas/orders';
import { decideAwaiting } from '../../../domain/catering/awaitingMeeting';
import { decideFollow, type EventNow, type FollowDecision, type LiveEvent } from '../../../domain/catering/follow';
import { changeCutoffAt } from '../../../domain/catering/ordersTiming';
import { isOpen } from '../../../domain/catering/ordersWorkflow';
import type { BookingChangeListener } from '../../../ports/bookingChanges';
import type { MeetingBooking, OrderFields, OrderTransaction, StoredOrder } from '../../../ports/orders';
import { BY_EVENT, commitChange } from './commit';
import { liveEventOf, repriced } from './events';
import { itemRules, providerRules } from './rules';
import type { OrderChangeBus, OrdersServiceDeps } from './types';

export interface OrderFollowerOptions {
  /**
   * How long a vanished meeting is given to reappear before its orders are cancelled: a room swap
   * reaches us as a cancellation in the old room and, maybe later, a booking in the new room's sync.
   */
  readonly settleMs: number;
  /** How often every order whose booking changed since it last looked is re-evaluated. */
  readonly sweepMs: number;
  readonly onError: (err: unknown, orderId: string | null) => void;
}

export interface OrderFollower extends BookingChangeListener {
  /** Re-evaluates one order against its meeting now; idempotent. */
  follow(orderId: string): Promise<void>;
  /** Re-evaluates every order that may have missed a change. */
  sweep(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

const SWEEP_BATCH = 200;

function applied(order: StoredOrder, decision: FollowDecision): { after: OrderFields; kind: OrderChangeKind } | null {
  switch (decision.kind) {
    case 'nothing':
    case 'track':
      return null;
    case 'cancel-by-event':
      return { after: { ...order, status: 'cancelled-by-event', cancelCheckAfter: null }, kind: 'cancelled-by-event' };
    case 'flag':
      return { after: { ...order, attention: decision.reasons }, kind: 'needs-attention' };
    case 'resolved':
      return { after: { ...order, attention: [] }, kind: 'attention-resolved' };
    case 'follow': {
      const priced = repriced(order.lines, order.currency, decision.changes.headcount);
      // A headcount whose total cannot be represented is left to a person to sort out.
      if (!priced) return { after: { ...order, attention: ['headcount-after-cutoff'] }, kind: 'needs-attention' };
      return {
        after: { ...order, ...decision.changes, ...priced },
        kind: decision.moved || decision.roomChanged ? 'moved-by-event' : 'changed',
      };
    }
  }
}

/**
 * Keeps orders with their meetings as the Exchange sync changes bookings. Wired into the sync as
 * its BookingChangeListener; the sweep catches what a lost notification or a restart missed.
 */
export function createOrderFollower(
  deps: OrdersServiceDeps,
  bus: OrderChangeBus,
  options: OrderFollowerOptions,
): OrderFollower {
  const timers = new Set<NodeJS.Timeout>();
  let sweeper: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  function recheckLater(orderId: string, delayMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      follow(orderId).catch((err: unknown) => options.onError(err, orderId));
    }, delayMs);
    timer.unref();
    timers.add(timer);
  }

  /**
   * An order waiting for its meeting to be sent: attaches to the room's booking once there is one
   * (and then follows it below), cancels with the reason once the meeting started without one, and
   * otherwise just waits — the settle delay of vanished bookings does not apply to it.
   */
  async function settleAwaiting(
    tx: OrderTransaction,
    order: StoredOrder,
    live: { booking: MeetingBooking; event: LiveEvent } | undefined,
  ): Promise<{ order: StoredOrder } | { outcome: { kind: OrderChangeKind } | null }> {
    const decision = decideAwaiting(order, live !== undefined, deps.clock.now());
    if (decision.kind === 'wait') {
      await tx.markFollowed(order.id, decision.checkAt);
      return { outcome: null };
    }
    if (decision.kind === 'expire') {
      const after: OrderFields = { ...order, status: 'cancelled-by-event', cancelCheckAfter: null };
      const kind = 'cancelled-by-event';
      await commitChange(deps, tx, {
        id: order.id,
        before: order,
        after,
        kind,
        author: BY_EVENT,
        note: decision.reason,
      });
      await tx.markFollowed(order.id, null);
      return { outcome: { kind } };
    }
    if (!live) throw new Error('attach without a booking');
    // Linked first, with the times the orderer saw; the follow rules then compare them with the booking's.
    const after: OrderFields = { ...order, bookingId: live.booking.id, awaitingMeeting: false, cancelCheckAfter: null };
    const linked = await commitChange(deps, tx, {
      id: order.id,
      before: order,
      after,
      kind: 'meeting-sent',
      author: BY_EVENT,
    });
    return { order: linked.order };
  }

  async function decide(tx: OrderTransaction, order: StoredOrder): Promise<{ kind: OrderChangeKind } | null> {
    const live = await liveEventOf(tx, order);
    if (order.awaitingMeeting) {
      const settled = await settleAwaiting(tx, order, live);
      if ('outcome' in settled) return settled.outcome;
      const followed = await decideLive(tx, settled.order, live);
      return followed ?? { kind: 'meeting-sent' };
    }
    return decideLive(tx, order, live);
  }

  async function decideLive(
    tx: OrderTransaction,
    order: StoredOrder,
    live: { booking: MeetingBooking; event: LiveEvent } | undefined,
  ): Promise<{ kind: OrderChangeKind } | null> {
    const now = deps.clock.now();
    let event: EventNow;
    if (live) {
      event = live.event;
    } else if (order.cancelCheckAfter === null || now.getTime() < order.cancelCheckAfter.getTime()) {
      const checkAfter = order.cancelCheckAfter ?? new Date(now.getTime() + options.settleMs);
      await tx.markFollowed(order.id, checkAfter);
      recheckLater(order.id, checkAfter.getTime() - now.getTime() + 10);
      return null;
    } else {
      event = { kind: 'gone' };
    }
    const current: StoredOrder =
      live && live.booking.id !== order.bookingId ? { ...order, bookingId: live.booking.id } : order;
    const provider = order.providerId === null ? undefined : await tx.catalog.provider(order.providerId);
    const items = await tx.catalog.itemsByIds(order.lines.map((l) => l.itemId));
    const rules = {
      now,
      items: itemRules(items),
      // A provider deleted from the catalog serves nowhere: every change needs a person.
      provider: provider ? providerRules(provider) : { buildingIds: [], workingHours: {} },
    };
    const decision = decideFollow(current, event, rules);
    const change = applied(current, decision);
    if (change === null) {
      const quiet: OrderFields =
        decision.kind === 'track'
          ? { ...current, eventStart: decision.changes.eventStart, eventEnd: decision.changes.eventEnd }
          : current;
      if (quiet !== order) await tx.update(order.id, { ...quiet, cancelCheckAfter: null });
      await tx.markFollowed(order.id, null);
      return null;
    }
    const after = {
      ...change.after,
      cancelCheckAfter: null,
      changeCutoffAt: changeCutoffAt(rules.items, change.after.deliveryAt),
    };
    await commitChange(deps, tx, { id: order.id, before: order, after, kind: change.kind, author: BY_EVENT });
    await tx.markFollowed(order.id, null);
    return { kind: change.kind };
  }

  async function follow(orderId: string): Promise<void> {
    const outcome = await deps.orders.transaction(async (tx) => {
      const order = await tx.lock(orderId);
      if (!order || !isOpen(order.status)) return null;
      return decide(tx, order);
    });
    if (outcome) bus.publish({ orderId, kind: outcome.kind });
  }

  async function followAll(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      try {
        await follow(id);
      } catch (err) {
        options.onError(err, id);
      }
    }
  }

  async function sweep(): Promise<number> {
    const ids = await deps.orders.ordersToFollow(deps.clock.now(), SWEEP_BATCH);
    await followAll(ids);
    return ids.length;
  }

  return {
    follow,
    sweep,
    async bookingsChanged({ bookingIds }) {
      const meetings = await deps.bookings.identitiesOf(bookingIds);
      await followAll(await deps.orders.openOrdersOf(bookingIds, meetings));
    },
    start() {
      if (sweeper) return;
      sweeper = setInterval(() => {
        running = sweep().catch((err: unknown) => options.onError(err, null));
      }, options.sweepMs);
      sweeper.unref();
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await running;
    },
  };
}
