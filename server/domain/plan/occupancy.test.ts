// @timezone-sensitive
import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../actor';
import { DEFAULT_BOOKING_PRIVACY, type BookingPrivacy } from '../availability/bookingVisibility';
import {
  describeHorizon,
  nextStateChange,
  occupancyHorizon,
  roomOccupancy,
  type OccupancyInput,
  type OccupancyMeeting,
} from './occupancy';

const T = Date.parse('2026-12-07T10:00:00Z');
const MIN = 60_000;
const reader = (role: Actor['role'], email = `${role}@example.test`): Actor => ({
  userId: 'u',
  email,
  name: 'Reader',
  role,
  via: 'session',
});
const meeting = (fromMin: number, toMin: number, extra: Partial<OccupancyMeeting> = {}): OccupancyMeeting => ({
  id: `m${fromMin}`,
  span: { start: T + fromMin * MIN, end: T + toMin * MIN },
  subject: 'Quarterly planning',
  organizer: { name: 'Olga Organizer', email: 'olga@example.test' },
  attendees: [
    { name: 'Ann', email: 'ann@example.test' },
    { name: 'Bob', email: 'bob@example.test' },
  ],
  isPrivate: false,
  status: 'confirmed',
  checkedIn: false,
  released: false,
  ...extra,
});
const input = (meetings: OccupancyMeeting[], extra: Partial<OccupancyInput> = {}): OccupancyInput => ({
  at: T,
  reader: reader('employee'),
  privacy: DEFAULT_BOOKING_PRIVACY,
  bookable: true,
  checkIn: { required: false, windowBeforeMinutes: 10, windowAfterMinutes: 10, releaseAfterMinutes: 10 },
  meetings,
  ...extra,
});
const required = { required: true, windowBeforeMinutes: 10, windowAfterMinutes: 10, releaseAfterMinutes: 10 };

describe('roomOccupancy: the state at the instant', () => {
  it.each<[string, OccupancyInput, string]>([
    ['no meeting: free', input([]), 'free'],
    ['a meeting in 2 hours: free', input([meeting(120, 180)]), 'free'],
    ['a meeting in 15 minutes: starting soon', input([meeting(15, 60)]), 'starting-soon'],
    ['a meeting under way: busy', input([meeting(-30, 30)]), 'busy'],
    ['10 minutes left: ending soon', input([meeting(-50, 10)]), 'ending-soon'],
    ['checked in: checked in', input([meeting(-30, 30, { checkedIn: true })]), 'checked-in'],
    [
      'check-in required, in the window: awaiting check-in',
      input([meeting(-5, 55)], { checkIn: required }),
      'awaiting-check-in',
    ],
    [
      'check-in required, already checked in: checked in',
      input([meeting(-5, 55, { checkedIn: true })], { checkIn: required }),
      'checked-in',
    ],
    ['released, nothing else: released', input([meeting(-30, 30, { released: true })]), 'released'],
    [
      'a released meeting under a new booking: busy',
      input([meeting(-30, 30, { released: true }), meeting(-10, 20, { id: 'walk-in' })]),
      'busy',
    ],
    ['not bookable by the reader: not bookable', input([meeting(-30, 30)], { bookable: false }), 'not-bookable'],
    ['a meeting that just ended: free', input([meeting(-60, 0)]), 'free'],
  ])('%s', (_label, given, state) => {
    expect(roomOccupancy(given).state).toBe(state);
  });

  it('names the meeting holding the room and the next three, in time order', () => {
    const result = roomOccupancy(
      input([meeting(300, 330), meeting(60, 90), meeting(-30, 30), meeting(120, 150), meeting(200, 230)]),
    );
    expect(result.current).toMatchObject({ start: new Date(T - 30 * MIN).toISOString(), organizer: 'Olga Organizer' });
    expect(result.next.map((m) => m.start)).toEqual([60, 120, 200].map((m) => new Date(T + m * MIN).toISOString()));
    // Attendees and status are the holder's only: the page lists later meetings by time and holder.
    expect(Object.keys(result.next[0] ?? {}).sort()).toEqual(['end', 'organizer', 'start', 'subject']);
    expect(Object.keys(result.current ?? {}).sort()).toEqual([
      'attendeeCount',
      'end',
      'organizer',
      'start',
      'status',
      'subject',
    ]);
  });

  it('keeps a released meeting out of the next meetings', () => {
    expect(roomOccupancy(input([meeting(60, 90, { released: true })])).next).toEqual([]);
  });
});

describe('roomOccupancy: what each reader sees of the holder', () => {
  const everything: BookingPrivacy = { organizerNames: 'signed-in', subjects: 'non-private' };
  const employeesOnly: BookingPrivacy = { organizerNames: 'employees', subjects: 'non-private' };
  const nothing: BookingPrivacy = { organizerNames: 'nobody', subjects: 'never' };
  const seen = (role: Actor['role'], isPrivate: boolean, privacy: BookingPrivacy) => {
    const { current } = roomOccupancy(input([meeting(-30, 30, { isPrivate })], { reader: reader(role), privacy }));
    return [current?.organizer ?? null, current?.subject ?? null, current?.attendeeCount ?? null];
  };

  it.each<[Actor['role'], boolean, BookingPrivacy, (string | number | null)[]]>([
    ['admin', true, nothing, ['Olga Organizer', 'Quarterly planning', 2]],
    ['employee', false, everything, ['Olga Organizer', 'Quarterly planning', 2]],
    ['employee', true, everything, ['Olga Organizer', null, 2]],
    ['employee', false, nothing, [null, null, 2]],
    ['facility', false, everything, ['Olga Organizer', 'Quarterly planning', 2]],
    ['facility', false, employeesOnly, [null, 'Quarterly planning', 2]],
    ['facility', true, employeesOnly, [null, null, 2]],
    ['external', false, everything, [null, null, null]],
    ['external', true, everything, [null, null, null]],
  ])('%s, private %s, %j', (role, isPrivate, privacy, expected) => {
    expect(seen(role, isPrivate, privacy)).toEqual(expected);
  });

  it('shows the organizer their own private meeting', () => {
    const own = roomOccupancy(
      input([meeting(-30, 30, { isPrivate: true })], {
        reader: reader('external', 'Olga@example.test'),
        privacy: nothing,
      }),
    );
    expect(own.current).toMatchObject({ organizer: 'Olga Organizer', subject: 'Quarterly planning' });
  });
});

describe('nextStateChange: how long a state built at an instant holds', () => {
  it('is the next edge: starting soon, the check-in window opening, the start, its closing, ending soon, the end', () => {
    const meetings = [meeting(40, 100)];
    const edges = [T];
    for (let next = nextStateChange(T, meetings, required); next !== Infinity;)
      next = nextStateChange(edges[edges.push(next) - 1]!, meetings, required);
    expect(edges.map((e) => (e - T) / MIN)).toEqual([0, 25, 30, 40, 50, 90, 100]);
  });

  it('leaves state, holder and next meetings as they were until then, whatever the seconds', () => {
    const meetings = [
      meeting(-40, 20, { id: 'a', checkedIn: true }),
      meeting(20.5, 35.25, { id: 'b' }), // booked at the door: not on the minute
      meeting(50, 110, { id: 'c', released: true }),
      meeting(55, 130, { id: 'd' }),
    ];
    const settings = [input([]).checkIn, required];
    for (const checkIn of settings) {
      for (let at = T - 60 * MIN + 10_000; at < T + 150 * MIN; at += 30_000) {
        const until = nextStateChange(at, meetings, checkIn);
        expect(until).toBeGreaterThan(at);
        const built = roomOccupancy(input(meetings, { at, checkIn }));
        for (let later = at + 20_000; later < Math.min(until, at + 12 * MIN); later += 20_000)
          expect(roomOccupancy(input(meetings, { at: later, checkIn }))).toEqual(built);
      }
    }
  });
});

describe('occupancyHorizon', () => {
  it('runs from midnight today to the end of the 7th day after, in the building zone', () => {
    const horizon = occupancyHorizon(Date.parse('2026-12-07T23:30:00Z'), 'Europe/Berlin');
    expect(new Date(horizon.start).toISOString()).toBe('2026-12-07T23:00:00.000Z');
    expect(new Date(horizon.end).toISOString()).toBe('2026-12-15T23:00:00.000Z');
    expect(describeHorizon(horizon, 'Europe/Berlin')).toBe(
      'The plan shows today and the next 7 days: from Tue 8 Dec 2026 00:00 to Wed 16 Dec 2026 00:00 (Europe/Berlin).',
    );
  });
});
