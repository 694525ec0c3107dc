import { isAdmin, type Actor } from '../actor';

export const PRIVATE_SUBJECT = 'Private meeting';

export interface Attendee {
  readonly name: string;
  readonly email: string;
}

export interface BookingDetails {
  readonly subject: string;
  readonly organizer: Attendee;
  readonly attendees: readonly Attendee[];
  readonly isPrivate: boolean;
}

export interface VisibleDetails {
  readonly subject: string;
  readonly organizer: Attendee | null;
  readonly attendees: readonly Attendee[];
}

/** What an external user sees of other people's meetings: that the room is taken, nothing more. */
export const BUSY_SUBJECT = 'Busy';

const isOrganizer = (actor: Actor, booking: BookingDetails): boolean => {
  const organizer = booking.organizer.email.trim().toLowerCase();
  return organizer !== '' && organizer === actor.email.trim().toLowerCase();
};

/**
 * The organizer sees their own meetings; admins see everything; staff see non-private meetings.
 * External users (guests, contractors) see no one else's meeting: no subject, name or attendee.
 */
export function maySeeDetails(actor: Actor, booking: BookingDetails): boolean {
  if (isAdmin(actor) || isOrganizer(actor, booking)) return true;
  return actor.role !== 'external' && !booking.isPrivate;
}

/** What `actor` may read of a booking on a room's timeline; otherwise it shows only that it is taken. */
export function visibleDetails(actor: Actor, booking: BookingDetails): VisibleDetails {
  if (maySeeDetails(actor, booking)) {
    return { subject: booking.subject, organizer: booking.organizer, attendees: booking.attendees };
  }
  return { subject: actor.role === 'external' ? BUSY_SUBJECT : PRIVATE_SUBJECT, organizer: null, attendees: [] };
}
