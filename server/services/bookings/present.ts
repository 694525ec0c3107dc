import type { Booking, MyBooking } from '../../../shared/schemas/bookings';
import type { OwnBooking } from '../../ports/bookings';

export function presentBooking(b: OwnBooking): Booking {
  return {
    id: b.id,
    roomId: b.roomId,
    roomName: b.roomName,
    timeZone: b.timeZone,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    subject: b.subject,
    description: b.description,
    attendees: [...b.attendees],
    private: b.isPrivate,
    onlineMeetingUrl: b.onlineMeetingUrl,
    status: b.status,
    declinedReason: b.declinedReason,
    organizerEmail: b.organizerEmail,
    booker: b.booker ? { ...b.booker } : null,
    createdAt: b.createdAt.toISOString(),
  };
}

/**
 * A booking in My bookings. `eventsOpen`: whether the actor may open event pages now (events mode,
 * not an external), which is what GET /api/events/:id asks of the organizer.
 */
export function presentMyBooking(b: OwnBooking, eventsOpen: boolean): MyBooking {
  return { ...presentBooking(b), eventId: eventsOpen && b.isEvent === true ? b.id : null };
}
