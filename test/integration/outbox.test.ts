import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { createOutboxStore } from '../../server/adapters/db/repositories/outbox';
import { createSmtpMailSender } from '../../server/adapters/mail/smtpMailSender';
import {
  createOutboxDispatcher,
  DEFAULT_DISPATCH,
  type OutboxDispatcher,
} from '../../server/services/catering/orders/dispatcher';
import type { Order } from '../../shared/schemas/orders';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { NOW, ordersWorld, type OrdersWorld } from './ordersHarness';
import {
  loopbackWebhookSender,
  startLocalSmtp,
  startReceiver,
  type LocalReceiver,
  type LocalSmtp,
} from './outboxHarness';

const SECRET = 'provider-webhook-secret-0123456789';
let db: TestDatabase;
let w: OrdersWorld;
let smtp: LocalSmtp;
let hooks: LocalReceiver;
const closers: (() => void)[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startLocalSmtp();
  hooks = await startReceiver();
  w = await ordersWorld(db.knex, {
    webhookUrl: hooks.url,
    webhookSecret: SECRET,
    providerEmail: 'kitchen@example.test',
  });
  // Migrations, four signed-in users and the catalog take a while on a loaded machine.
}, 120_000);
afterEach(async () => {
  // Every test starts from an empty outbox and empty inboxes.
  await db.knex('outbox').delete();
  smtp.messages.length = 0;
  hooks.received.length = 0;
  w.clock.set(NOW);
});
afterAll(async () => {
  for (const close of closers) close();
  await hooks.close();
  await smtp.close();
  await db.close();
});

function dispatcher(options: { mail?: boolean; leaseMs?: number } = {}): OutboxDispatcher {
  const mail = createSmtpMailSender({
    host: '127.0.0.1',
    port: smtp.port,
    ignoreTls: true,
    from: 'Roomserve <rooms@example.test>',
  });
  closers.push(() => mail.close());
  return createOutboxDispatcher(
    {
      outbox: createOutboxStore(db.knex),
      mail: options.mail === false ? null : mail,
      webhooks: loopbackWebhookSender(5_000),
      secrets: w.sealer,
      clock: w.clock,
      log: pino({ level: 'silent' }),
    },
    { ...DEFAULT_DISPATCH, retryBaseMs: 1_000, maxAttempts: 3, leaseMs: options.leaseMs ?? 60_000 },
  );
}

async function placeOrder(): Promise<Order> {
  const bookingId = await w.meeting();
  const res = await w.organizer.post('/api/orders').send({
    target: { bookingId },
    lines: [{ itemId: w.coffee, quantity: 4 }],
    delivery: { kind: 'at-start' },
  });
  expect(res.status).toBe(201);
  return (res.body as { orders: Order[] }).orders[0] as Order;
}

const states = async (): Promise<string[]> =>
  (
    await db
      .knex('outbox')
      .orderBy(['channel', 'recipient'])
      .select<{ channel: string; state: string }[]>('channel', 'state')
  ).map((r) => `${r.channel}:${r.state}`);

describe('the outbox dispatcher', () => {
  it('emails the provider through SMTP and posts a signed webhook, exactly once', async () => {
    const order = await placeOrder();
    const d = dispatcher();
    expect(await d.runOnce()).toBe(2);
    expect(await d.runOnce()).toBe(0);

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({ to: ['kitchen@example.test'] });
    expect(smtp.messages[0]?.subject).toContain('New order');
    expect(smtp.messages[0]?.text).toContain('4 × Coffee pot');
    expect(smtp.messages[0]?.text).toContain('Total: 10.00 EUR');

    expect(hooks.received).toHaveLength(1);
    const hook = hooks.received[0];
    if (!hook) throw new Error('no webhook');
    const expected = `sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`;
    expect(hook.headers['x-roomserve-signature']).toBe(expected);
    expect(hook.headers['x-roomserve-event']).toBe('created');
    expect(hook.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'created', order: { id: order.id, totalMinor: 1000 } });
    expect(await states()).toEqual(['email:sent', 'webhook:sent']);
  });

  it('retries a failing webhook with back-off and then delivers it once', async () => {
    await placeOrder();
    hooks.failNext(1);
    const d = dispatcher();
    await d.runOnce();
    expect(hooks.received).toHaveLength(0);
    const [row] = await db
      .knex('outbox')
      .where({ channel: 'webhook' })
      .select<{ attempts: number; state: string }[]>('attempts', 'state');
    expect(row).toMatchObject({ attempts: 1, state: 'pending' });

    // Not before its back-off has passed.
    expect(await d.runOnce()).toBe(0);
    w.clock.advance(1_001);
    expect(await d.runOnce()).toBe(1);
    expect(hooks.received).toHaveLength(1);
    expect(smtp.messages).toHaveLength(1);
    expect(await states()).toEqual(['email:sent', 'webhook:sent']);
  });

  it('gives up after the last attempt and marks the row failed', async () => {
    await placeOrder();
    hooks.failNext(3);
    const d = dispatcher();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await d.runOnce();
      w.clock.advance(10_000);
    }
    expect(await states()).toEqual(['email:sent', 'webhook:failed']);
    expect(hooks.received).toHaveLength(0);
  });

  it('survives a restart: rows claimed by a dispatcher that died are sent after their lease, once', async () => {
    await placeOrder();
    // The first instance claims the rows and dies before sending anything.
    const claimed = await createOutboxStore(db.knex).claim(10, w.clock.now(), 30_000);
    expect(claimed).toHaveLength(2);

    const restarted = dispatcher();
    expect(await restarted.runOnce()).toBe(0);
    w.clock.advance(30_001);
    expect(await restarted.runOnce()).toBe(2);
    expect(smtp.messages).toHaveLength(1);
    expect(hooks.received).toHaveLength(1);
  });

  it('two dispatchers at once never send one row twice', async () => {
    for (let i = 0; i < 5; i += 1) await placeOrder();
    const [a, b] = [dispatcher(), dispatcher()];
    const [sentA, sentB] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(sentA + sentB).toBe(10);
    expect(smtp.messages).toHaveLength(5);
    expect(hooks.received).toHaveLength(5);
    expect(new Set(hooks.received.map((h) => h.headers['x-roomserve-delivery'])).size).toBe(5);
  });

  it('the orderer is emailed when the facility team changes the status', async () => {
    const order = await placeOrder();
    await dispatcher().runOnce();
    smtp.messages.length = 0;
    const res = await w.facility.post(`/api/facility/orders/${order.id}/status`).send({ status: 'accepted' });
    expect(res.status).toBe(200);
    await dispatcher().runOnce();
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(
      ['kitchen@example.test', w.organizer.user.email.toLowerCase()].sort(),
    );
    expect(smtp.messages.every((m) => m.subject.includes('Order status changed'))).toBe(true);
  });

  it('without an SMTP server, email rows are marked skipped and webhooks still go out', async () => {
    await placeOrder();
    await dispatcher({ mail: false }).runOnce();
    expect(await states()).toEqual(['email:skipped', 'webhook:sent']);
    expect(smtp.messages).toHaveLength(0);
    expect(hooks.received).toHaveLength(1);
  });
});
