import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openDatabase, type Database } from '../../server/adapters/db/database';
import { createPgRoomChanges, type PgRoomChanges } from '../../server/adapters/roomChanges/postgres';
import type { FloorOccupancy } from '../../shared/schemas/plan';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, asDisplay, pairDisplay } from './displaysHarness';
import { openDisplayStream, type DisplayStream } from './displaysStream';

/**
 * Two app instances on one PostgreSQL, each with its own connection pool and LISTEN connection:
 * a change handled by instance A reaches the display whose stream instance B serves, within 1 s.
 */

const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

onPostgres('room changes across instances (LISTEN/NOTIFY)', () => {
  let db: TestDatabase;
  let secondPool: Database;
  const changes: PgRoomChanges[] = [];
  let a: TestApp;
  let b: TestApp;
  let serverB: Server;
  let admin: string;
  let roomId: string;
  let displayId: string;
  let token: string;
  const streams: DisplayStream[] = [];

  // This file's LISTEN connections, told apart from other test files' on the same database.
  const listenerName = (): string => `room changes ${db.label}`;
  const instance = (knex: TestDatabase['knex'], clock: ManualClock): TestApp =>
    createTestApp(knex, {
      clock,
      displays: {
        roomChanges: (pool) => {
          const created = createPgRoomChanges({
            connectionString: process.env.DATABASE_URL ?? '',
            knex: pool,
            reconnectMs: 100,
            applicationName: listenerName(),
          });
          changes.push(created);
          return created;
        },
      },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    const schema = db.label.split(':')[1] ?? 'public';
    secondPool = await openDatabase({ engine: 'postgres', url: process.env.DATABASE_URL ?? '', schema, poolMax: 3 });
    const clock = new ManualClock('2026-05-04T07:55:00Z');
    a = instance(db.knex, clock);
    b = instance(secondPool.knex, clock);
    await Promise.all(changes.map((c) => c.ready()));
    admin = await a.tokenFor('admin');
    const floorId = await buildFloor(db.knex, {
      buildingId: await buildBuilding(db.knex, { timeZone: 'Europe/Berlin' }),
    });
    roomId = await buildRoom(db.knex, { floorId });
    await buildBooking(db.knex, { roomId, start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z' });
    const created = await addDisplay(a.app, admin, roomId);
    displayId = created.id;
    token = (await pairDisplay(a.app, created.pairingCode)).token;
    serverB = await new Promise<Server>((resolve) => {
      const listening = b.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
  }, 60_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    serverB.closeAllConnections();
    await new Promise((resolve) => serverB.close(resolve));
    await Promise.all(changes.map((c) => c.close()));
    await secondPool.close();
    await db.close();
  });

  async function streamOnB(): Promise<DisplayStream> {
    const opened = await openDisplayStream(`http://127.0.0.1:${(serverB.address() as AddressInfo).port}`, token);
    streams.push(opened);
    expect(opened.status).toBe(200);
    await opened.next(() => true);
    return opened;
  }

  it('a check-in through instance A reaches the stream instance B serves within 1 s', async () => {
    const stream = await streamOnB();
    const since = Date.now();
    const res = await asDisplay(request(a.app).post('/api/display/check-in'), token).send({ requestId: randomUUID() });
    expect(res.status).toBe(200);
    const received = await stream.next((s) => s.next[0]?.checkedIn === true, 1_000, since);
    expect(received.at - since).toBeLessThan(1_000);
  });

  it('a change made while the LISTEN connections were cut reaches instance B’s stream once it listens again', async () => {
    const stream = await streamOnB();
    const since = Date.now();
    const cut = await db.knex.raw<{ rows: unknown[] }>(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?',
      [listenerName()],
    );
    expect(cut.rows).toHaveLength(2);
    const saved = await request(a.app)
      .put(`/api/admin/display-settings/rooms/${roomId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ showSubjects: false });
    expect(saved.status).toBe(200);
    await stream.next((s) => s.next[0]?.title === 'Booked', 5_000, since);
  });

  it('a PIN set and a revocation through instance A reach instance B’s stream within 1 s', async () => {
    const stream = await streamOnB();
    const since = Date.now();
    expect(
      (
        await request(a.app)
          .put(`/api/admin/displays/${displayId}/pin`)
          .set('Authorization', `Bearer ${admin}`)
          .send({ pin: '2468' })
      ).status,
    ).toBe(204);
    await stream.next((s) => s.pinRequired, 1_000, since);
    const revokedAt = Date.now();
    expect(
      (await request(a.app).delete(`/api/admin/displays/${displayId}`).set('Authorization', `Bearer ${admin}`)).status,
    ).toBe(204);
    await Promise.race([
      stream.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the stream on B did not end')), 1_000)),
    ]);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
  });

  it('a booking change published on instance A reaches the plan instance B serves, past its kept answer', async () => {
    const { floor_id: floorId } = await db.knex('rooms').where({ id: roomId }).first<{ floor_id: string }>('floor_id');
    const spare = await buildRoom(db.knex, { floorId, name: 'Spare' });
    const employee = await b.tokenFor('employee');
    const stateOnB = async (): Promise<string | undefined> => {
      const res = await request(b.app)
        .get(`/api/floors/${floorId}/occupancy`)
        .set('Authorization', `Bearer ${employee}`);
      expect(res.status).toBe(200);
      return (res.body as FloorOccupancy).rooms.find((r) => r.id === spare)?.state;
    };
    expect(await stateOnB()).toBe('free');
    await buildBooking(db.knex, { roomId: spare, start: '2026-05-04T07:50:00Z', end: '2026-05-04T08:30:00Z' });
    const since = Date.now();
    // What the sync publishes on instance A after writing the booking.
    await changes[0]?.publish({ kind: 'room', roomId: spare });
    let state = await stateOnB();
    while (state !== 'busy' && Date.now() - since < 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = await stateOnB();
    }
    expect(state).toBe('busy');
  });
});
