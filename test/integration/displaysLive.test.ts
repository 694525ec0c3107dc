import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import { createEwsCalendarGateway, type EwsCalendarGateway } from '../../server/adapters/ews/gateway';
import { createSyncStore } from '../../server/adapters/db/repositories/syncStore';
import type { DisplayState } from '../../shared/schemas/displays';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, pairDisplay } from './displaysHarness';
import { openDisplayStream, type DisplayStream } from './displaysStream';

/**
 * The push stream (GET /api/display/events) against the real sync and the simulator: a meeting
 * booked in Exchange reaches the room's display within a second of the sync storing it; nobody
 * else hears of it; a revoked display's stream ends.
 */

const ROOM = 'room.harbour.0.bille@northwind.test';

let sim: RunningExchangeSim;
let db: TestDatabase;
let gateway: EwsCalendarGateway;
let t: TestApp;
let server: Server;
let baseUrl: string;
let admin: string;
let roomId: string;
let otherRoomId: string;
let displayId: string;
let token: string;
let otherToken: string;
const streams: DisplayStream[] = [];

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now();
}

/** Books the room in Exchange as an Outlook user would; answers the meeting's start (whole minutes). */
async function bookInExchange(subject: string, minutesFromNow: number): Promise<string> {
  const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', 'Roomserve-demo-1', 'basic', sim.control.caCertPem);
  const appt = new ews.Appointment(emma);
  const start = Math.ceil(Date.now() / 60_000) * 60_000 + minutesFromNow * 60_000;
  appt.Subject = subject;
  appt.Start = at(new Date(start).toISOString());
  appt.End = at(new Date(start + 15 * 60_000).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.Resources.Add(ROOM);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
  return new Date(start).toISOString();
}

const shows = (subject: string) => (state: DisplayState) =>
  [state.current, ...state.next, ...state.today].some((m) => m?.title === subject);

async function stream(bearer: string): Promise<DisplayStream> {
  const opened = await openDisplayStream(baseUrl, bearer);
  streams.push(opened);
  return opened;
}

beforeAll(async () => {
  sim = await startExchangeSim({
    seed: 'demo',
    attendantDelayMs: 5,
    validateRequests: false,
    streaming: { heartbeatMs: 200 },
  });
  db = await createTestDatabase();
  gateway = createEwsCalendarGateway(
    {
      url: sim.url,
      username: 'NORTHWIND\\svc-roomserve',
      password: 'Roomserve-demo-1',
      authMethod: 'basic',
      caBundlePem: sim.control.caCertPem ?? null,
      skipTlsVerification: false,
    },
    { policy: { baseBackOffMs: 20 } },
  );
  const floorId = await buildFloor(db.knex, {
    buildingId: await buildBuilding(db.knex, { timeZone: 'UTC', openingHours: {} }),
  });
  roomId = await buildRoom(db.knex, { floorId, exchangeEmail: ROOM });
  otherRoomId = await buildRoom(db.knex, { floorId });
  await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
  t = createTestApp(db.knex, {
    // 25 s in production; short here so that the keep-alive shows within a test.
    displays: { heartbeatMs: 200 },
    sync: {
      runtime: {
        scheduler: { debounceMs: 50, safetyIntervalMs: 60_000, maxBackoffMs: 1000 },
        streams: { initialBackoffMs: 50, maxBackoffMs: 500, pullIntervalMs: 100, streamingRetryMs: 120_000 },
      },
    },
  });
  admin = await t.tokenFor('admin');
  await connectToDemoSim(t.app, admin, sim);
  const created = await addDisplay(t.app, admin, roomId);
  displayId = created.id;
  token = (await pairDisplay(t.app, created.pairingCode)).token;
  otherToken = (await pairDisplay(t.app, (await addDisplay(t.app, admin, otherRoomId)).pairingCode)).token;
  server = await new Promise<Server>((resolve) => {
    const listening = t.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await t.sync.restart(gateway);
  await until(
    'the first sync',
    async () => (await createSyncStore(db.knex).roomSync(roomId, ROOM))?.streamState === 'streaming',
  );
}, 60_000);

afterAll(async () => {
  for (const s of streams) s.close();
  await t.sync.stop();
  gateway.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await sim.close();
  await db.close();
});

describe('the display push stream', () => {
  it('sends the state at connect, then a meeting booked in Exchange within 1 s of the sync storing it', async () => {
    const mine = await stream(token);
    expect(mine.status).toBe(200);
    const first = await mine.next(() => true);
    expect(first.state.room.id).toBe(roomId);
    expect(first.state.pinRequired).toBe(false);

    const start = await bookInExchange('Streamed to the door', 30);
    const stored = await until('the sync to store the meeting', async () =>
      Boolean(await db.knex('bookings').where({ room_id: roomId, subject: 'Streamed to the door' }).first()),
    );
    const received = await mine.next(shows('Streamed to the door'), 5_000, first.at + 1);
    expect(received.at - stored).toBeLessThan(1_000);
    expect(received.state.next.find((m) => m.title === 'Streamed to the door')?.start).toBe(start);
  }, 30_000);

  it('sends a booking made in Roomserve within 1 s of its answer', async () => {
    const mine = await stream(token);
    const first = await mine.next(() => true);
    const emma = await buildUser(db.knex, { email: 'emma.schmidt@northwind.test', role: 'employee', name: 'Emma' });
    const emmaToken = (await t.deps.auth.createApiToken(emma.id, { name: 'test' })).token;
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 120 * 60_000);
    const booked = await request(t.app)
      .post('/api/bookings')
      .set('Authorization', `Bearer ${emmaToken}`)
      .send({
        roomId,
        start: start.toISOString(),
        end: new Date(start.getTime() + 30 * 60_000).toISOString(),
        subject: 'Booked in Roomserve',
      });
    expect(booked.status).toBe(201);
    const answered = Date.now();
    const received = await mine.next((s) => s.next.some((m) => m.start === start.toISOString()), 5_000, first.at + 1);
    expect(received.at - answered).toBeLessThan(1_000);
    // Shown from Roomserve's own record, before the room's attendant in Exchange had answered.
    expect(received.state.next.find((m) => m.start === start.toISOString())?.status).toBe('pending');
  });

  it('sends a settings change to the room at once (subjects hidden: "Booked")', async () => {
    const mine = await stream(token);
    await mine.next(shows('Streamed to the door'));
    const since = Date.now();
    const saved = await request(t.app)
      .put(`/api/admin/display-settings/rooms/${roomId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ showSubjects: false });
    expect(saved.status).toBe(200);
    const received = await mine.next(
      (s) => !shows('Streamed to the door')(s) && s.next.some((m) => m.title === 'Booked'),
      1_000,
      since,
    );
    expect(received.at - since).toBeLessThan(1_000);
  });

  it('tells another room’s display nothing of this room, and refuses users and anonymous callers', async () => {
    const other = await stream(otherToken);
    const first = await other.next(() => true);
    expect(first.state.room.id).toBe(otherRoomId);
    const mine = await stream(token);
    await mine.next(() => true);
    // Subjects are hidden since the test before: the meeting shows by its time.
    const start = await bookInExchange('Not for the neighbours', 60);
    await mine.next((s) => s.next.some((m) => m.start === start), 15_000);
    // The other display got its own state at connect, and nothing since.
    expect(other.states).toHaveLength(1);
    expect(JSON.stringify(other.states)).not.toContain(start);

    const asAdmin = await fetch(`${baseUrl}/api/display/events`, { headers: { Authorization: `Bearer ${admin}` } });
    expect(asAdmin.status).toBe(403);
    await asAdmin.body?.cancel();
    const user = await t.loginAs('employee');
    const asUser = await fetch(`${baseUrl}/api/display/events`, { headers: { Cookie: user.cookie } });
    expect(asUser.status).toBe(403);
    await asUser.body?.cancel();
    const anonymous = await fetch(`${baseUrl}/api/display/events`);
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();
  }, 30_000);

  it('keeps an idle stream open with a keepalive comment', async () => {
    const mine = await stream(token);
    await mine.next(() => true);
    await new Promise((r) => setTimeout(r, 500));
    expect(mine.comments).toContain('keepalive');
  });

  it('ends a revoked display’s stream within 1 s; then the stream answers 401', async () => {
    const mine = await stream(token);
    await mine.next(() => true);
    const since = Date.now();
    const revoked = await request(t.app)
      .delete(`/api/admin/displays/${displayId}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(revoked.status).toBe(204);
    await Promise.race([
      mine.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the stream did not end')), 1_000)),
    ]);
    expect(Date.now() - since).toBeLessThan(1_000);
    const again = await fetch(`${baseUrl}/api/display/events`, { headers: { Authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
    await again.body?.cancel();
  });
});
