import type { Booking } from '../../../shared/schemas/bookings';
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
