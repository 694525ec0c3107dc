import type { RoomSchedule, RoomScheduleQuery, ScheduleEntry } from '../../../shared/schemas/search';
import {
  DEFAULT_BOOKING_PRIVACY,
  visibleDetails,
  type BookingPrivacy,
} from '../../domain/availability/bookingVisibility';
import { toIsoInterval } from '../../domain/availability/interval';
import { closedStretches } from '../../domain/availability/openingHours';
import type { Actor } from '../../domain/actor';
import { notFound } from '../../domain/errors';
import type { RoomSearchRepository, ScheduledBooking } from '../../ports/roomSearch';
import { windowOf } from './searchWindow';

export interface RoomScheduleDeps {
  readonly roomSearch: RoomSearchRepository;
  /** The installation's privacy settings; undefined (or absent) means the defaults. */
  readonly privacy?: (() => Promise<BookingPrivacy | undefined>) | undefined;
}

function entryFor(actor: Actor, booking: ScheduledBooking, privacy: BookingPrivacy): ScheduleEntry {
  const details = visibleDetails(actor, booking, privacy);
  return {
    id: booking.id,
    ...toIsoInterval(booking.span),
    subject: details.subject,
    organizer: details.organizer,
    attendees: [...details.attendees],
    isPrivate: actor.role === 'external' ? false : booking.isPrivate,
    status: booking.status,
    source: booking.source,
  };
}

/**
 * GET /api/rooms/:id/schedule: the room's timeline. Declined and cancelled bookings are left
 * out; they no longer take the room. Bookings are not clipped to the window, so a meeting that
 * started before `from` shows its real start.
 */
export async function roomSchedule(
  deps: RoomScheduleDeps,
  actor: Actor,
  roomId: string,
  query: RoomScheduleQuery,
): Promise<RoomSchedule> {
  const window = windowOf(query.from, query.to);
  const room = await deps.roomSearch.scheduleRoom(roomId);
  // A room an external may not book does not exist for them (as in the search).
  if (room === undefined || (actor.role === 'external' && !room.bookableExternal)) throw notFound('Room', roomId);
  const timeZone = room.timeZone;
  const [bookings, privacy] = await Promise.all([deps.roomSearch.bookingsOf(roomId, window), deps.privacy?.()]);
  const { start: from, end: to } = toIsoInterval(window);
  return {
    roomId,
    timeZone,
    from,
    to,
    entries: bookings.map((booking) => entryFor(actor, booking, privacy ?? DEFAULT_BOOKING_PRIVACY)),
    closed: closedStretches(window, timeZone, room.openingHours).map(toIsoInterval),
  };
}
