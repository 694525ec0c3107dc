import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import { openingHoursSchema, type OpeningHours, type Weekday } from '../../shared/schemas/locations';
import { seededRandom, type Random } from '../art/random';
import {
  BOOTH_SUBJECTS,
  BUSYNESS,
  DAY_END,
  DAY_START,
  DEMO_WORKING_DAYS,
  ONLINE_MEETING_HOST,
  SUBJECTS,
} from '../organisation/meetings';
import { allDemoRooms, DEMO_EXTERNAL_GUEST, DEMO_PEOPLE, type DemoPerson } from '../organisation/organisation';

/**
 * Writes the week of meetings of organisation/meetings.ts into the demo rooms as confirmed
 * bookings made in Roomserve (source 'app').
 */

const WEEKDAY_KEYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface DemoRoomRow {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly tags: string[];
  readonly exchange_email: string;
  readonly bookable_external: boolean;
  readonly time_zone: string;
  readonly opening_hours: unknown;
}

export interface DemoBookingRow {
  readonly room_id: string;
  readonly during: string;
  readonly subject: string;
  readonly organizer_name: string;
  readonly organizer_email: string;
  readonly attendees: string;
  readonly description: string;
  readonly location: string;
  readonly online_meeting_url: string | null;
  readonly is_private: boolean;
  readonly source: 'app';
  readonly status: 'confirmed';
}

/** Today (if it is a working day) and the following working days, in the building's zone. */
export function comingWorkingDays(now: Date, timeZone: string, count: number): DateTime[] {
  const days: DateTime[] = [];
  let day = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  while (days.length < count) {
    if (day.weekday <= 5) days.push(day);
    day = day.plus({ days: 1 });
  }
  return days;
}

function atWallTime(day: DateTime, wallTime: string): DateTime {
  const [hour, minute] = wallTime.split(':').map(Number);
  return day.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}

/** The part of [DAY_START, DAY_END] that the building is open on that day, if any. */
function meetingWindow(day: DateTime, hours: OpeningHours): { start: DateTime; end: DateTime } | null {
  const key = WEEKDAY_KEYS[day.weekday - 1];
  const intervals = key ? (hours[key] ?? []) : [];
  const first = intervals[0];
  if (!first) return null;
  const open = first.open > DAY_START ? first.open : DAY_START;
  const close = first.close < DAY_END ? first.close : DAY_END;
  return open < close ? { start: atWallTime(day, open), end: atWallTime(day, close) } : null;
}

const MINUTE = 60_000;

function rangeLiteral(startMs: number, endMs: number): string {
  return `["${new Date(startMs).toISOString()}","${new Date(endMs).toISOString()}")`;
}

function attendeesFor(random: Random, organizer: DemoPerson, room: DemoRoomRow): DemoPerson[] {
  const others = DEMO_PEOPLE.filter((p) => p.email !== organizer.email);
  const wanted = Math.min(room.capacity - 1, random.int(1, 6), others.length);
  const chosen = new Map<string, DemoPerson>();
  while (chosen.size < wanted) {
    const person = random.pick(others);
    chosen.set(person.email, person);
  }
  if (room.bookable_external && random.chance(0.3)) chosen.set(DEMO_EXTERNAL_GUEST.email, DEMO_EXTERNAL_GUEST);
  return [...chosen.values()];
}

function meeting(room: DemoRoomRow, random: Random, startMs: number, endMs: number, subject: string): DemoBookingRow {
  const organizers = DEMO_PEOPLE.filter((p) => p.role === 'employee');
  const organizer = random.pick(organizers);
  const attendees = room.capacity > 1 ? attendeesFor(random, organizer, room) : [];
  const online = room.tags.includes('Video conference') && random.chance(0.5);
  return {
    room_id: room.id,
    during: rangeLiteral(startMs, endMs),
    subject,
    organizer_name: organizer.name,
    organizer_email: organizer.email,
    attendees: JSON.stringify(attendees.map((p) => ({ name: p.name, email: p.email }))),
    description: online ? 'Join online or in the room.' : '',
    location: room.name,
    online_meeting_url: online
      ? `https://${ONLINE_MEETING_HOST}/${random.int(100000, 999999)}-${random.int(1000, 9999)}`
      : null,
    is_private: random.chance(0.12),
    source: 'app',
    status: 'confirmed',
  };
}

/**
 * One room's meetings on one day: alternating gaps and meetings on a quarter-hour grid.
 * Times step in plain milliseconds: clocks change at night, never within the working day.
 */
export function meetingsForDay(
  room: DemoRoomRow,
  day: DateTime,
  dayIndex: number,
  hours: OpeningHours,
): DemoBookingRow[] {
  const window = meetingWindow(day, hours);
  if (!window) return [];
  const random = seededRandom(`${room.exchange_email}:day-${dayIndex}`);
  const busyness = seededRandom(`${room.exchange_email}:busyness`).pick(BUSYNESS);
  const booth = room.tags.includes('Phone booth');
  const rows: DemoBookingRow[] = [];
  if (room.capacity >= 20 && dayIndex === 2) {
    // The big rooms host one all-day event a week: search shows them busy for the whole day.
    const subject = room.capacity >= 30 ? 'All-hands meeting' : 'Partner workshop';
    return [meeting(room, random, window.start.toMillis() + 60 * MINUTE, window.end.toMillis() - 60 * MINUTE, subject)];
  }
  const windowEnd = window.end.toMillis();
  let cursor = window.start.toMillis() + random.pick([0, 30, 60]) * MINUTE;
  while (cursor < windowEnd) {
    if (!random.chance(busyness)) {
      cursor += random.pick([30, 60, 90]) * MINUTE;
      continue;
    }
    const minutes = booth ? random.pick([30, 30, 45, 60]) : random.pick([30, 60, 60, 60, 90, 120]);
    const end = Math.min(cursor + minutes * MINUTE, windowEnd);
    rows.push(meeting(room, random, cursor, end, random.pick(booth ? BOOTH_SUBJECTS : SUBJECTS)));
    cursor = end + random.pick([0, 0, 15, 30]) * MINUTE;
  }
  return rows;
}

export async function demoRooms(knex: Knex): Promise<DemoRoomRow[]> {
  const emails = allDemoRooms().map((r) => r.email.toLowerCase());
  return knex('rooms as r')
    .join('floors as f', 'f.id', 'r.floor_id')
    .join('buildings as b', 'b.id', 'f.building_id')
    .whereRaw('lower(r.exchange_email) = any(?)', [emails])
    .select<DemoRoomRow[]>(
      'r.id',
      'r.name',
      'r.capacity',
      'r.tags',
      'r.exchange_email',
      'r.bookable_external',
      'b.time_zone',
      'b.opening_hours',
    );
}

/**
 * Books a working week in the demo rooms, starting today in each building's time zone.
 * Returns the number of bookings written. Safe to skip: nothing else in the seed needs them.
 */
export async function seedDemoBookings(knex: Knex, options: { now: Date }): Promise<number> {
  const rows: DemoBookingRow[] = [];
  for (const room of await demoRooms(knex)) {
    const hours = openingHoursSchema.parse(
      typeof room.opening_hours === 'string' ? JSON.parse(room.opening_hours) : room.opening_hours,
    );
    comingWorkingDays(options.now, room.time_zone, DEMO_WORKING_DAYS).forEach((day, index) =>
      rows.push(...meetingsForDay(room, day, index, hours)),
    );
  }
  for (let i = 0; i < rows.length; i += 200) await knex('bookings').insert(rows.slice(i, i + 200));
  return rows.length;
}
