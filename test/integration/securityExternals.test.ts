import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { RoomSchedule, RoomSearchPage } from '../../shared/schemas/search';
import { buildBooking } from '../factories/bookings';
import { buildFloor, buildRoom } from '../factories/locations';
import { createTestApp, type SignedInSession, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Security issue #20, finding 5: an external user (a guest, a contractor) sees only the rooms they
 * may book, and of other people's meetings only that the room is busy.
 */

let db: TestDatabase;
let t: TestApp;
let gina: SignedInSession;
let emma: SignedInSession;
let internalRoom: string;
let guestRoom: string;
const WINDOW = { from: '2026-05-04T00:00:00Z', to: '2026-05-05T00:00:00Z' };

beforeAll(async () => {
  db = await createTestDatabase();
  t = createTestApp(db.knex);
  const floorId = await buildFloor(db.knex);
  internalRoom = await buildRoom(db.knex, { floorId, name: 'Board room', bookableExternal: false });
  await buildRoom(db.knex, { floorId, name: 'Strategy room', bookableExternal: false });
  guestRoom = await buildRoom(db.knex, { floorId, name: 'Guest lounge', bookableExternal: true });
  gina = await t.loginAs('external');
  emma = await t.loginAs('employee');
  for (const roomId of [internalRoom, guestRoom]) {
    await buildBooking(db.knex, {
      roomId,
      start: '2026-05-04T09:00:00Z',
      end: '2026-05-04T10:00:00Z',
      subject: 'Layoffs planning',
      organizerName: 'Olga Organizer',
      organizerEmail: 'olga@example.test',
      attendees: [{ name: 'Ann Attendee', email: 'ann@example.test' }],
      isPrivate: false,
    });
  }
  await buildBooking(db.knex, {
    roomId: guestRoom,
    start: '2026-05-04T11:00:00Z',
    end: '2026-05-04T12:00:00Z',
    subject: 'Gina meets the team',
    organizerName: 'Gina Guest',
    organizerEmail: gina.user.email,
  });
}, 120_000);
afterAll(async () => {
  await db.close();
});

const as = (session: SignedInSession, url: string) => request(t.app).get(url).set('Cookie', session.cookie);

describe('an external user', () => {
  it('finds only the rooms opened to externals', async () => {
    const res = await as(gina, '/api/rooms?pageSize=100');
    expect(res.status).toBe(200);
    const page = res.body as RoomSearchPage;
    expect(page.items.map((r) => r.name)).toEqual(['Guest lounge']);
    expect(page.total).toBe(1);
    const staff = (await as(emma, '/api/rooms?pageSize=100')).body as RoomSearchPage;
    expect(staff.total).toBe(3);
  });

  it('gets 404 for the schedule and the details of a room not open to externals', async () => {
    const schedule = await as(gina, `/api/rooms/${internalRoom}/schedule?from=${WINDOW.from}&to=${WINDOW.to}`);
    expect(schedule.status).toBe(404);
    expect((await as(gina, `/api/rooms/${internalRoom}`)).status).toBe(404);
    expect((await as(gina, `/api/rooms/${guestRoom}`)).status).toBe(200);
  });

  it("sees other people's meetings as busy only: no subject, organizer or attendee; their own in full", async () => {
    const res = await as(gina, `/api/rooms/${guestRoom}/schedule?from=${WINDOW.from}&to=${WINDOW.to}`);
    expect(res.status).toBe(200);
    const entries = (res.body as RoomSchedule).entries;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ subject: 'Busy', organizer: null, attendees: [] });
    expect(JSON.stringify(entries[0])).not.toMatch(/Layoffs|Olga|Ann/);
    expect(entries[1]).toMatchObject({ subject: 'Gina meets the team', organizer: { email: gina.user.email } });
  });

  it('leaves what staff see unchanged', async () => {
    const res = await as(emma, `/api/rooms/${internalRoom}/schedule?from=${WINDOW.from}&to=${WINDOW.to}`);
    expect((res.body as RoomSchedule).entries[0]).toMatchObject({
      subject: 'Layoffs planning',
      organizer: { name: 'Olga Organizer' },
    });
  });
});
