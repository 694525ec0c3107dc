import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import { createEwsCalendarGateway, type EwsCalendarGateway } from '../../server/adapters/ews/gateway';
import { createSyncStore } from '../../server/adapters/db/repositories/syncStore';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildRoom } from '../factories/locations';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Real time through the EWS adapter against the simulator: streaming notifications, dropped
 * streams, and an ErrorServerBusy storm, with the sync runtime as main.ts runs it.
 */

const ROOM = 'room.harbour.0.bille@northwind.test';

let sim: RunningExchangeSim;
let db: TestDatabase;
let gateway: EwsCalendarGateway;
let t: TestApp;
let roomId: string;
const reconnects: string[] = [];
const backOffs: string[] = [];

async function confirmedSubjects(): Promise<string[]> {
  const rows: { subject: string }[] = await db
    .knex('bookings')
    .where({ room_id: roomId, status: 'confirmed' })
    .select<{ subject: string }[]>('subject')
    .orderBy('subject');
  return rows.map((r) => r.subject);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}

let day = 1;
async function book(subject: string): Promise<void> {
  day += 1;
  const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', 'Roomserve-demo-1', 'basic', sim.control.caCertPem);
  const appt = new ews.Appointment(emma);
  appt.Subject = subject;
  const start = Date.now() + day * 86_400_000;
  appt.Start = at(new Date(start).toISOString());
  appt.End = at(new Date(start + 1800_000).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.Resources.Add(ROOM);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
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
  roomId = await buildRoom(db.knex, { exchangeEmail: ROOM });
  await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
  // The product's composition, with the runtime's timers shortened and its reports recorded.
  t = createTestApp(db.knex, {
    sync: {
      runtime: {
        observer: {
          syncFinished: () => undefined,
          backOff: (e) => backOffs.push(e.reason),
          streamReconnect: (e) => reconnects.push(e.reason),
        },
        scheduler: { debounceMs: 50, safetyIntervalMs: 60_000, maxBackoffMs: 1000 },
        streams: { initialBackoffMs: 50, maxBackoffMs: 500, pullIntervalMs: 100, streamingRetryMs: 120_000 },
      },
    },
  });
  await t.sync.restart(gateway);
  await until(
    'the first sync',
    async () => (await createSyncStore(db.knex).roomSync(roomId, ROOM))?.streamState === 'streaming',
  );
}, 60_000);

afterEach(() => {
  sim.control.model.clearFaults();
});

afterAll(async () => {
  await t.sync.stop();
  gateway.close();
  await sim.close();
  await db.close();
});

describe('real-time sync against the simulator', () => {
  // Latency is measured by `npm run bench:sync`; here it is enough that the stream, not the 5-minute
  // safety sync, brought the meeting in.
  it('shows a new meeting booked in Exchange through the stream', async () => {
    await book('Streamed meeting');
    await until('the streamed meeting', async () => (await confirmedSubjects()).includes('Streamed meeting'));
  });

  it('reconnects a dropped stream and still picks up changes', async () => {
    sim.control.dropStreams();
    await until('a reconnect', () => Promise.resolve(reconnects.length > 0));
    await book('After the drop');
    await until('the meeting after the drop', async () => (await confirmedSubjects()).includes('After the drop'));
  });

  it('backs off during an ErrorServerBusy storm and catches up when it ends', async () => {
    sim.control.model.addFault({
      kind: 'serverBusy',
      backOffMilliseconds: 100,
      match: { account: 'svc-roomserve@northwind.test' },
    });
    await book('During the storm');
    await until('the sync to give up as throttled', () => Promise.resolve(backOffs.includes('throttled')));
    const before = sim.control.model.requestCounts().total;
    await new Promise((r) => setTimeout(r, 2000));
    // Throttled: the whole service account waits instead of hammering Exchange.
    expect(sim.control.model.requestCounts().total - before).toBeLessThan(60);
    expect(await confirmedSubjects()).not.toContain('During the storm');
    sim.control.model.clearFaults();
    await until(
      'the catch-up after the storm',
      async () => (await confirmedSubjects()).includes('During the storm'),
      15_000,
    );
  });

  // Last: the room stays on pull subscriptions afterwards.
  it('falls back to pull subscriptions when streaming keeps failing, and still picks up changes', async () => {
    sim.control.model.addFault({ kind: 'http503', match: { operation: 'GetStreamingEvents' } });
    sim.control.dropStreams();
    await until(
      'the pull fallback',
      async () => (await createSyncStore(db.knex).roomSync(roomId, ROOM))?.streamState === 'pull',
      20_000,
    );
    const polls = (): number => sim.control.model.requestCounts().byOperation.GetEvents ?? 0;
    // Polling has begun and the catch-up sync after the switch is over: from here on only a pulled
    // event can bring the meeting in before the safety sync, which is a minute away.
    await until('the first GetEvents polls', () => Promise.resolve(polls() >= 2));
    await new Promise((r) => setTimeout(r, 300));
    const before = polls();
    await book('Pulled meeting');
    await until('the pulled meeting', async () => (await confirmedSubjects()).includes('Pulled meeting'));
    expect(polls()).toBeGreaterThan(before);
  });
});
