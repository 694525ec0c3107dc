import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import { createEwsCalendarGateway, type EwsCalendarGateway } from '../../server/adapters/ews/gateway';
import type { OrderFollower } from '../../server/services/catering/orders';
import type { OutboxDispatcher } from '../../server/services/catering/orders/dispatcher';
import type { Order } from '../../shared/schemas/orders';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ALL_WEEK, buildItem, buildProvider } from '../factories/orders';
import { buildUser } from '../factories/users';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startLocalSmtp, startReceiver, type LocalReceiver, type LocalSmtp } from './outboxHarness';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { createWebhookAllowListRepository } from '../../server/adapters/db/repositories/webhookAllowList';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/testApp';

/**
 * End to end: the organizer changes the meeting in Exchange (the simulator), the real-time sync
 * brings the change in, the orders follow it, and the provider is notified through real SMTP and
 * a local webhook receiver.
 */

const SERVED = 'room.harbour.0.elbe@northwind.test';
const UNSERVED = 'room.harbour.0.alster@northwind.test';
const ORGANIZER = 'emma.schmidt@northwind.test';
const PASSWORD = 'Roomserve-demo-1';

let sim: RunningExchangeSim;
let db: TestDatabase;
let gateway: EwsCalendarGateway;
let follower: OrderFollower;
let dispatcher: OutboxDispatcher;
let smtp: LocalSmtp;
let hooks: LocalReceiver;
let t: TestApp;
let token: string;
let emma: ews.ExchangeService;
let coffee: string;
const roomIds = new Map<string, string>();
let day = 2;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function bookingOf(mailbox: string, subject: string): Promise<string> {
  let id: string | undefined;
  await until(`the booking of ${subject}`, async () => {
    const row = await db
      .knex('bookings')
      .where({ room_id: roomIds.get(mailbox), status: 'confirmed' })
      .andWhere('subject', subject)
      .first<{ id: string } | undefined>('id');
    id = row?.id;
    return id !== undefined;
  });
  if (id === undefined) throw new Error('unreachable');
  return id;
}

async function meeting(subject: string): Promise<{ appt: ews.Appointment; start: Date }> {
  day += 1;
  // Inside the sync horizon: a few days ahead, 10:00 UTC.
  const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + day * 86_400_000 + 10 * 3_600_000);
  const appt = new ews.Appointment(emma);
  appt.Subject = subject;
  appt.Start = at(start.toISOString());
  appt.End = at(new Date(start.getTime() + 3_600_000).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.Resources.Add(SERVED);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
  return { appt, start };
}

async function update(appt: ews.Appointment, change: (fresh: ews.Appointment) => void): Promise<void> {
  const fresh = await ews.Appointment.Bind(emma, appt.Id);
  change(fresh);
  await fresh.Update(
    ews.ConflictResolutionMode.AlwaysOverwrite,
    ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
  );
}

async function order(bookingId: string): Promise<Order> {
  const res = await request(t.app)
    .post('/api/orders')
    .set('Authorization', `Bearer ${token}`)
    .send({
      target: { bookingId },
      lines: [{ itemId: coffee, quantity: 2 }],
      delivery: { kind: 'before-start', minutes: 10 },
    });
  expect(res.status).toBe(201);
  return (res.body as { orders: Order[] }).orders[0] as Order;
}

async function read(id: string): Promise<Order> {
  const res = await request(t.app).get(`/api/orders/${id}`).set('Authorization', `Bearer ${token}`);
  return res.body as Order;
}

beforeAll(async () => {
  sim = await startExchangeSim({
    seed: 'demo',
    attendantDelayMs: 5,
    validateRequests: false,
    streaming: { heartbeatMs: 200 },
  });
  db = await createTestDatabase();
  smtp = await startLocalSmtp();
  hooks = await startReceiver();
  // The receiver is an internal caterer on loopback: admins allow such an address explicitly.
  await createWebhookAllowListRepository(db.knex).replace(['127.0.0.1']);
  const sealer = createSecretBox(randomBytes(32));
  // The product's composition, with the sync's timers and the order settle delay shortened.
  t = createTestApp(db.knex, {
    secrets: sealer,
    orders: {
      smtp: { host: '127.0.0.1', port: smtp.port, ignoreTls: true, from: 'rooms@example.test' },
      settleMs: 500,
      sweepMs: 60_000,
    },
    sync: {
      runtime: {
        scheduler: { debounceMs: 50, safetyIntervalMs: 60_000, maxBackoffMs: 1000 },
        streams: { initialBackoffMs: 50, maxBackoffMs: 500, pullIntervalMs: 100, streamingRetryMs: 120_000 },
      },
    },
  });
  follower = t.deps.orderFollower;
  dispatcher = t.deps.outboxDispatcher;
  emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);

  const served = await buildBuilding(db.knex, { name: 'Harbour', timeZone: 'Europe/Berlin' });
  const unserved = await buildBuilding(db.knex, { name: 'Annex', timeZone: 'Europe/Berlin' });
  for (const [mailbox, buildingId] of [
    [SERVED, served],
    [UNSERVED, unserved],
  ] as const) {
    const roomId = await buildRoom(db.knex, {
      floorId: await buildFloor(db.knex, { buildingId }),
      exchangeEmail: mailbox,
    });
    await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
    roomIds.set(mailbox, roomId);
  }
  const providerId = await buildProvider(db.knex, {
    buildingIds: [served],
    contactEmail: 'kitchen@example.test',
    webhookUrl: hooks.url,
    webhookSecret: { secret: 'e2e-webhook-secret-0123456789', sealer },
    workingHours: ALL_WEEK,
  });
  coffee = await buildItem(db.knex, { providerId, leadTimeHours: 1, changeCutoffHours: 1 });
  const user = await buildUser(db.knex, { email: ORGANIZER, role: 'employee' });
  token = (await t.deps.auth.createApiToken(user.id, { name: 'e2e' })).token;

  gateway = createEwsCalendarGateway(
    {
      url: sim.url,
      username: 'NORTHWIND\\svc-roomserve',
      password: PASSWORD,
      authMethod: 'basic',
      caBundlePem: sim.control.caCertPem ?? null,
      skipTlsVerification: false,
    },
    { policy: { baseBackOffMs: 20 } },
  );
  await t.sync.restart(gateway);
}, 120_000);

afterAll(async () => {
  await t.sync.stop();
  await follower.stop();
  await dispatcher.stop();
  gateway.close();
  await sim.close();
  await hooks.close();
  await smtp.close();
  await db.close();
});

describe('orders follow meetings changed in Exchange', () => {
  it('move: the delivery moves with the meeting; the provider gets exactly one email and one webhook', async () => {
    const { appt, start } = await meeting('Catered review');
    const placed = await order(await bookingOf(SERVED, 'Catered review'));
    await dispatcher.runOnce();

    const later = new Date(start.getTime() + 2 * 3_600_000);
    await update(appt, (a) => {
      a.Start = at(later.toISOString());
      a.End = at(new Date(later.getTime() + 3_600_000).toISOString());
    });
    const expected = new Date(later.getTime() - 10 * 60_000).toISOString();
    await until('the order to move', async () => (await read(placed.id)).deliveryAt === expected);
    await follower.sweep();
    await dispatcher.runOnce();
    await dispatcher.runOnce();

    const movedMails = smtp.messages.filter((m) => m.subject.includes('moved with its meeting'));
    const movedHooks = hooks.received.filter((h) => h.headers['x-roomserve-event'] === 'moved-by-event');
    expect(movedMails.map((m) => m.to)).toEqual([['kitchen@example.test']]);
    expect(movedHooks).toHaveLength(1);
    expect(JSON.parse(movedHooks[0]?.body ?? '{}')).toMatchObject({ order: { id: placed.id, deliveryAt: expected } });
  });

  it('cancel: the cancelled meeting cancels its order', async () => {
    const { appt } = await meeting('Cancelled lunch');
    const placed = await order(await bookingOf(SERVED, 'Cancelled lunch'));
    const fresh = await ews.Appointment.Bind(emma, appt.Id);
    await fresh.CancelMeeting('Not needed');
    await until('the order to be cancelled', async () => (await read(placed.id)).status === 'cancelled-by-event');
  });

  it('swap to a building the provider does not serve: the order needs attention', async () => {
    const { appt } = await meeting('Moved to the annex');
    const placed = await order(await bookingOf(SERVED, 'Moved to the annex'));
    await update(appt, (a) => {
      a.Resources.Clear();
      a.Resources.Add(UNSERVED);
    });
    await until('the order to need attention', async () =>
      (await read(placed.id)).attention.includes('building-not-served'),
    );
    const flagged = await read(placed.id);
    expect(flagged).toMatchObject({ status: 'requested', roomId: roomIds.get(SERVED) });
  });
});
