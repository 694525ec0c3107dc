import type { OpeningHours } from '../../../shared/schemas/locations';
import type { Role } from '../../../shared/schemas/users';
import { closedStretches } from '../availability/openingHours';

/**
 * Who may book which room when, per room and per role. Pure: the service hands in the room's rules,
 * its building's zone and opening hours, the installation's switch and the clock.
 */

export interface RoomBookingRules {
  readonly maxDurationMinutes: number;
  /** How many days ahead a booking may start. */
  readonly bookingWindowDays: number;
  readonly minNoticeMinutes: number;
  /** Booking in Roomserve switched off for this room; it stays synced and visible. */
  readonly readOnly: boolean;
}

export interface BookableRoom {
  readonly active: boolean;
  readonly bookableInternal: boolean;
  readonly bookableExternal: boolean;
  readonly rules: RoomBookingRules;
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
}

export interface BookingRequestTime {
  readonly start: Date;
  readonly end: Date;
}

export type RuleViolation =
  | 'start-not-before-end'
  | 'in-the-past'
  | 'too-short-notice'
  | 'beyond-booking-window'
  | 'too-long'
  | 'outside-opening-hours'
  | 'installation-read-only'
  | 'room-read-only'
  | 'room-inactive'
  | 'role-not-allowed';

export interface RuleBreach {
  readonly violation: RuleViolation;
  readonly message: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Internal staff book internal rooms; external users book rooms opened to externals. */
export function mayBookRoom(role: Role, room: Pick<BookableRoom, 'bookableInternal' | 'bookableExternal'>): boolean {
  return role === 'external' ? room.bookableExternal : room.bookableInternal;
}

/**
 * True when the building is open throughout [start, end), in its own time zone: the same rule
 * (domain/availability/openingHours.ts) the room search shows rooms as closed by. A building
 * without any opening hours configured has no restriction.
 */
export function withinOpeningHours(time: BookingRequestTime, timeZone: string, openingHours: OpeningHours): boolean {
  const start = time.start.getTime();
  const end = time.end.getTime();
  if (!(end > start)) return false;
  return closedStretches({ start, end }, timeZone, openingHours).length === 0;
}

/** Every rule the request breaks, in the order a user should hear about them. */
export function checkBookingRules(
  time: BookingRequestTime,
  room: BookableRoom,
  context: { readonly role: Role; readonly now: Date; readonly installationReadOnly: boolean },
): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const add = (violation: RuleViolation, message: string): void => {
    breaches.push({ violation, message });
  };
  const { rules } = room;
  if (context.installationReadOnly) add('installation-read-only', 'Booking in Roomserve is switched off.');
  if (rules.readOnly) add('room-read-only', 'This room cannot be booked in Roomserve.');
  if (!room.active) add('room-inactive', 'This room is not in use.');
  if (!mayBookRoom(context.role, room))
    add(
      'role-not-allowed',
      context.role === 'external' ? 'This room is for internal use only.' : 'This room is for external guests only.',
    );
  const start = time.start.getTime();
  const end = time.end.getTime();
  const now = context.now.getTime();
  if (start >= end) {
    add('start-not-before-end', 'The start must be before the end.');
    return breaches;
  }
  if (start < now) add('in-the-past', 'The start is in the past.');
  else if (start < now + rules.minNoticeMinutes * MINUTE_MS)
    add('too-short-notice', `Book at least ${rules.minNoticeMinutes} minutes ahead.`);
  if (start > now + rules.bookingWindowDays * DAY_MS)
    add('beyond-booking-window', `This room can be booked at most ${rules.bookingWindowDays} days ahead.`);
  if (end - start > rules.maxDurationMinutes * MINUTE_MS)
    add('too-long', `This room can be booked for at most ${rules.maxDurationMinutes} minutes.`);
  if (!withinOpeningHours(time, room.timeZone, room.openingHours))
    add('outside-opening-hours', 'The building is closed at that time.');
  return breaches;
}
