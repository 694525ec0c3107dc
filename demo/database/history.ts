import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import { openingHoursSchema } from '../../shared/schemas/locations';
import { seededRandom, type Random } from '../art/random';
import { DEMO_BUILDINGS } from '../organisation/organisation';
import { demoRooms, meetingsForDay, type DemoBookingRow, type DemoRoomRow } from './bookings';

/**
 * Weeks of past meetings for the analytics page, which needs history to say anything: the same
 * meeting pattern as the coming week, as bookings the sync once brought in from Exchange (no
 * Exchange identity, so the sync never touches them again), made some time ahead, some from
 * series, some cancelled. The rooms of Harbour House's first floor require check-in: their
 * meetings carry the check-ins, early ends and no-show releases a room display records.
 */

export const DEMO_HISTORY_WEEKS = 6;
const HARBOUR_FIRST_FLOOR = new Set(
  (DEMO_BUILDINGS[0]?.floors[1]?.rooms ?? []).map((room) => room.email.toLowerCase()),
);
const MINUTE = 60_000;
const LEAD_MINUTES = [5, 30, 120, 600, 1_440, 2 * 1_440, 4 * 1_440, 9 * 1_440, 20 * 1_440, 40 * 1_440];

interface HistoryRows {
  readonly bookings: Record<string, unknown>[];
  readonly actions: Record<string, unknown>[];
  readonly releases: Record<string, unknown>[];
}

/** Working days before today in the building's zone, most recent first. */
function pastWorkingDays(now: Date, timeZone: string, weeks: number): DateTime[] {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const days: DateTime[] = [];
  for (let day = today.minus({ days: 1 }); day >= today.minus({ weeks }); day = day.minus({ days: 1 }))
    if (day.weekday <= 5) days.push(day);
  return days;
}

/** The meeting's [start, end) from its range literal `["…","…")`. */
function spanOf(row: DemoBookingRow): { start: number; end: number } {
  const [start, end] = JSON.parse(row.during.replace(/\)$/, ']')) as [string, string];
  return { start: Date.parse(start), end: Date.parse(end) };
}

/** What happened at the room's display: most people check in, some leave early, some never come. */
function displayFacts(
  rows: HistoryRows,
  random: Random,
  booking: { id: string; roomId: string; start: number; end: number },
  meeting: DemoBookingRow,
): string {
  if (random.chance(0.18)) {
    const at = new Date(booking.start + 10 * MINUTE).toISOString();
    rows.releases.push({
      room_id: booking.roomId,
      booking_id: booking.id,
      kind: 'release',
      meeting_start: new Date(booking.start).toISOString(),
      meeting_end: new Date(booking.end).toISOString(),
      subject: meeting.subject,
      organizer_name: meeting.organizer_name,
      organizer_email: meeting.organizer_email,
      is_private: meeting.is_private,
      actor: 'release-job',
      at,
    });
    return 'cancelled';
  }
  if (random.chance(0.9)) {
    const checkIn = booking.start + random.int(-5, 8) * MINUTE;
    rows.actions.push(fact(booking, 'check-in', checkIn));
    const length = booking.end - booking.start;
    if (length >= 45 * MINUTE && random.chance(0.2)) rows.actions.push(fact(booking, 'end', booking.end - 15 * MINUTE));
  }
  return 'confirmed';
}

const fact = (b: { id: string; roomId: string }, kind: 'check-in' | 'end', at: number) => ({
  room_id: b.roomId,
  booking_id: b.id,
  kind,
  request_id: randomUUID(),
  at: new Date(at).toISOString(),
});

function roomHistory(rows: HistoryRows, room: DemoRoomRow, now: Date): void {
  const hours = openingHoursSchema.parse(
    typeof room.opening_hours === 'string' ? JSON.parse(room.opening_hours) : room.opening_hours,
  );
  const random = seededRandom(`${room.exchange_email}:history`);
  const checkIn = HARBOUR_FIRST_FLOOR.has(room.exchange_email.toLowerCase());
  pastWorkingDays(now, room.time_zone, DEMO_HISTORY_WEEKS).forEach((day, index) => {
    for (const meeting of meetingsForDay(room, day, 100 + index, hours)) {
      const booking = { id: randomUUID(), roomId: room.id, ...spanOf(meeting) };
      const cancelledAhead = random.chance(0.06);
      const status = cancelledAhead
        ? 'cancelled'
        : checkIn
          ? displayFacts(rows, random, booking, meeting)
          : 'confirmed';
      rows.bookings.push({
        ...meeting,
        id: booking.id,
        source: 'exchange',
        status,
        is_occurrence: random.chance(0.3),
        created_at: new Date(booking.start - random.pick(LEAD_MINUTES) * MINUTE).toISOString(),
      });
    }
  });
}

/** Seeds the history and makes the first floor's rooms require check-in; returns the bookings written. */
export async function seedDemoHistory(knex: Knex, options: { now: Date }): Promise<number> {
  const rooms = await demoRooms(knex);
  const rows: HistoryRows = { bookings: [], actions: [], releases: [] };
  for (const room of rooms) roomHistory(rows, room, options.now);
  // The demo organisation has had its rooms since before its history began.
  const since = DateTime.fromJSDate(options.now).minus({ weeks: DEMO_HISTORY_WEEKS, days: 1 }).toJSDate();
  await knex('rooms')
    .whereIn(
      'id',
      rooms.map((r) => r.id),
    )
    .update({ created_at: since });
  const checkInRooms = rooms.filter((r) => HARBOUR_FIRST_FLOOR.has(r.exchange_email.toLowerCase()));
  if (checkInRooms.length > 0)
    await knex('room_display_settings').insert(checkInRooms.map((r) => ({ room_id: r.id, check_in_required: true })));
  for (let i = 0; i < rows.bookings.length; i += 500) await knex('bookings').insert(rows.bookings.slice(i, i + 500));
  for (let i = 0; i < rows.actions.length; i += 500)
    await knex('display_actions').insert(rows.actions.slice(i, i + 500));
  for (let i = 0; i < rows.releases.length; i += 500)
    await knex('room_releases').insert(rows.releases.slice(i, i + 500));
  return rows.bookings.length;
}
