import type { ORGANIZER_NAME_AUDIENCES, SUBJECT_VISIBILITIES } from '../../../shared/schemas/plan';
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
  /** False when `subject` is a placeholder (private, hidden by the settings, or an external reader). */
  readonly subjectShown: boolean;
  readonly organizer: Attendee | null;
  readonly attendees: readonly Attendee[];
}

/** What an external user sees of other people's meetings: that the room is taken, nothing more. */
export const BUSY_SUBJECT = 'Busy';
/** What a subject hidden by the installation's settings reads as. */
export const BOOKED_SUBJECT = 'Booked';

/** Who sees organizer names of other people's meetings. External users never do, whatever is set. */
export type OrganizerNameAudience = (typeof ORGANIZER_NAME_AUDIENCES)[number];
/** Whose subjects are shown: never, or those of meetings not marked private. */
export type SubjectVisibility = (typeof SUBJECT_VISIBILITIES)[number];

/** The installation's privacy settings (Admin → Installation). */
export interface BookingPrivacy {
  readonly organizerNames: OrganizerNameAudience;
  readonly subjects: SubjectVisibility;
}

/** Before an admin chose: names to everyone signed in (not externals), subjects of non-private meetings. */
export const DEFAULT_BOOKING_PRIVACY: BookingPrivacy = { organizerNames: 'signed-in', subjects: 'non-private' };

/** An address as organizers are recognised: case and surrounding spaces do not count. */
export const organizerKey = (email: string): string => email.trim().toLowerCase();

const isOrganizer = (actor: Actor, booking: BookingDetails): boolean => {
  const organizer = organizerKey(booking.organizer.email);
  return organizer !== '' && organizer === organizerKey(actor.email);
};

/** Admins and the organizer are not bound by the privacy settings: they can read the meeting in Exchange anyway. */
const seesEverything = (actor: Actor, booking: BookingDetails): boolean =>
  isAdmin(actor) || isOrganizer(actor, booking);

/**
 * "Employees only" leaves out facility staff (caterers, caretakers; often contractors) as well as
 * external users, who never see names. Analysts are employees with one more page.
 */
function namesShownTo(actor: Actor, privacy: BookingPrivacy): boolean {
  if (actor.role === 'external') return false;
  if (privacy.organizerNames === 'signed-in') return true;
  return privacy.organizerNames === 'employees' && (actor.role === 'employee' || actor.role === 'analyst');
}

/**
 * Whether `actor` may read the meeting in full (subject, organizer, attendees). Organizers and
 * admins always; others when the meeting is not private and the settings show both names and subjects.
 */
export function maySeeDetails(
  actor: Actor,
  booking: BookingDetails,
  privacy: BookingPrivacy = DEFAULT_BOOKING_PRIVACY,
): boolean {
  if (seesEverything(actor, booking)) return true;
  return !booking.isPrivate && namesShownTo(actor, privacy) && privacy.subjects === 'non-private';
}

/**
 * What `actor` may read of a booking wherever a room is shown (timelines, the live plan, busy
 * rooms). The one rule of who sees what:
 * - the organizer sees their own meetings and admins see everything;
 * - external users see only that the room is taken;
 * - otherwise the organizer's name (and the attendees') as the installation's settings say, the
 *   subject only for meetings not marked private and only when subjects are shown; a private
 *   meeting shows its organizer where names are shown at all, never its subject or attendees.
 */
export function visibleDetails(
  actor: Actor,
  booking: BookingDetails,
  privacy: BookingPrivacy = DEFAULT_BOOKING_PRIVACY,
): VisibleDetails {
  if (seesEverything(actor, booking)) {
    return { subject: booking.subject, subjectShown: true, organizer: booking.organizer, attendees: booking.attendees };
  }
  if (actor.role === 'external') return { subject: BUSY_SUBJECT, subjectShown: false, organizer: null, attendees: [] };
  const names = namesShownTo(actor, privacy);
  const subjectShown = privacy.subjects === 'non-private' && !booking.isPrivate;
  let subject = booking.subject;
  if (booking.isPrivate) subject = PRIVATE_SUBJECT;
  else if (!subjectShown) subject = BOOKED_SUBJECT;
  return {
    subject,
    subjectShown,
    organizer: names ? booking.organizer : null,
    attendees: names && !booking.isPrivate ? booking.attendees : [],
  };
}

/** Who holds a room, as a reader may see it: null where the rules hide the name or the subject. */
export interface RoomHolder {
  readonly organizer: string | null;
  readonly subject: string | null;
}

/** The holder of a room (busy rooms, conflict answers) through the one rule above. */
export function holderOf(
  actor: Actor,
  booking: BookingDetails,
  privacy: BookingPrivacy = DEFAULT_BOOKING_PRIVACY,
): RoomHolder {
  const seen = visibleDetails(actor, booking, privacy);
  const organizer = seen.organizer?.name.trim() ?? '';
  return {
    organizer: organizer === '' ? null : organizer,
    subject: seen.subjectShown && booking.subject.trim() !== '' ? seen.subject : null,
  };
}

/**
 * Readers who see exactly the same of a set of meetings under the rule above share a class: the
 * rule reads the reader's role, and whether they organize the meeting. So the class is the role
 * (admins: one class, they see everything), and undefined for the organizer of one of the
 * meetings (`organizers`: their organizerKey), whose view is theirs alone.
 */
export function visibilityClass(actor: Actor, organizers: ReadonlySet<string>): string | undefined {
  if (isAdmin(actor)) return 'admin';
  const own = organizerKey(actor.email);
  return own !== '' && organizers.has(own) ? undefined : actor.role;
}
