import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { IntegrationOverview, ServerInfo, SyncRunView } from '../../shared/schemas/integration';
import { buildRoom } from '../factories/locations';
import { InMemoryCalendarGateway } from '../fakes/inMemoryCalendarGateway';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

let db: TestDatabase;
let testApp: TestApp;
let admin: string;

beforeAll(async () => {
  db = await createTestDatabase();
  testApp = createTestApp(db.knex);
  admin = await testApp.tokenFor('admin');
});

afterEach(async () => {
  await testApp.sync.stop();
});

afterAll(async () => {
  await db.close();
});

const get = (path: string, token = admin) => request(testApp.app).get(path).set('Authorization', `Bearer ${token}`);

async function verifiedRoom(name: string, mailbox: string): Promise<string> {
  const id = await buildRoom(db.knex, { name, exchangeEmail: mailbox });
  await db
    .knex('rooms')
    .where({ id })
    .update({ exchange_state: 'verified', exchange_checked_at: new Date().toISOString() });
  return id;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('integration overview and manual sync', () => {
  it('shows each room with verification, sync times, bookings in the horizon and the last error in words', async () => {
    const gateway = new InMemoryCalendarGateway();
    const now = new Date();
    const start = new Date(now.getTime() + 2 * 3600_000);
    gateway.putMeeting('room.ok@northwind.test', {
      itemId: 'I1',
      cleanGlobalObjectId: 'G1',
      organizer: { name: 'Emma', email: 'emma@northwind.test' },
      subject: 'Emma',
      instances: [{ start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() }],
    });
    gateway.addRoomMailbox('room.denied@northwind.test');
    gateway.failNext('syncCalendarChanges', 'permission', { serverCode: 'ErrorImpersonateUserDenied' });
    const ok = await verifiedRoom('A ok room', 'room.ok@northwind.test');
    const denied = await verifiedRoom('B denied room', 'room.denied@northwind.test');

    // The first sync of both rooms runs in parallel; whichever asks first gets the failure.
    await testApp.sync.restart(gateway);
    const overview = await until(
      async () => (await get('/api/admin/integration/overview')).body as IntegrationOverview,
      (o) => o.totals.syncedOnce + o.totals.withErrors >= 2,
    );

    const rooms = overview.rooms.filter((r) => r.roomId === ok || r.roomId === denied);
    expect(rooms).toHaveLength(2);
    const failed = rooms.find((r) => r.lastError !== null);
    const synced = rooms.find((r) => r.lastSuccessfulSyncAt !== null);
    expect(failed?.lastError?.message).toMatch(/ApplicationImpersonation/);
    expect(failed?.lastError?.at).toEqual(expect.any(String));
    expect(synced?.verification.state).toBe('verified');
    expect(synced?.nextSyncAt).toEqual(expect.any(String));
    expect(overview.exchangeConfigured).toBe(true);
    expect(overview.totals.verified).toBeGreaterThanOrEqual(2);
    if (synced?.roomId === ok) expect(synced.bookingsInHorizon).toBe(1);

    const started = await request(testApp.app)
      .post('/api/admin/sync')
      .set('Authorization', `Bearer ${admin}`)
      .send({ roomId: denied });
    expect(started.status).toBe(201);
    const run = started.body as SyncRunView;
    expect(run.total).toBe(1);
    const finished = await until(
      async () => (await get(`/api/admin/sync/${run.id}`)).body as SyncRunView,
      (r) => r.finishedAt !== null,
    );
    expect(finished).toMatchObject({
      completed: 1,
      failed: 0,
      rooms: [{ roomId: denied, state: 'done', error: null }],
    });
    const after = (await get('/api/admin/integration/overview')).body as IntegrationOverview;
    expect(after.rooms.find((r) => r.roomId === denied)?.lastError).toBeNull();
  });

  it('answers that nothing can sync while no Exchange is configured', async () => {
    const res = await request(testApp.app).post('/api/admin/sync').set('Authorization', `Bearer ${admin}`).send({});
    expect(res.status).toBe(503);
    const overview = (await get('/api/admin/integration/overview')).body as IntegrationOverview;
    expect(overview.exchangeConfigured).toBe(false);
  });

  it('keeps the overview and manual syncs to admins', async () => {
    const employee = await testApp.tokenFor('employee');
    expect((await get('/api/admin/integration/overview', employee)).status).toBe(403);
    const res = await request(testApp.app).post('/api/admin/sync').set('Authorization', `Bearer ${employee}`).send({});
    expect(res.status).toBe(403);
  });

  it('exposes sync latency, Exchange calls by operation and outcome, back-offs and stream reconnects at /metrics', async () => {
    const gateway = new InMemoryCalendarGateway();
    gateway.addRoomMailbox('room.metrics@northwind.test');
    await verifiedRoom('C metrics room', 'room.metrics@northwind.test');
    gateway.failNext('syncCalendarChanges', 'throttled', { retryAfterMs: 50, serverCode: 'ErrorServerBusy' });
    await testApp.sync.restart(gateway);
    await until(
      async () => (await request(testApp.app).get('/metrics')).text,
      (text) =>
        text.includes('roomserve_sync_backoffs_total{reason="throttled"}') &&
        /roomserve_sync_duration_seconds_count\{mode="full",outcome="ok"\} [1-9]/.test(text),
    );
    gateway.dropStreams();
    const text = await until(
      async () => (await request(testApp.app).get('/metrics')).text,
      (t) => t.includes('roomserve_stream_reconnects_total{reason="transient"}'),
    );
    expect(text).toMatch(/roomserve_ews_requests_total\{operation="syncCalendarChanges",outcome="throttled"\} 1/);
    expect(text).toMatch(/roomserve_ews_requests_total\{operation="syncCalendarChanges",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/roomserve_sync_duration_seconds_count\{mode="full",outcome="error"\} [1-9]/);
    expect(text).toContain('roomserve_stream_reconnects_total{reason="transient"} 1');
  });

  it('tells every page, signed in or not, whether a simulated Exchange is in use', async () => {
    const res = await request(testApp.app).get('/api/info');
    expect(res.status).toBe(200);
    expect(res.body as ServerInfo).toEqual({ simulatedExchange: false, demo: false });
  });
});
