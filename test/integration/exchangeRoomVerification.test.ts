import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Room } from '../../shared/schemas/locations';
import { createRoomRepository } from '../../server/adapters/db/repositories/rooms';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { buildFloor, buildRoom } from '../factories/locations';
import { DEMO_PASSWORD } from '../../demo/organisation/organisation';
import { connectToDemoSim } from '../support/demoExchange';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Rooms whose Exchange email was entered before Exchange was configured (or that failed on the old
 * settings) are verified when the settings are saved, without anyone touching them; a check that
 * fails in passing (Exchange busy) is retried and shows as verifying, not failed.
 */

const ROOMS = [
  'room.harbour.0.elbe@northwind.test',
  'room.harbour.0.alster@northwind.test',
  'room.harbour.0.bille@northwind.test',
  'room.harbour.0.luhe@northwind.test',
  'room.harbour.0.este@northwind.test',
];

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 20, validateRequests: false });
  db = await createTestDatabase();
  t = createTestApp(db.knex);
  admin = await t.tokenFor('admin');
  expect(ROOMS.every((email) => sim.control.model.findMailbox(email)?.kind === 'room')).toBe(true);
}, 120_000);
afterAll(async () => {
  t.deps.locations.stopVerificationRetries();
  t.deps.exchange.close();
  await db.close();
  await sim.close();
});
beforeEach(async () => {
  await db.knex('rooms').del();
  await db.knex('exchange_settings').del();
  sim.control.model.clearFaults();
});

const roomOf = async (id: string): Promise<Room> =>
  (await request(t.app).get(`/api/rooms/${id}`).set('Authorization', `Bearer ${admin}`)).body as Room;

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('rooms entered before Exchange', () => {
  it('are all verified within 5 s of configuring Exchange, without being touched', async () => {
    const ids = await Promise.all(ROOMS.map((email) => buildRoom(db.knex, { exchangeEmail: email })));
    expect((await Promise.all(ids.map(roomOf))).map((r) => r.exchange.state)).toEqual(ROOMS.map(() => 'unconnected'));

    const configured = Date.now();
    await connectToDemoSim(t.app, admin, sim);
    await until(
      'every room to be verified',
      async () => (await Promise.all(ids.map(roomOf))).every((r) => r.exchange.state === 'verified'),
      5_000,
    );
    expect(Date.now() - configured).toBeLessThan(5_000);
    expect((await Promise.all(ids.map(roomOf))).map((r) => r.exchange.error)).toEqual(ROOMS.map(() => null));
  });

  it('that failed on wrong credentials are verified once the account is corrected', async () => {
    const [id] = await Promise.all(ROOMS.slice(0, 1).map((email) => buildRoom(db.knex, { exchangeEmail: email })));
    const wrong = await request(t.app)
      .put('/api/admin/exchange')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        ewsUrl: sim.url,
        username: 'NORTHWIND\\svc-roomserve',
        password: `${DEMO_PASSWORD}-wrong`,
        authMethod: 'basic',
        caBundlePem: sim.control.caCertPem,
      });
    expect(wrong.status).toBe(200);
    await until('the room to fail', async () => (await roomOf(id ?? '')).exchange.state === 'failed', 5_000);
    expect((await roomOf(id ?? '')).exchange.error).toMatch(/username or password/);

    await connectToDemoSim(t.app, admin, sim);
    await until('the room to be verified', async () => (await roomOf(id ?? '')).exchange.state === 'verified', 5_000);
  });
});

describe('a verification that fails in passing', () => {
  it('shows as verifying with the reason, and is retried until Exchange answers', async () => {
    await connectToDemoSim(t.app, admin, sim);
    const room = ROOMS[1] ?? '';
    // Exchange is busy for this mailbox for longer than a request may wait inline, once.
    sim.control.model.addFault({
      kind: 'serverBusy',
      backOffMilliseconds: 60_000,
      count: 1,
      match: { operation: 'GetFolder', mailbox: room },
    });
    const created = await request(t.app)
      .post('/api/rooms')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        floorId: await buildFloor(db.knex),
        name: 'Alster',
        capacity: 8,
        exchangeEmail: room,
      });
    expect(created.status).toBe(201);
    const first = (created.body as Room).exchange;
    // Busy, or (on a loaded machine) slower than the admin's 2 s wait: both pass by themselves.
    expect(first).toMatchObject({
      email: room,
      state: 'verifying',
      error: expect.stringMatching(/busy|did not answer/i),
    });

    await until(
      'the retry to verify the room',
      async () => (await roomOf((created.body as Room).id)).exchange.state === 'verified',
      30_000,
    );
  }, 60_000);
});

describe('a background check racing another instance', () => {
  it('does not take back a room that the other instance verified meanwhile', async () => {
    const email = ROOMS[2] ?? '';
    const roomId = await buildRoom(db.knex, { floorId: await buildFloor(db.knex), exchangeEmail: email });
    const rooms = createRoomRepository(db.knex);
    expect(await rooms.awaitingVerification()).toEqual([{ id: roomId, email }]);
    // This instance listed the room and checked it; Exchange was busy for it. Meanwhile another
    // instance's check verified it and wrote first.
    const verified = await rooms.recordVerification(roomId, {
      email,
      state: 'verified',
      checkedAt: new Date(),
      error: null,
    });
    expect(verified?.exchange.state).toBe('verified');
    const stale = { email, checkedAt: new Date(), error: 'Exchange is busy' };
    expect(await rooms.recordVerification(roomId, { ...stale, state: 'verifying' })).toBeUndefined();
    expect(await rooms.recordVerification(roomId, { ...stale, state: 'failed' })).toBeUndefined();
    expect((await roomOf(roomId)).exchange).toMatchObject({ email, state: 'verified', error: null });
  });
});
