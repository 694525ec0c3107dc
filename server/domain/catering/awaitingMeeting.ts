import type { OrderStatus } from '../../../shared/schemas/orders';

/**
 * Orders that wait for their meeting. Outlook's saveAsync puts a new appointment on the
 * organizer's calendar without sending it, so the room has no booking yet when the add-in orders.
 * Such an order keeps the meeting's identity, room and times as the organizer's copy had them, and
 * waits: it attaches to the room's booking once the organizer sends the meeting, and is cancelled
 * by its event if the meeting starts without having been sent. Unlike an order whose booking
 * vanished, it is never cancelled after the settle delay: not having a booking is its normal state.
 */

export type AwaitingDecision =
  /** The room's booking of the meeting is here: link the order to it, then follow it like any order. */
  | { readonly kind: 'attach' }
  /** Keep waiting; look again (at the latest) at `checkAt`, the meeting's start. */
  | { readonly kind: 'wait'; readonly checkAt: Date }
  /** The meeting started and was never sent: cancel the order, saying so. */
  | { readonly kind: 'expire'; readonly reason: string };

export const NEVER_SENT_REASON =
  'The meeting started without having been sent to the room (it was only saved in Outlook), so the order was cancelled.';

export function decideAwaiting(
  order: { readonly eventStart: Date },
  bookingFound: boolean,
  now: Date,
): AwaitingDecision {
  if (bookingFound) return { kind: 'attach' };
  if (now.getTime() >= order.eventStart.getTime()) return { kind: 'expire', reason: NEVER_SENT_REASON };
  return { kind: 'wait', checkAt: order.eventStart };
}

/**
 * What the provider may do while the meeting is not sent: acknowledge (accept) or refuse the
 * order, or it may be cancelled, but not prepare or deliver it — the meeting may never happen.
 */
export function statusAllowedWhileAwaiting(to: OrderStatus): boolean {
  return to !== 'in-preparation' && to !== 'delivered';
}
