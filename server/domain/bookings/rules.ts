import { DateTime } from 'luxon';
import { WEEKDAYS, type OpeningHours } from '../../../shared/schemas/locations';
import type { Role } from '../../../shared/schemas/users';

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

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * True when [start, end) lies inside one opening interval of the building's local day. A building
 * without any opening hours configured has no restriction.
 */
export function withinOpeningHours(time: BookingRequestTime, timeZone: string, openingHours: OpeningHours): boolean {
  if (Object.values(openingHours).every((list) => list === undefined || list.length === 0)) return true;
  const start = DateTime.fromJSDate(time.start, { zone: timeZone });
  const end = DateTime.fromJSDate(time.end, { zone: timeZone });
  const weekday = WEEKDAYS[start.weekday - 1];
  if (weekday === undefined) return false;
  const endsAtMidnight = end.toMillis() === start.startOf('day').plus({ days: 1 }).toMillis();
  if (start.toISODate() !== end.toISODate() && !endsAtMidnight) return false;
  const from = start.hour * 60 + start.minute + start.second / 60;
  const to = endsAtMidnight ? 24 * 60 : end.hour * 60 + end.minute + end.second / 60;
  return (openingHours[weekday] ?? []).some((i) => minutesOf(i.open) <= from && to <= minutesOf(i.close));
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
