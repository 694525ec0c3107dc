import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import type { Actor } from '../../server/domain/actor';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * A Roomserve process killed (SIGKILL) between the two writes of a booking: the local pending
 * booking is written, the meeting request is (or is not yet) in Exchange. The repair sweep and
 * the sync of a surviving instance settle it: no local booking without an Exchange item, no
 * Exchange item without a booking. Needs PostgreSQL (two processes share the database).
 */

const ROOM = 'room.harbour.1.brook@northwind.test';
const EMMA = 'emma.schmidt@northwind.test';
const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

let db: TestDatabase;
let sim: RunningExchangeSim;
let survivor: TestApp;
let roomId: string;
let actor: Actor;

const DAY_MS = 86_400_000;
const BASE = Math.floor(Date.now() / DAY_MS + 5) * DAY_MS;
const slot = (day: number) => ({
  start: new Date(BASE + day * DAY_MS + 9 * 3_600_000).toISOString(),
  end: new Date(BASE + day * DAY_MS + 10 * 3_600_000).toISOString(),
});

/** Runs the child until it reports the checkpoint, kills it there, and returns the booking id. */
function bookAndKill(
  crashAt: 'afterLocalInsert' | 'afterExchangeCreate',
  s: { start: string; end: string },
): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/bookingCrashChild.ts')], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: process.env.DATABASE_URL,
      DB_SCHEMA: db.label.split(':')[1],
      EWS_URL: sim.url,
      EWS_CA: sim.control.caCertPem,
      CRASH_AT: crashAt,
      ACTOR: JSON.stringify(actor),
      ROOM_ID: roomId,
      START: s.start,
      END: s.end,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no checkpoint: ${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /CHECKPOINT (\S+)/.exec(output);
      if (!found?.[1]) return;
      const bookingId = found[1];
      clearTimeout(timer);
      child.once('exit', () => resolve(bookingId));
      child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited with ${String(code)}: ${output}`));
    });
  });
}

async function statusOf(bookingId: string): Promise<string | undefined> {
  const row = await db.knex('bookings').where({ id: bookingId }).first<{ status: string } | undefined>('status');
  return row?.status;
}

const itemsWithUid = (mailbox: string, bookingId: string) =>
  sim.control.model.readCalendar(mailbox).filter((i) => i.uid === `roomserve-${bookingId}` && !i.isCancelled);

onPostgres('a process killed between the two writes of a booking', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 20, validateRequests: false });
    survivor = createTestApp(db.knex);
    const admin = await survivor.tokenFor('admin');
    const saved = await request(survivor.app).put('/api/admin/exchange').set('Authorization', `Bearer ${admin}`).send({
      ewsUrl: sim.url,
      username: 'NORTHWIND\\svc-roomserve',
      password: 'Roomserve-demo-1',
      authMethod: 'basic',
      caBundlePem: sim.control.caCertPem,
    });
    expect(saved.status).toBe(200);
    const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
    roomId = await buildRoom(db.knex, { floorId, exchangeEmail: ROOM });
    await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
    const user = await buildUser(db.knex, { email: EMMA, name: 'Emma Schmidt' });
    actor = { userId: user.id, email: EMMA, name: user.name, role: 'employee', via: 'token' };
  }, 90_000);

  afterAll(async () => {
    await survivor?.sync.restart(null);
    await sim?.close();
    await db?.close();
  });

  it('gives the booking up when the meeting never reached Exchange', async () => {
    const bookingId = await bookAndKill('afterLocalInsert', slot(0));
    expect(await statusOf(bookingId)).toBe('pending');
    expect(itemsWithUid(EMMA, bookingId)).toEqual([]);
    await db
      .knex('bookings')
      .where({ id: bookingId })
      .update({ pending_since: db.knex.raw("now() - interval '1 hour'") });
    const outcome = await survivor.deps.bookings.repairPending();
    expect(outcome.givenUp).toBe(1);
    expect(await statusOf(bookingId)).toBe('cancelled');
    expect(itemsWithUid(EMMA, bookingId)).toEqual([]);
  }, 90_000);

  it('keeps the booking when the meeting reached Exchange, and the sync matches the room’s copy to it', async () => {
    const bookingId = await bookAndKill('afterExchangeCreate', slot(1));
    await sim.control.model.whenIdle();
    expect(itemsWithUid(EMMA, bookingId)).toHaveLength(1);
    expect(itemsWithUid(ROOM, bookingId)).toHaveLength(1);
    // The survivor's sync sees the room's copy: it is recognised as this booking (same UID), not duplicated.
    await survivor.sync.restart(await survivor.deps.exchange.gateway());
    const started = Date.now();
    while ((await statusOf(bookingId)) !== 'confirmed' && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 100));
    await db
      .knex('bookings')
      .where({ id: bookingId })
      .update({ pending_since: db.knex.raw("now() - interval '1 hour'") });
    await survivor.deps.bookings.repairPending();
    expect(await statusOf(bookingId)).toBe('confirmed');
    const live = await db
      .knex('bookings')
      .where({ room_id: roomId })
      .whereIn('status', ['pending', 'confirmed'])
      .select('id');
    expect(live).toEqual([{ id: bookingId }]);
  }, 90_000);

  it('the repair sweep alone settles a booking whose meeting reached Exchange', async () => {
    await survivor.sync.restart(null);
    const bookingId = await bookAndKill('afterExchangeCreate', slot(2));
    await sim.control.model.whenIdle();
    await db
      .knex('bookings')
      .where({ id: bookingId })
      .update({ pending_since: db.knex.raw("now() - interval '1 hour'") });
    const outcome = await survivor.deps.bookings.repairPending();
    expect(outcome.confirmed).toBe(1);
    expect(await statusOf(bookingId)).toBe('confirmed');
    const linked = await db
      .knex('bookings')
      .where({ id: bookingId })
      .first<{ organizer_item_id: string | null }>('organizer_item_id');
    expect(linked?.organizer_item_id).not.toBe(null);
  }, 90_000);
});
