import type { AttendeeOrder } from '../../../../shared/schemas/orders';
import { isFacilityOrAdmin, type Actor } from '../../../domain/actor';
import { forbidden } from '../../../domain/errors';
import { identityOf, meetingOfItem } from './itemTarget';
import { presentForAttendees } from './present';
import type { OrdersServiceDeps } from './types';

export interface OrdersOfItemQuery {
  readonly itemId: string;
  /** Admins and the facility team only: whose mailbox the item is in. */
  readonly mailbox?: string | undefined;
}

/**
 * The catering of the meeting an Outlook item belongs to, for its attendees. Finding the item in
 * one's own mailbox is the proof of being the organizer or an attendee: Exchange keeps a copy of
 * the meeting in each of their calendars and nowhere else.
 */
export function itemOrders(deps: OrdersServiceDeps) {
  return {
    async ordersOfItem(actor: Actor, query: OrdersOfItemQuery): Promise<AttendeeOrder[]> {
      if (query.mailbox !== undefined && !isFacilityOrAdmin(actor))
        throw forbidden("Only admins and the facility team look into someone else's calendar");
      const meeting = await meetingOfItem(deps, query.mailbox ?? actor.email, query.itemId);
      const orders = await deps.orders.ofMeeting(identityOf(meeting), meeting.kind === 'series');
      return orders.map(presentForAttendees);
    },
  };
}
