import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { RoomSearchPage } from '../../shared/schemas/search';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { createTestApp, type SignedInSession, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Issue #13, defect 8: an external user's search lists only the rooms they may book, whatever the
 * search asks (a window, only available rooms, words, pages), so no room they cannot book shows up
 * with a Book button. (#20 finding 5 covers the search without a window, the schedule and details.)
 */

let db: TestDatabase;
let t: TestApp;
let gina: SignedInSession;
let emma: SignedInSession;
const WINDOW = { start: '2026-05-04T09:00:00Z', end: '2026-05-04T10:00:00Z' };

beforeAll(async () => {
  db = await createTestDatabase();
  t = createTestApp(db.knex);
  const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
  const specs: [string, boolean, boolean][] = [
    ['Board room', true, false],
    ['Strategy room', true, false],
    ['Guest lounge', true, true],
    ['Partner corner', false, true],
  ];
  const ids: Record<string, string> = {};
  for (const [name, internal, external] of specs) {
    ids[name] = await buildRoom(db.knex, {
      floorId,
      name,
      tags: ['Display'],
      bookableInternal: internal,
      bookableExternal: external,
    });
  }
  await buildBooking(db.knex, {
    roomId: ids['Partner corner'] ?? '',
    ...WINDOW,
    organizerName: 'Olga Organizer',
    subject: 'Supplier review',
  });
  // Two holders for one room, for the holders of several busy rooms read at once.
  for (const [start, end, organizerName] of [
    ['2026-05-04T09:30:00Z', '2026-05-04T10:00:00Z', 'Bea Later'],
    ['2026-05-04T09:00:00Z', '2026-05-04T09:30:00Z', 'Ali Earlier'],
  ] as const) {
    await buildBooking(db.knex, { roomId: ids['Board room'] ?? '', start, end, organizerName, subject: 'Board' });
  }
  gina = await t.loginAs('external');
  emma = await t.loginAs('employee');
}, 120_000);
afterAll(async () => {
  await db.close();
});

async function search(session: SignedInSession, query: Record<string, string>): Promise<RoomSearchPage> {
  const res = await request(t.app).get('/api/rooms').query(query).set('Cookie', session.cookie);
  expect(res.status).toBe(200);
  return res.body as RoomSearchPage;
}
const names = (page: RoomSearchPage) => page.items.map((r) => r.name).sort();

describe("an external user's room search", () => {
  it('lists only rooms opened to externals, with availability in a window', async () => {
    const page = await search(gina, { ...WINDOW, pageSize: '100' });
    expect(names(page)).toEqual(['Guest lounge', 'Partner corner']);
    expect(page.total).toBe(2);
    expect(page.items.every((room) => room.bookableExternal)).toBe(true);
    expect(page.items.find((r) => r.name === 'Partner corner')?.availability?.state).toBe('busy');
  });

  it('with only available rooms, words and small pages, still never a room closed to externals', async () => {
    const free = await search(gina, { ...WINDOW, onlyAvailable: 'true' });
    expect(names(free)).toEqual(['Guest lounge']);
    expect(free.total).toBe(1);
    const worded = await search(gina, { q: 'room' });
    expect(worded).toMatchObject({ items: [], total: 0 });
    const first = await search(gina, { pageSize: '1', page: '1' });
    const second = await search(gina, { pageSize: '1', page: '2' });
    expect([...names(first), ...names(second)].sort()).toEqual(['Guest lounge', 'Partner corner']);
    expect(first.total).toBe(2);
  });

  it("says who holds a busy room (the taskpane's holders=true) to an employee, never to an external", async () => {
    const heldBy = async (session: SignedInSession) =>
      (await search(session, { ...WINDOW, holders: 'true' })).items.find((r) => r.name === 'Partner corner')
        ?.availability?.heldBy;
    expect(await heldBy(emma)).toEqual([
      {
        start: '2026-05-04T09:00:00.000Z',
        end: '2026-05-04T10:00:00.000Z',
        organizer: 'Olga Organizer',
        subject: 'Supplier review',
      },
    ]);
    expect(await heldBy(gina)).toEqual([
      { start: '2026-05-04T09:00:00.000Z', end: '2026-05-04T10:00:00.000Z', organizer: null, subject: null },
    ]);
    // Without holders=true the answer stays as before.
    const plain = await search(emma, WINDOW);
    expect(plain.items.find((r) => r.name === 'Partner corner')?.availability?.heldBy).toBeUndefined();
  });

  it('gives each busy room its own holders, by start, and a free room none', async () => {
    const page = await search(emma, { ...WINDOW, holders: 'true', pageSize: '100' });
    const holders = (name: string) =>
      page.items.find((r) => r.name === name)?.availability?.heldBy?.map((h) => [h.start, h.organizer]);
    expect(holders('Board room')).toEqual([
      ['2026-05-04T09:00:00.000Z', 'Ali Earlier'],
      ['2026-05-04T09:30:00.000Z', 'Bea Later'],
    ]);
    expect(holders('Partner corner')).toEqual([['2026-05-04T09:00:00.000Z', 'Olga Organizer']]);
    expect(holders('Strategy room')).toBeUndefined();
  });

  it('leaves the staff their view of every room', async () => {
    expect((await search(emma, { ...WINDOW, pageSize: '100' })).total).toBe(4);
  });
});
