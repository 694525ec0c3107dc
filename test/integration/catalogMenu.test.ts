import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Menu } from '../../shared/schemas/catalog';
import { buildItem, buildProvider, WEEKDAY_HOURS } from '../factories/catalog';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { bodyOf, errorOf, locationsTestApp, type LocationsTestApp } from './locationsHarness';

/** Building a PGlite database with every migration is slow on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

let db: TestDatabase;
let t: LocationsTestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await locationsTestApp(db.knex);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await db.close();
});

/** Provider names with their categories and item names, the way the taskpane lists them. */
const outline = (menu: Menu) =>
  menu.providers.map((p) => [p.provider.name, p.categories.map((c) => [c.category, c.items.map((i) => i.name)])]);

describe('the menu of a room', () => {
  it("lists active items of active providers serving the room's building, by provider and category", async () => {
    const home = await buildBuilding(db.knex, { timeZone: 'Europe/Vienna' });
    const away = await buildBuilding(db.knex);
    const roomId = await buildRoom(db.knex, { floorId: await buildFloor(db.knex, { buildingId: home }) });
    const kitchen = await buildProvider(db.knex, { name: 'Kitchen', buildingIds: [home, away] });
    const caterer = await buildProvider(db.knex, { name: 'Caterer', kind: 'external-caterer', buildingIds: [home] });
    const elsewhere = await buildProvider(db.knex, { name: 'Elsewhere', buildingIds: [away] });
    const closed = await buildProvider(db.knex, { name: 'Closed', buildingIds: [home], active: false });
    const empty = await buildProvider(db.knex, { name: 'Empty', buildingIds: [home] });
    await buildItem(db.knex, { providerId: kitchen, name: 'Water', category: 'drinks' });
    await buildItem(db.knex, { providerId: kitchen, name: 'Croissant', category: 'breakfast' });
    await buildItem(db.knex, { providerId: kitchen, name: 'Apple juice', category: 'drinks' });
    await buildItem(db.knex, { providerId: kitchen, name: 'Retired', category: 'drinks', active: false });
    await buildItem(db.knex, { providerId: caterer, name: 'Buffet', category: 'lunch' });
    await buildItem(db.knex, { providerId: elsewhere, name: 'Far away', category: 'lunch' });
    await buildItem(db.knex, { providerId: closed, name: 'Not today', category: 'lunch' });
    await buildItem(db.knex, { providerId: empty, name: 'Hidden', category: 'snacks', active: false });

    const res = await t.as('employee').get(`/api/catalog/menu?roomId=${roomId}`);
    expect(res.status).toBe(200);
    const menu = bodyOf<Menu>(res);
    expect({ roomId: menu.roomId, buildingId: menu.buildingId, timeZone: menu.timeZone }).toEqual({
      roomId,
      buildingId: home,
      timeZone: 'Europe/Vienna',
    });
    expect(outline(menu)).toEqual([
      ['Caterer', [['lunch', ['Buffet']]]],
      [
        'Kitchen',
        [
          ['breakfast', ['Croissant']],
          ['drinks', ['Apple juice', 'Water']],
        ],
      ],
    ]);
    expect(menu.providers[1]?.provider).toEqual({
      id: kitchen,
      name: 'Kitchen',
      kind: 'internal-kitchen',
      workingHours: WEEKDAY_HOURS,
    });
  });

  it('answers 404 for an unknown room and 400 without a room', async () => {
    const unknown = await t.as('employee').get(`/api/catalog/menu?roomId=${randomUUID()}`);
    expect([unknown.status, errorOf(unknown).code]).toEqual([404, 'not_found']);
    const missing = await t.as('employee').get('/api/catalog/menu');
    expect([missing.status, errorOf(missing).code]).toEqual([400, 'validation_failed']);
  });
});
