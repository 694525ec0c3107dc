import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ews from 'ews-javascript-api';
import type { Knex } from 'knex';
import { BENCH_PASSWORD, SERVICE_ACCOUNT, benchSeed, organizerLogin, roomMailbox } from '../../bench/sync/seed';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { LEASE_NAMESPACE } from '../../server/adapters/db/advisoryRoomLeases';
import { CSRF_HEADER } from '../../server/http/middleware/sessionCookie';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService, impersonating } from '../exchange-sim/ewsjs/client';
import { parseSeed } from '../exchange-sim/model/seed';
import { ensureServerBuild, SERVER_MAIN } from '../e2e/support/productBuild';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildItem, buildMeeting, buildProvider, ALL_WEEK } from '../factories/orders';
import { buildUser, type BuiltUser } from '../factories/users';
import { startHaproxy, type RunningHaproxy } from '../support/haproxy';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, pairDisplay } from './displaysHarness';
import { openDisplayStream } from './displaysStream';

/**
 * Three instances of the built server (dist/server/main.js) on one PostgreSQL behind HAProxy
 * (Debian's package). One is killed with SIGKILL in the middle of the first sync, and another under
 * steady changes in Exchange: the others take its rooms (the failover time is printed), every room
 * ends synced with exactly the meetings its calendar holds over EWS, and sign-in, booking, the
 * facility board's live stream and the displays' push keep working through the balancer.
 */

const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

const ROOMS = 9;
const MEETINGS_PER_ROOM = 12;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const key = randomBytes(32);

interface Instance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
}

let db: TestDatabase;
let sim: RunningExchangeSim;
let setup: TestApp;
let proxy: RunningHaproxy;
const instances: Instance[] = [];
const roomIds = new Map<string, string>();
const firstDay = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS).toISOString();

function startInstance(name: string): Promise<Instance> {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.searchParams.set('options', `-c search_path=${db.label.split(':')[1] ?? 'public'},public`);
  // Tells this instance's sessions apart in pg_stat_activity (its room leases among them).
  url.searchParams.set('application_name', `roomserve-${name}`);
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: 'off',
      EXCHANGE_SIM: 'off',
      ROOMSERVE_SECRET_KEY: key.toString('base64'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), `roomserve-${name}-`)),
      LOG_LEVEL: 'info',
      SYNC_CLAIM_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output.slice(-2000)}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const listening = /Roomserve listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        const instance = { name, child, port: Number(listening[1]) };
        instances.push(instance);
        resolve(instance);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${String(code)}: ${output.slice(-2000)}`)));
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Which instance (by application name) holds how many of this test's room leases. */
async function leaseHolders(knex: Knex): Promise<Map<string, number>> {
  const result = await knex.raw<{ rows: { name: string; rooms: string }[] }>(
    `SELECT a.application_name AS name, count(*) AS rooms
     FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.classid = ? AND l.granted AND a.application_name LIKE ?
     GROUP BY a.application_name`,
    [LEASE_NAMESPACE, `roomserve-${db.label.split(':')[1] ?? ''}-%`],
  );
  return new Map(result.rows.map((r) => [r.name.replace(/^roomserve-/, ''), Number(r.rooms)]));
}

/** Rooms whose first sync has committed. */
async function syncedRooms(): Promise<number> {
  const [row] = await db.knex('room_sync').whereNotNull('sync_state').count<{ n: string }[]>('* as n');
  return Number(row?.n ?? 0);
}

/** Every live meeting of each room as Exchange shows it over EWS (CalendarView as the service account). */
async function exchangeCalendars(): Promise<Map<string, string[]>> {
  const service = ewsService(sim.url, SERVICE_ACCOUNT.username, BENCH_PASSWORD, 'basic');
  const calendars = new Map<string, string[]>();
  for (let r = 0; r < ROOMS; r++) {
    const mailbox = roomMailbox(r);
    const view = new ews.CalendarView(at(firstDay), at(new Date(Date.parse(firstDay) + 60 * DAY_MS).toISOString()));
    const found = await impersonating(service, mailbox).FindAppointments(
      new ews.FolderId(ews.WellKnownFolderName.Calendar, new ews.Mailbox(mailbox)),
      view,
    );
    calendars.set(mailbox, found.Items.map((a) => new Date(a.Start.TotalMilliSeconds).toISOString()).sort());
  }
  return calendars;
}

async function roomserveCalendars(): Promise<Map<string, string[]>> {
  const calendars = new Map<string, string[]>();
  for (const [mailbox, roomId] of roomIds) {
    const rows: { start: Date }[] = await db
      .knex('bookings')
      .where({ room_id: roomId })
      .whereIn('status', ['confirmed', 'pending'])
      .select<{ start: Date }[]>(db.knex.raw('lower(during) AS start'));
    calendars.set(mailbox, rows.map((r) => new Date(r.start).toISOString()).sort());
  }
  return calendars;
}

/** Organizers book new meetings into the rooms, one every `everyMs`, until stopped. */
function steadyChanges(everyMs: number): { stop(): Promise<number> } {
  let stopped = false;
  let made = 0;
  const running = (async () => {
    while (!stopped) {
      const room = made % ROOMS;
      const organizer = ewsService(sim.url, organizerLogin(made), BENCH_PASSWORD, 'basic');
      const appt = new ews.Appointment(organizer);
      // Evenings, never clashing with the seeded 09:00 and 14:00 meetings or each other.
      const start = Date.parse(firstDay) + (10 + Math.floor(made / ROOMS)) * DAY_MS + 18 * HOUR_MS;
      appt.Subject = `Steady change ${made}`;
      appt.Start = at(new Date(start).toISOString());
      appt.End = at(new Date(start + HOUR_MS).toISOString());
      appt.StartTimeZone = ews.TimeZoneInfo.Utc;
      appt.EndTimeZone = ews.TimeZoneInfo.Utc;
      appt.Resources.Add(roomMailbox(room));
      await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
      made += 1;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      return made;
    },
  };
}

/** Kills (SIGKILL) the instance that holds the most rooms; resolves with its name and when. */
async function killBusiest(): Promise<{ name: string; rooms: number; at: number }> {
  const holders = await leaseHolders(db.knex);
  const [name, rooms] = [...holders.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const victim = instances.find((i) => i.name === name);
  if (!victim || rooms === 0) throw new Error('no instance holds a room');
  const gone = new Promise<void>((resolve) => victim.child.once('exit', () => resolve()));
  victim.child.kill('SIGKILL');
  const killedAt = Date.now();
  await gone;
  instances.splice(instances.indexOf(victim), 1);
  return { name, rooms, at: killedAt };
}

/** Every room held again by a live instance: the failover time after the kill. */
async function failover(kill: { name: string; at: number }): Promise<number> {
  await until('the other instances to take over every room', async () => {
    const holders = await leaseHolders(db.knex);
    const held = [...holders.values()].reduce((a, b) => a + b, 0);
    return !holders.has(kill.name) && held === ROOMS;
  });
  return Date.now() - kill.at;
}

async function signIn(user: BuiltUser): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${proxy.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Reads a server-sent event stream until `pattern` shows (or the time is up). */
async function streamUntil(url: string, headers: Record<string, string>, pattern: RegExp, act: () => Promise<void>) {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let acted = false;
  const timeout = setTimeout(() => abort.abort(), 15_000);
  try {
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!acted && text.includes('retry:')) {
        acted = true;
        await act();
      }
    }
  } finally {
    clearTimeout(timeout);
    abort.abort();
  }
  return text;
}

onPostgres('three instances behind HAProxy, one killed with kill -9', () => {
  let localRoom: string;
  let coffee: string;
  let displayToken: string;
  let employee: BuiltUser;
  let organizer: BuiltUser;
  let facility: BuiltUser;

  beforeAll(async () => {
    ensureServerBuild();
    db = await createTestDatabase();
    sim = await startExchangeSim({
      http: true,
      seed: parseSeed(benchSeed({ rooms: ROOMS, meetingsPerRoom: MEETINGS_PER_ROOM, firstDay })),
      validateRequests: false,
      attendantDelayMs: 0,
    });
    setup = createTestApp(db.knex, { secrets: createSecretBox(key) });
    const admin = await setup.tokenFor('admin');
    // Plain http to the simulator, which the admin API refuses: the service saves it as the bench does.
    await setup.deps.exchange.configure({
      url: sim.url,
      username: SERVICE_ACCOUNT.username,
      password: BENCH_PASSWORD,
      authMethod: 'basic',
      caBundlePem: null,
      skipTlsVerification: false,
    });
    const buildingId = await buildBuilding(db.knex, { name: 'Harbour House', timeZone: 'Europe/Berlin' });
    const floorId = await buildFloor(db.knex, { buildingId });
    for (let r = 0; r < ROOMS; r++) {
      const id = await buildRoom(db.knex, { floorId, name: `Room ${r}`, exchangeEmail: roomMailbox(r) });
      await db.knex('rooms').where({ id }).update({ exchange_state: 'verified' });
      roomIds.set(roomMailbox(r), id);
    }
    // A room Roomserve books itself (no Exchange), with catering and a display.
    localRoom = await buildRoom(db.knex, { floorId, name: 'Loft' });
    const providerId = await buildProvider(db.knex, {
      buildingIds: [buildingId],
      name: 'Kitchen',
      workingHours: ALL_WEEK,
    });
    coffee = await buildItem(db.knex, { providerId, name: 'Coffee pot', priceMinor: 250, unit: 'per-item' });
    const display = await addDisplay(setup.app, admin, localRoom);
    displayToken = (await pairDisplay(setup.app, display.pairingCode)).token;
    employee = await buildUser(db.knex, { role: 'employee' });
    organizer = await buildUser(db.knex, { role: 'employee' });
    facility = await buildUser(db.knex, { role: 'facility' });
    // Every SyncFolderItems takes a while, so that the first sync is still under way at the kill.
    sim.control.model.addFault({ kind: 'latency', latencyMs: 400, match: { operation: 'SyncFolderItems' } });
    const started = await Promise.all(
      ['a', 'b', 'c'].map((n) => startInstance(`${db.label.split(':')[1] ?? ''}-${n}`)),
    );
    proxy = await startHaproxy(started.map((i) => ({ name: i.name, port: i.port })));
  }, 240_000);

  afterAll(async () => {
    // Gone before the schema is dropped: a dying instance's sessions would deadlock the DROP.
    await Promise.all(
      instances.map(async (i) => {
        if (i.child.exitCode !== null || i.child.signalCode !== null) return;
        const gone = new Promise<void>((resolve) => i.child.once('exit', () => resolve()));
        i.child.kill('SIGKILL');
        await gone;
      }),
    );
    await proxy?.stop();
    await sim?.close();
    await db?.close();
  });

  it('hands the rooms over within 30 s of a kill -9 in the first sync, and the app keeps serving', async () => {
    await until('every instance to hold rooms', async () => (await leaseHolders(db.knex)).size === 3);
    const victim = await killBusiest();
    const synced = await syncedRooms();
    expect(synced).toBeLessThan(ROOMS); // the kill landed in the middle of the first sync

    // Through the balancer, right after the kill: sign-in, booking, the board's stream, the display's push.
    const session = await signIn(employee);
    const me = await fetch(`${proxy.url}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    const start = new Date(Date.parse(firstDay) + 3 * DAY_MS + 8 * HOUR_MS).toISOString();
    const end = new Date(Date.parse(start) + HOUR_MS).toISOString();
    const display = await openDisplayStream(proxy.url, displayToken);
    expect(display.status).toBe(200);
    const booked = await fetch(`${proxy.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, [CSRF_HEADER]: session.csrf },
      body: JSON.stringify({ roomId: localRoom, start, end, subject: 'Booked during the failover' }),
    });
    expect(booked.status).toBe(201);
    const bookingId = ((await booked.json()) as { id: string }).id;
    await display.next((s) => JSON.stringify(s).includes(bookingId) || JSON.stringify(s).includes('Booked during'));
    display.close();

    const meeting = await buildMeeting(db.knex, {
      roomId: localRoom,
      start: new Date(Date.parse(firstDay) + 5 * DAY_MS + 10 * HOUR_MS).toISOString(),
      end: new Date(Date.parse(firstDay) + 5 * DAY_MS + 11 * HOUR_MS).toISOString(),
      organizerEmail: organizer.email,
    });
    const board = await signIn(facility);
    const buyer = await signIn(organizer);
    const events = await streamUntil(
      `${proxy.url}/api/facility/orders/events`,
      { cookie: board.cookie },
      /event: order\ndata: .*created/,
      async () => {
        const ordered = await fetch(`${proxy.url}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: buyer.cookie, [CSRF_HEADER]: buyer.csrf },
          body: JSON.stringify({
            target: { bookingId: meeting },
            lines: [{ itemId: coffee, quantity: 1 }],
            delivery: { kind: 'at-start' },
          }),
        });
        expect(ordered.status).toBe(201);
      },
    );
    expect(events).toMatch(/event: order\ndata: .*"kind":"created"/);

    const tookMs = await failover(victim);
    console.log(
      `failover in the first sync: ${victim.rooms} rooms of ${victim.name} held by the others after ${tookMs} ms`,
    );
    expect(tookMs).toBeLessThan(30_000);
    await until('every room to finish its first sync', async () => (await syncedRooms()) === ROOMS, 60_000);
    expect(await roomserveCalendars()).toEqual(await exchangeCalendars());
  }, 180_000);

  it('hands the rooms over under steady changes and loses none of them', async () => {
    await startInstance(`${db.label.split(':')[1] ?? ''}-d`);
    await until('every instance to hold rooms', async () => (await leaseHolders(db.knex)).size === 3);
    const changes = steadyChanges(150);
    await new Promise((r) => setTimeout(r, 1_500));
    const victim = await killBusiest();
    const tookMs = await failover(victim);
    await new Promise((r) => setTimeout(r, 1_500));
    const made = await changes.stop();
    console.log(
      `failover under steady changes: ${victim.rooms} rooms of ${victim.name} held by the others after ${tookMs} ms (${made} changes made)`,
    );
    expect(tookMs).toBeLessThan(30_000);
    const expected = await exchangeCalendars();
    const meetings = [...expected.values()].reduce((n, list) => n + list.length, 0);
    expect(meetings).toBe(ROOMS * MEETINGS_PER_ROOM + made);
    await until(
      'Roomserve to hold exactly the meetings of the room calendars',
      async () => JSON.stringify([...(await roomserveCalendars())]) === JSON.stringify([...expected]),
      30_000,
    );
  }, 180_000);
});
