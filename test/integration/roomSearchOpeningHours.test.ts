// @timezone-sensitive: opening hours are wall times of each building, never of the process.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { OpeningHours } from '../../shared/schemas/locations';
import type { RoomSchedule, RoomSearchPage } from '../../shared/schemas/search';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type SignedInSession, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Issue #13, defect 2: on a Sunday, or at 22:00, the search showed every room "Free" (also with
 * "only available"), and booking then failed with "The building is closed at that time".
 */

const WEEKDAYS_7_TO_19: OpeningHours = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [{ open: '07:00', close: '19:00' }]]),
);

let db: TestDatabase;
let t: TestApp;
let emma: SignedInSession;
let admin: SignedInSession;
let harbour: string;
const rooms: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  t = createTestApp(db.knex, { clock: new ManualClock('2026-12-01T08:00:00Z') });
  harbour = await buildBuilding(db.knex, {
    name: 'Harbour',
    timeZone: 'Europe/Berlin',
    openingHours: WEEKDAYS_7_TO_19,
  });
  const tower = await buildBuilding(db.knex, {
    name: 'Tower',
    timeZone: 'America/New_York',
    openingHours: WEEKDAYS_7_TO_19,
  });
  const harbourFloor = await buildFloor(db.knex, { buildingId: harbour });
  const towerFloor = await buildFloor(db.knex, { buildingId: tower });
  const specs: [string, string, number][] = [
    ['Elbe', harbourFloor, 4],
    ['Alster', harbourFloor, 6],
    ['Hudson', towerFloor, 8],
  ];
  for (const [name, floorId, capacity] of specs) {
    rooms[name] = await buildRoom(db.knex, {
      floorId,
      name,
      capacity,
      exchangeEmail: `${name.toLowerCase()}@example.test`,
    });
  }
  // Connected to Exchange, so that a booking gets as far as the rules.
  await db.knex('rooms').update({ exchange_state: 'verified' });
  emma = await t.loginAs('employee');
  admin = await t.loginAs('admin');
}, 120_000);
afterAll(async () => {
  await db.close();
});

const search = async (start: string, end: string, onlyAvailable = false): Promise<RoomSearchPage> => {
  const res = await request(t.app)
    .get('/api/rooms')
    .query({ start, end, onlyAvailable: String(onlyAvailable), pageSize: 100 })
    .set('Cookie', emma.cookie);
  expect(res.status).toBe(200);
  return res.body as RoomSearchPage;
};
const states = (page: RoomSearchPage) => Object.fromEntries(page.items.map((r) => [r.name, r.availability?.state]));

describe('room search and opening hours', () => {
  it('shows every room of a building closed on a Sunday as closed, with the closed stretch', async () => {
    // Sunday 2026-12-06, 10:00–11:00 in Berlin (04:00–05:00 in New York).
    const page = await search('2026-12-06T09:00:00Z', '2026-12-06T10:00:00Z');
    expect(states(page)).toEqual({ Elbe: 'closed', Alster: 'closed', Hudson: 'closed' });
    expect(page.items[0]?.availability?.closed).toEqual([
      { start: '2026-12-06T09:00:00.000Z', end: '2026-12-06T10:00:00.000Z' },
    ]);
  });

  it('leaves closed buildings out of "only available"', async () => {
    const sunday = await search('2026-12-06T09:00:00Z', '2026-12-06T10:00:00Z', true);
    expect(sunday).toMatchObject({ items: [], total: 0 });
    // Monday 22:00–23:00 in Berlin is 16:00–17:00 in New York: only the Tower is open.
    const lateInBerlin = await search('2026-12-07T21:00:00Z', '2026-12-07T22:00:00Z', true);
    expect(lateInBerlin.items.map((r) => r.name)).toEqual(['Hudson']);
    expect(lateInBerlin.total).toBe(1);
  });

  it('says closed for a window that runs past closing time, and ranks by best fit (capacity first)', async () => {
    // Monday 18:00–20:00 in Berlin, 12:00–14:00 in New York.
    const page = await search('2026-12-07T17:00:00Z', '2026-12-07T19:00:00Z');
    expect(page.items.map((r) => [r.name, r.availability?.state])).toEqual([
      ['Elbe', 'closed'],
      ['Alster', 'closed'],
      ['Hudson', 'free'],
    ]);
    expect(page.items[0]?.availability?.closed).toEqual([
      { start: '2026-12-07T18:00:00.000Z', end: '2026-12-07T19:00:00.000Z' },
    ]);
  });

  it('agrees with the booking: a closed window is refused for opening hours, an open one is not', async () => {
    const book = (start: string, end: string) =>
      request(t.app)
        .post('/api/bookings')
        .set('Cookie', emma.cookie)
        .set('X-CSRF-Token', emma.csrfToken)
        .send({ roomId: rooms.Elbe, start, end, subject: 'Planning' });
    const closed = await book('2026-12-06T09:00:00Z', '2026-12-06T10:00:00Z');
    expect(closed.status).toBe(422);
    expect(closed.body).toMatchObject({ error: { details: { violations: ['outside-opening-hours'] } } });

    const open = { start: '2026-12-07T09:00:00Z', end: '2026-12-07T10:00:00Z' };
    expect(states(await search(open.start, open.end)).Elbe).toBe('free');
    const accepted = await book(open.start, open.end);
    // No Exchange in this test: the request gets past the rules and stops at the writer.
    expect(JSON.stringify(accepted.body)).not.toContain('outside-opening-hours');
  });

  it("gives the room's timeline its closed stretches in the building's zone", async () => {
    const res = await request(t.app)
      .get(`/api/rooms/${rooms.Elbe}/schedule`)
      .query({ from: '2026-12-07T05:00:00Z', to: '2026-12-07T20:00:00Z' })
      .set('Cookie', emma.cookie);
    expect(res.status).toBe(200);
    expect((res.body as RoomSchedule).closed).toEqual([
      { start: '2026-12-07T05:00:00.000Z', end: '2026-12-07T06:00:00.000Z' },
      { start: '2026-12-07T18:00:00.000Z', end: '2026-12-07T20:00:00.000Z' },
    ]);
  });

  it('sees a change of opening hours at once', async () => {
    const sunday = ['2026-12-06T09:00:00Z', '2026-12-06T10:00:00Z'] as const;
    expect(states(await search(...sunday)).Elbe).toBe('closed'); // cached now
    const patched = await request(t.app)
      .patch(`/api/buildings/${harbour}`)
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ openingHours: { ...WEEKDAYS_7_TO_19, sun: [{ open: '08:00', close: '18:00' }] } });
    expect(patched.status).toBe(200);
    expect(states(await search(...sunday))).toEqual({ Elbe: 'free', Alster: 'free', Hudson: 'closed' });
  });
});
