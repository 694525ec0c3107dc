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

/** The organizer sees their own private meetings; admins see everything. */
export function maySeeDetails(actor: Actor, booking: BookingDetails): boolean {
  if (!booking.isPrivate || isAdmin(actor)) return true;
  const organizer = booking.organizer.email.trim().toLowerCase();
  return organizer !== '' && organizer === actor.email.trim().toLowerCase();
}

/** What `actor` may read of a booking on a room's timeline; a private one shows only that it is taken. */
export function visibleDetails(actor: Actor, booking: BookingDetails): VisibleDetails {
  if (maySeeDetails(actor, booking)) {
    return { subject: booking.subject, organizer: booking.organizer, attendees: booking.attendees };
  }
  return { subject: PRIVATE_SUBJECT, organizer: null, attendees: [] };
}
