// @timezone-sensitive: the windows are instants; results must not depend on process TZ.
import type { Actor } from '../../server/domain/actor';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Knex } from 'knex';
import { createRoomSearchRepository } from '../../server/adapters/db/repositories/roomSearch';
import { createBuildingHoursCache, createRoomSearchService } from '../../server/services/search';
import { systemClock } from '../../server/adapters/clock/systemClock';
import { roomSearchQuerySchema, type RoomSearchPage } from '../../shared/schemas/search';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The search runs as a prepared statement per connection, and PostgreSQL switches such a
 * statement to one cached (generic) plan after a few executions. Searches on one connection,
 * many times over with ever other windows and pages, must keep answering for their own window.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_DAY = Date.parse('2026-06-01T00:00:00Z');
const DAYS = 12;
const ROOMS = ['Amber', 'Birch', 'Cedar', 'Dune'] as const;
const at = (day: number, hour: number, minute = 0): string =>
  new Date(FIRST_DAY + day * DAY_MS + (hour * 60 + minute) * 60 * 1000).toISOString();

/** On day d, ROOMS[d % 4] is booked 09:00-10:00 (confirmed) and the next room 09:30-10:30 (pending). */
const confirmedOn = (day: number): string => ROOMS[day % ROOMS.length] ?? '';
const pendingOn = (day: number): string => ROOMS[(day + 1) % ROOMS.length] ?? '';

describe('room search repeated on one connection', () => {
  let db: TestDatabase;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    // Open around the clock: this test is about bookings and pages; opening hours have their own tests.
    const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
    for (const [index, name] of ROOMS.entries()) {
      ids.set(name, await buildRoom(db.knex, { floorId, name, capacity: 2 + 2 * index, tags: [] }));
    }
    for (let day = 0; day < DAYS; day++) {
      const confirmed = ids.get(confirmedOn(day)) ?? '';
      const pending = ids.get(pendingOn(day)) ?? '';
      await buildBooking(db.knex, { roomId: confirmed, start: at(day, 9), end: at(day, 10), status: 'confirmed' });
      await buildBooking(db.knex, { roomId: pending, start: at(day, 9, 30), end: at(day, 10, 30), status: 'pending' });
    }
  });
  afterAll(async () => {
    await db.close();
  });

  const EMPLOYEE: Actor = { userId: 'u', email: 'e@example.test', name: 'E', role: 'employee', via: 'token' };
  const nameOf = (id: string): string => [...ids].find(([, value]) => value === id)?.[0] ?? id;

  async function search(trx: Knex, query: Record<string, string>): Promise<RoomSearchPage> {
    const roomSearch = createRoomSearchRepository(trx);
    const buildingHours = createBuildingHoursCache({ load: () => roomSearch.buildingHours(), clock: systemClock });
    const service = createRoomSearchService({ roomSearch, buildingHours });
    return service.search(EMPLOYEE, roomSearchQuerySchema.parse(query));
  }

  it('answers every window and page for itself, also once PostgreSQL caches a generic plan', async () => {
    // A transaction holds one connection, so every search below reuses the same prepared statements.
    await db.knex.transaction(async (trx) => {
      for (let day = 0; day < DAYS; day++) {
        const window = { start: at(day, 9), end: at(day, 10) };
        const free = await search(trx, { ...window, onlyAvailable: 'true' });
        const expectedFree = ROOMS.filter((name) => name !== confirmedOn(day) && name !== pendingOn(day));
        expect({ total: free.total, names: free.items.map((room) => nameOf(room.id)) }).toEqual({
          total: 2,
          names: expectedFree, // best fit: smallest capacity first, and capacity grows with the index
        });

        // Second page of one room per page: the larger of the two free rooms.
        const second = await search(trx, { ...window, onlyAvailable: 'true', page: '2', pageSize: '1' });
        expect({ total: second.total, names: second.items.map((room) => nameOf(room.id)) }).toEqual({
          total: 2,
          names: expectedFree.slice(1),
        });

        const ranked = await search(trx, window);
        const states = Object.fromEntries(ranked.items.map((room) => [nameOf(room.id), room.availability?.state]));
        expect(states).toEqual(
          Object.fromEntries(
            ROOMS.map((name) => [
              name,
              name === confirmedOn(day) ? 'busy' : name === pendingOn(day) ? 'partial' : 'free',
            ]),
          ),
        );
        const partly = ranked.items.find((room) => nameOf(room.id) === pendingOn(day));
        expect(partly?.availability?.busy).toEqual([{ start: at(day, 9, 30), end: at(day, 10) }]);
      }
      if (db.engine !== 'postgres') return; // PGlite does not keep named statements
      const statements = await trx.raw<{ rows: { generic_plans: number | string }[] }>(
        "SELECT generic_plans FROM pg_prepared_statements WHERE name LIKE 'room_search_%'",
      );
      // Two statement texts (only available; ranked), each run 12 or 24 times on this connection.
      expect(statements.rows).toHaveLength(2);
      for (const row of statements.rows) expect(Number(row.generic_plans)).toBeGreaterThan(0);
    });
  });
});
