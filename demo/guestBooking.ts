import type { Knex } from 'knex';
import type { BookingInput } from '../shared/schemas/bookings';
import type { Actor } from '../server/domain/actor';
import { comingWorkingDays } from './database/bookings';
import { DEMO_EXTERNAL_GUEST } from './organisation/organisation';

/** The bookings path as the demo uses it: the same service the API calls. */
export interface GuestBookings {
  createBooking(actor: Actor, input: BookingInput): Promise<unknown>;
}

const ROOM = 'Harbour Hall';
const SUBJECT = 'Partner Consulting: quarterly review';
/** Late afternoon on the second working day: the demo's meetings rarely reach it. */
const HOURS = [16, 17, 15] as const;

interface Target {
  readonly userId: string;
  readonly roomId: string;
  readonly timeZone: string;
}

async function target(knex: Knex): Promise<Target | undefined> {
  const guest = await knex('users')
    .whereRaw('lower(email) = lower(?)', [DEMO_EXTERNAL_GUEST.email])
    .first<{ id: string } | undefined>('id');
  const room = await knex('rooms as r')
    .join('floors as f', 'f.id', 'r.floor_id')
    .join('buildings as b', 'b.id', 'f.building_id')
    .where({ 'r.name': ROOM, 'r.bookable_external': true })
    .first<{ id: string; time_zone: string } | undefined>('r.id', 'b.time_zone');
  return guest && room ? { userId: guest.id, roomId: room.id, timeZone: room.time_zone } : undefined;
}

/**
 * The demo's guest (an external) holds one booking made through Roomserve, so Admin → Externals
 * shows an external with a booking and deactivating her names one to cancel. Booked once per
 * database, through the real bookings path (the booking mailbox, the simulated room's attendant).
 */
export async function bookForDemoGuest(knex: Knex, bookings: GuestBookings, now: Date): Promise<boolean> {
  const found = await target(knex);
  if (!found) return false;
  if (await knex('bookings').where({ requested_by: found.userId }).first('id')) return false;
  const actor: Actor = {
    userId: found.userId,
    email: DEMO_EXTERNAL_GUEST.email,
    name: DEMO_EXTERNAL_GUEST.name,
    role: 'external',
    via: 'session',
  };
  const day = comingWorkingDays(now, found.timeZone, 3)[2];
  if (!day) return false;
  for (const hour of HOURS) {
    const start = day.set({ hour, minute: 0, second: 0, millisecond: 0 });
    const input: BookingInput = {
      roomId: found.roomId,
      start: start.toUTC().toISO() ?? '',
      end: start.plus({ hours: 1 }).toUTC().toISO() ?? '',
      subject: SUBJECT,
      attendees: [],
      description: '',
      private: false,
      onlineMeetingUrl: null,
    };
    try {
      await bookings.createBooking(actor, input);
      return true;
    } catch {
      // Taken at that hour (or the room's rules refuse it): try the next.
    }
  }
  return false;
}
