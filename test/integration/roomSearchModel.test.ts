// @timezone-sensitive: the windows are instants; results must not depend on process TZ.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import type { RoomSearchPage } from '../../shared/schemas/search';
import { availabilityIn, type Availability } from '../../server/domain/availability/availability';
import { compareBestFit } from '../../server/domain/availability/bestFit';
import { interval, toIsoInterval, type Interval } from '../../server/domain/availability/interval';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { createTestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The SQL search against a model written with the domain rules: for random windows and filters
 * over a random catalog, GET /api/rooms must return exactly what filtering in memory, computing
 * availabilityIn and sorting with compareBestFit gives.
 */

const DAY = Date.parse('2026-05-04T00:00:00Z');
const QUARTER = 15 * 60 * 1000;
const at = (quarter: number): number => DAY + quarter * QUARTER;
const STATUSES = ['confirmed', 'pending', 'declined', 'cancelled'] as const;

interface ModelRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly active: boolean;
  readonly occupied: Interval[];
}

interface CatalogSpec {
  readonly rooms: { name: string; capacity: number; active: boolean }[];
  /** Per room: [start quarter, length in quarters, status]. */
  readonly bookings: [number, number, (typeof STATUSES)[number]][][];
}

const catalogSpec = fc.record({
  rooms: fc.array(
    fc.record({
      // Few distinct names and capacities, so that ties exercise every sort key.
      name: fc.constantFrom('Alpha', 'beta', 'Gamma', 'delta', 'Elbe'),
      capacity: fc.constantFrom(2, 4, 8),
      active: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
    }),
    { minLength: 12, maxLength: 12 },
  ),
  bookings: fc.array(
    fc.array(
      fc.tuple(fc.integer({ min: 24, max: 80 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...STATUSES)),
      { maxLength: 6 },
    ),
    {
      minLength: 12,
      maxLength: 12,
    },
  ),
});

/** Confirmed bookings of one room must not overlap (the database refuses them); drop those that would. */
function withoutConfirmedOverlaps(bookings: CatalogSpec['bookings'][number]): CatalogSpec['bookings'][number] {
  const kept: CatalogSpec['bookings'][number] = [];
  for (const booking of bookings) {
    const [start, length, status] = booking;
    const clash = kept.some(
      ([s, l, st]) => status === 'confirmed' && st === 'confirmed' && start < s + l && s < start + length,
    );
    if (!clash) kept.push(booking);
  }
  return kept;
}

describe('room search agrees with the domain model', () => {
  let db: TestDatabase;
  let app: Express;
  let token: string;
  const rooms: ModelRoom[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const testApp = createTestApp(db.knex);
    app = testApp.app;
    const user = await buildUser(db.knex, { role: 'employee' });
    token = (await testApp.deps.auth.createApiToken(user.id, { name: 'model test' })).token;
    const [spec] = fc.sample(catalogSpec, { numRuns: 1, seed: 20261123 });
    if (!spec) throw new Error('no catalog sampled');
    // Open around the clock: this test is about bookings and pages; opening hours have their own tests.
    const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
    for (const [index, room] of spec.rooms.entries()) {
      const id = await buildRoom(db.knex, {
        floorId,
        name: room.name,
        capacity: room.capacity,
        active: room.active,
        tags: [],
      });
      const occupied: Interval[] = [];
      for (const [start, length, status] of withoutConfirmedOverlaps(spec.bookings[index] ?? [])) {
        const span = interval(at(start), at(start + length));
        await buildBooking(db.knex, { roomId: id, ...toIsoInterval(span), status });
        if (status === 'confirmed' || status === 'pending') occupied.push(span);
      }
      rooms.push({ id, ...room, occupied });
    }
  });
  afterAll(async () => {
    await db.close();
  });

  function expected(window: Interval, minCapacity: number, onlyAvailable: boolean, page: number, pageSize: number) {
    const ranked = rooms
      .filter((r) => r.active && r.capacity >= minCapacity)
      .map((r) => ({ ...r, availability: availabilityIn(window, r.occupied) }))
      .filter((r) => !onlyAvailable || r.availability.state === 'free')
      .map((r) => ({ ...r, state: r.availability.state }))
      .sort(compareBestFit(minCapacity));
    const shown = (availability: Availability) => ({
      state: availability.state,
      busy: availability.busy.map(toIsoInterval),
    });
    return {
      total: ranked.length,
      items: ranked
        .slice((page - 1) * pageSize, page * pageSize)
        .map((r) => ({ id: r.id, availability: shown(r.availability) })),
    };
  }

  it('for random windows, capacities, availability filters and pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 84 }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(1, 3, 4, 8),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(3, 5, 20),
        async (startQuarter, lengthQuarters, minCapacity, onlyAvailable, page, pageSize) => {
          const window = interval(at(startQuarter), at(startQuarter + lengthQuarters));
          const { start, end } = toIsoInterval(window);
          const res = await request(app)
            .get('/api/rooms')
            .query({ start, end, minCapacity, onlyAvailable, page, pageSize })
            .auth(token, { type: 'bearer' });
          expect(res.status).toBe(200);
          const body = res.body as RoomSearchPage;
          expect({
            total: body.total,
            items: body.items.map((r) => ({ id: r.id, availability: r.availability })),
          }).toEqual(expected(window, minCapacity, onlyAvailable, page, pageSize));
        },
      ),
      { numRuns: 40, seed: 4242 },
    );
  });
});
