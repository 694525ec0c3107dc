import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { LEASE_NAMESPACE, PRESENCE_NAMESPACE, lockKey } from '../../server/adapters/db/advisoryRoomLeases';
import type { DisplayState } from '../../shared/schemas/displays';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { ewsService } from '../exchange-sim/ewsjs/client';
import { loadSeedFile, type SeedFile, type SeedMeeting } from '../exchange-sim/model/seed';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ALL_WEEK, buildItem, buildMeeting, buildProvider } from '../factories/orders';
import { buildUser, type BuiltUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import { comparisonWindow, expectMirrorsExchange, type ExchangeAccount } from '../support/exchangeCalendars';
import { haproxyBinary, startHaproxy, type RunningHaproxy } from '../support/haproxy';
import { openReconnectingStream, type ReconnectingStream } from '../support/reconnectingStream';
import { killHard, startServer } from '../support/serverProcess';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, pairDisplay } from './displaysHarness';
import { PASSWORD, SERVICE_ACCOUNT, sendMeeting } from './syncScenariosHarness';

/**
 * Three real Roomserve processes on one PostgreSQL behind HAProxy (Debian's package), as
 * docs/operations.md describes. One is killed with SIGKILL in the middle of the first sync, another
 * under a steady stream of changes: every room ends synced, its bookings equal its calendar read
 * over EWS (none missing, none twice), and the failover times are printed. Through HAProxy, sign-in,
 * a booking, the facility board's live stream and the displays' push keep working meanwhile.
 */

const binary = haproxyBinary();
const runs = process.env.TEST_DB === 'postgres' && (binary !== null || process.env.CI === 'true');
if (process.env.TEST_DB === 'postgres' && !runs)
  console.warn('syncThreeInstancesHaproxy skipped: haproxy is not installed (apt-get install haproxy); CI runs it');
const onPostgresWithHaproxy = runs ? describe : describe.skip;

const MEETINGS_PER_ROOM = 4;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

let db: TestDatabase;
let sim: RunningExchangeSim;
let account: ExchangeAccount;
let setup: TestApp;
let proxy: RunningHaproxy | undefined;
const children: ChildProcess[] = [];
const streams: ReconnectingStream[] = [];
const key = randomBytes(32);
const rooms: { roomId: string; mailbox: string }[] = [];
let admin: string;
let emmaToken: string;
let facilityToken: string;
let displayToken: string;
let signInUser: BuiltUser;
let orderBookingId: string;
let coffee: string;
let organizerToken: string;

const demo = loadSeedFile('demo');
/** 8 rooms an instance: enough for a first sync to be under way when one is killed. */
const roomMailboxes = demo.accounts
  .filter((a) => a.kind === 'room')
  .map((a) => a.email)
  .slice(0, 24);
const organizers = demo.accounts.filter((a) => a.kind === 'user').map((a) => a.email);

const at = (dayOffset: number, hourUtc: number, minute = 0): string => {
  const d = new Date();
  d.setUTCHours(hourUtc, minute, 0, 0);
  return new Date(d.getTime() + dayOffset * DAY_MS).toISOString().replace('.000Z', 'Z');
};

/** The demo organisation with a few meetings in every room, so that a first sync takes a while. */
function seed(): SeedFile {
  const meetings = roomMailboxes.flatMap((room, r) =>
    Array.from({ length: MEETINGS_PER_ROOM }, (_, i): SeedMeeting => ({
      organizer: organizers[(r + i) % organizers.length] ?? 'emma.schmidt@northwind.test',
      subject: `Meeting ${i} in ${room}`,
      start: at(i + 1, 9),
      end: at(i + 1, 10),
      requiredAttendees: [],
      optionalAttendees: [],
      rooms: [room],
      timeZone: 'UTC',
    })),
  );
  return { ...demo, meetings };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

async function syncedRooms(): Promise<number> {
  const [row] = await db
    .knex('room_sync')
    .whereIn(
      'room_id',
      rooms.map((r) => r.roomId),
    )
    .whereNotNull('last_success_at')
    .count<{ n: string | number }[]>({ n: '*' });
  return Number(row?.n ?? 0);
}

/** Rooms whose lease some live instance holds. */
async function heldRooms(): Promise<number> {
  const keys = rooms.map((r) => lockKey(r.roomId) >>> 0);
  const result = await db.knex.raw<{ rows: { n: number }[] }>(
    `SELECT count(DISTINCT objid)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND classid = ? AND objid IN (${keys.map(() => '?').join(', ')}) AND granted`,
    [LEASE_NAMESPACE, ...keys],
  );
  return result.rows[0]?.n ?? 0;
}

/** Instances alive as PostgreSQL sees them: the lease sessions holding this schema's presence lock. */
async function liveInstances(): Promise<number> {
  // The key each instance derives from `current_database() || '.' || current_schema()`.
  const [database] = (await db.knex.raw<{ rows: { name: string }[] }>('SELECT current_database() AS name')).rows;
  const schema = db.label.split(':')[1] ?? '';
  const result = await db.knex.raw<{ rows: { n: number }[] }>(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND classid = ? AND objid = ? AND objsubid = 2 AND granted`,
    [PRESENCE_NAMESPACE, lockKey(`${database?.name ?? ''}.${schema}`) >>> 0],
  );
  return result.rows[0]?.n ?? 0;
}

/** The ms from a kill until the others hold every room again, printed. */
async function failover(killedAt: number, left: number, when: string): Promise<number> {
  // The dead instance's locks count until PostgreSQL has ended its session.
  await until('the killed instance to be gone', async () => (await liveInstances()) === left, 30_000);
  await until('every room to be held again', async () => (await heldRooms()) === rooms.length, 30_000);
  const failoverMs = Date.now() - killedAt;
  console.log(`failover after kill -9 ${when}: every room held again after ${failoverMs} ms`);
  return failoverMs;
}

interface Instance {
  /** Its server name in HAProxy's configuration. */
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
}

async function startInstance(index: number): Promise<Instance> {
  const name = `i${index}`;
  const started = await startServer({
    name,
    databaseLabel: db.label,
    secretKey: key.toString('base64'),
    // Claim rounds every second, so that a failover shows within a short test.
    env: { SYNC_CLAIM_SECONDS: '1', TRUST_PROXY: 'on' },
  });
  children.push(started.child);
  return { name, ...started };
}

/** Sign-in and two signed-in requests through HAProxy (round robin: another instance each time). */
async function signInThroughProxy(base: string): Promise<void> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: signInUser.email, password: signInUser.password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('rs_session='))
    ?.split(';')[0];
  expect(cookie).toBeDefined();
  for (let i = 0; i < 2; i += 1) {
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie: cookie ?? '' } });
    expect(me.status).toBe(200);
  }
}

async function post(base: string, path: string, bearer: string, body: object): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
}

onPostgresWithHaproxy('three instances behind HAProxy, one killed at a time', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startExchangeSim({ seed: seed(), attendantDelayMs: 5, validateRequests: false });
    account = { url: sim.url, caCertPem: sim.control.caCertPem };
    setup = createTestApp(db.knex, { secrets: createSecretBox(key) });
    admin = await setup.tokenFor('admin');
    const buildingId = await buildBuilding(db.knex, { timeZone: 'UTC', openingHours: {} });
    const floorId = await buildFloor(db.knex, { buildingId });
    for (const mailbox of roomMailboxes) {
      const roomId = await buildRoom(db.knex, { floorId, exchangeEmail: mailbox });
      await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
      rooms.push({ roomId, mailbox });
    }
    const displayRoom = rooms[0]?.roomId ?? '';
    displayToken = (await pairDisplay(setup.app, (await addDisplay(setup.app, admin, displayRoom)).pairingCode)).token;
    const emma = await buildUser(db.knex, { email: 'emma.schmidt@northwind.test', role: 'employee', name: 'Emma' });
    emmaToken = (await setup.deps.auth.createApiToken(emma.id, { name: 'test' })).token;
    facilityToken = await setup.tokenFor('facility');
    signInUser = await buildUser(db.knex, { role: 'employee' });
    // Catering on a room outside Exchange, so that an order is a change of Roomserve's own.
    const providerId = await buildProvider(db.knex, { buildingIds: [buildingId], workingHours: ALL_WEEK });
    coffee = await buildItem(db.knex, { providerId, leadTimeHours: 0, changeCutoffHours: 0 });
    const organizer = await buildUser(db.knex, { role: 'employee' });
    organizerToken = (await setup.deps.auth.createApiToken(organizer.id, { name: 'test' })).token;
    orderBookingId = await buildMeeting(db.knex, {
      roomId: await buildRoom(db.knex, { floorId }),
      start: at(2, 10),
      end: at(2, 11),
      organizerEmail: organizer.email,
    });
  }, 60_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await proxy?.stop();
    for (const child of children.splice(0)) await killHard(child);
    await sim?.close();
    await db?.close();
  });

  it('keeps every room synced and sign-in, bookings and live streams working while instances are killed', async () => {
    if (!binary) throw new Error('haproxy is not installed: apt-get install haproxy (CI installs it in .ci/run)');
    // The service account's requests are slowed down, so that the first kill lands mid-sync.
    sim.control.model.addFault({ kind: 'latency', latencyMs: 1000, match: { account: SERVICE_ACCOUNT } });
    const instances = await Promise.all([0, 1, 2].map((i) => startInstance(i)));
    proxy = await startHaproxy(
      binary,
      instances.map((i) => i.port),
    );
    const base = proxy.url;
    const openStream = (path: string, bearer: string): ReconnectingStream => {
      const opened = openReconnectingStream(`${base}${path}`, bearer);
      streams.push(opened);
      return opened;
    };
    const displays = [0, 1, 2].map(() => openStream('/api/display/events', displayToken));
    const boards = [0, 1, 2].map(() => openStream('/api/facility/orders/events', facilityToken));
    await until('the streams to open', () => Promise.resolve(streams.every((s) => s.opened() === 1)), 10_000);
    // The instance to kill serves a display's stream and a board's (round robin spreads them; a
    // board is added until one lands there).
    const doomed = instances.find((i) => i.name === displays[0]?.servedBy());
    if (!doomed) throw new Error('HAProxy named no instance for the display stream');
    while (!boards.some((b) => b.servedBy() === doomed.name) && boards.length < 9) {
      const board = openStream('/api/facility/orders/events', facilityToken);
      await until('the board stream to open', () => Promise.resolve(board.opened() === 1), 10_000);
      boards.push(board);
    }
    const onDoomed = [...displays, ...boards].filter((stream) => stream.servedBy() === doomed.name);
    expect(boards.some((b) => onDoomed.includes(b))).toBe(true);

    // One save through HAProxy: every instance (they start without settings) hears of it and starts its sync.
    await connectToDemoSim(base, admin, sim);
    await until('the first rooms to be synced', async () => (await syncedRooms()) >= 1, 30_000);
    const firstKill = Date.now();
    await killHard(doomed.child);
    const firstFailover = failover(firstKill, 2, 'during the first sync');
    expect(await syncedRooms()).toBeLessThan(rooms.length);
    sim.control.model.clearFaults();

    await signInThroughProxy(base);
    const since = Date.now();
    const start = new Date(Math.ceil(Date.now() / MINUTE_MS) * MINUTE_MS + 20 * MINUTE_MS).toISOString();
    const booked = await post(base, '/api/bookings', emmaToken, {
      roomId: rooms[0]?.roomId,
      start,
      end: new Date(Date.parse(start) + 30 * MINUTE_MS).toISOString(),
      subject: 'Booked through HAProxy',
    });
    expect(booked.status).toBe(201);
    const ordered = await post(base, '/api/orders', organizerToken, {
      target: { bookingId: orderBookingId },
      lines: [{ itemId: coffee, quantity: 1 }],
      delivery: { kind: 'at-start' },
    });
    expect(ordered.status).toBe(201);
    const shown = (e: { event: string; data: string }): boolean =>
      e.event === 'state' && (JSON.parse(e.data) as DisplayState).next.some((m) => m.start === start);
    await Promise.all([
      ...displays.map((d) => d.next(shown, 10_000, since)),
      ...boards.map((b) => b.next((e) => e.event === 'order', 10_000, since)),
    ]);
    // The streams the killed instance served came back through HAProxy on another one.
    for (const stream of onDoomed) {
      expect(stream.opened()).toBeGreaterThan(1);
      expect(stream.servedBy()).not.toBe(doomed.name);
    }
    expect(await firstFailover).toBeLessThan(30_000);

    await until('every room to be synced', async () => (await syncedRooms()) === rooms.length, 30_000);
    const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
    let changes = 0;
    const steady = (async () => {
      for (const stopAt = Date.now() + 3_000; Date.now() < stopAt; changes += 1) {
        const room = roomMailboxes[changes % roomMailboxes.length] ?? '';
        await sendMeeting(emma, {
          subject: `Steady ${changes}`,
          start: at(10 + Math.floor(changes / roomMailboxes.length), 13),
          end: at(10 + Math.floor(changes / roomMailboxes.length), 14),
          rooms: [room],
        });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await new Promise((r) => setTimeout(r, 1_000));
    const secondKill = Date.now();
    const [next] = instances.filter((i) => i !== doomed);
    if (!next) throw new Error('no instance left to kill');
    await killHard(next.child);
    expect(await failover(secondKill, 1, 'under steady changes')).toBeLessThan(30_000);
    await steady;
    expect(changes).toBeGreaterThan(3);

    await expectMirrorsExchange(db.knex, account, rooms, comparisonWindow(new Date()), 30_000);
    expect(await syncedRooms()).toBe(rooms.length);
  }, 120_000);
});
