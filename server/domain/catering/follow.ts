import type { AttentionReason, Delivery, OrderStatus } from '../../../shared/schemas/orders';
import { ORDER_LIMITS } from '../../../shared/schemas/orders';
import { isOpen } from './ordersWorkflow';
import {
  changeCutoffAt,
  deliveryAt,
  deliveryProblems,
  type OrderedItemRules,
  type ProviderRules,
} from './ordersTiming';

/**
 * The moving rules: how an order follows its meeting when the meeting changes in Exchange.
 * Pure: the caller loads the order, the meeting's current state and the catalog rules.
 */

/** The order as last agreed with the provider. */
export interface FollowedOrder {
  readonly status: OrderStatus;
  readonly attention: readonly AttentionReason[];
  readonly delivery: Delivery;
  readonly deliveryAt: Date;
  readonly eventStart: Date;
  readonly eventEnd: Date;
  readonly roomId: string;
  readonly buildingId: string;
  readonly headcount: number;
  readonly followAttendees: boolean;
}

/** The meeting now: live in a room, or gone (cancelled, or no room left after the settle delay). */
export type EventNow =
  | { readonly kind: 'gone' }
  | {
      readonly kind: 'live';
      readonly start: Date;
      readonly end: Date;
      readonly roomId: string;
      readonly buildingId: string;
      readonly timeZone: string;
      readonly attendeeCount: number;
    };
export type LiveEvent = Extract<EventNow, { kind: 'live' }>;

export interface FollowRules {
  readonly provider: ProviderRules;
  readonly items: readonly OrderedItemRules[];
  readonly now: Date;
}

/** The order fields that follow the event. */
export interface FollowChanges {
  readonly eventStart: Date;
  readonly eventEnd: Date;
  readonly deliveryAt: Date;
  readonly roomId: string;
  readonly buildingId: string;
  readonly headcount: number;
}

export type FollowDecision =
  | { readonly kind: 'nothing' }
  /** Only the event's own times changed (say, its end for an at-start delivery): nothing to tell anyone. */
  | { readonly kind: 'track'; readonly changes: FollowChanges }
  | {
      readonly kind: 'follow';
      readonly changes: FollowChanges;
      readonly moved: boolean;
      readonly roomChanged: boolean;
      readonly headcountChanged: boolean;
    }
  | { readonly kind: 'flag'; readonly reasons: readonly AttentionReason[] }
  /** A flagged order whose event came back to the agreed time, room and headcount. */
  | { readonly kind: 'resolved' }
  | { readonly kind: 'cancel-by-event' };

const same = (a: Date, b: Date): boolean => a.getTime() === b.getTime();

const clampHeadcount = (n: number): number => Math.min(ORDER_LIMITS.maxHeadcount, Math.max(1, n));

/** What the order would become if it simply followed the event. */
export function followChanges(order: FollowedOrder, event: LiveEvent): FollowChanges {
  return {
    eventStart: event.start,
    eventEnd: event.end,
    deliveryAt: deliveryAt(order.delivery, event),
    roomId: event.roomId,
    buildingId: event.buildingId,
    headcount: order.followAttendees ? clampHeadcount(event.attendeeCount) : order.headcount,
  };
}

function sameReasons(a: readonly AttentionReason[], b: readonly AttentionReason[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

function problemsOf(
  order: FollowedOrder,
  event: LiveEvent,
  changes: FollowChanges,
  rules: FollowRules,
): AttentionReason[] {
  const moved = !same(changes.deliveryAt, order.deliveryAt);
  const buildingChanged = changes.buildingId !== order.buildingId;
  const problems =
    moved || buildingChanged
      ? deliveryProblems(
          { at: changes.deliveryAt, buildingId: changes.buildingId, timeZone: event.timeZone },
          rules.provider,
          rules.items,
          rules.now,
        )
      : [];
  const headcountChanged = changes.headcount !== order.headcount;
  if (headcountChanged && rules.now.getTime() >= changeCutoffAt(rules.items, changes.deliveryAt).getTime())
    problems.push('headcount-after-cutoff');
  return problems;
}

/**
 * Decides what an order does about its event's current state. An order that already needs
 * attention is never changed silently: it stays flagged (with fresh reasons when there are new
 * problems) until someone resolves it, or its event returns to what was agreed.
 */
export function decideFollow(order: FollowedOrder, event: EventNow, rules: FollowRules): FollowDecision {
  if (!isOpen(order.status)) return { kind: 'nothing' };
  if (event.kind === 'gone') return { kind: 'cancel-by-event' };

  const changes = followChanges(order, event);
  const moved = !same(changes.deliveryAt, order.deliveryAt);
  const roomChanged = changes.roomId !== order.roomId;
  const headcountChanged = changes.headcount !== order.headcount;
  const timesChanged = !same(changes.eventStart, order.eventStart) || !same(changes.eventEnd, order.eventEnd);
  const orderChanges = moved || roomChanged || headcountChanged;

  if (order.attention.length > 0) {
    if (!orderChanges) return { kind: 'resolved' };
    const problems = problemsOf(order, event, changes, rules);
    const reasons = problems.length > 0 ? problems : order.attention;
    return sameReasons(reasons, order.attention) ? { kind: 'nothing' } : { kind: 'flag', reasons };
  }
  if (!orderChanges) return timesChanged ? { kind: 'track', changes } : { kind: 'nothing' };
  const problems = problemsOf(order, event, changes, rules);
  if (problems.length > 0) return { kind: 'flag', reasons: problems };
  return { kind: 'follow', changes, moved, roomChanged, headcountChanged };
}

/** People in the meeting: the organizer and every person invited (rooms and equipment do not eat). */
export function attendeeCount(
  attendees: readonly { readonly email: string; readonly kind: string }[],
  organizerEmail: string,
): number {
  const people = new Set(attendees.filter((a) => a.kind !== 'resource').map((a) => a.email.trim().toLowerCase()));
  if (organizerEmail.trim() !== '') people.add(organizerEmail.trim().toLowerCase());
  people.delete('');
  return Math.max(1, people.size);
}
