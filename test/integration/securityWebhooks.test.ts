import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHttpWebhookSender, type ResolveHost } from '../../server/adapters/webhook/httpWebhookSender';
import type { Order } from '../../shared/schemas/orders';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { errorCode, NOW, ordersWorld, type OrdersWorld } from './ordersHarness';
import { startReceiver, type LocalReceiver } from './outboxHarness';

/**
 * Security issue #20, finding 3: provider webhooks must not make Roomserve POST to internal
 * addresses. Every request here stays on this machine: the "internal service" is a local receiver
 * on 127.0.0.1, and names resolve through an injected resolver, never through real DNS.
 */

let db: TestDatabase;
let w: OrdersWorld;
let hooks: LocalReceiver;

beforeAll(async () => {
  db = await createTestDatabase();
  hooks = await startReceiver();
  // As if stored before the fix: the provider's webhook points at a loopback service.
  w = await ordersWorld(db.knex, { webhookUrl: hooks.url, webhookSecret: 'a-webhook-secret-of-some-length' });
}, 120_000);
afterEach(async () => {
  await db.knex('outbox').delete();
  await db.knex('webhook_allow_list').delete();
  await db.knex('catering_providers').where({ id: w.providerId }).update({ webhook_url: hooks.url });
  hooks.received.length = 0;
  w.clock.set(NOW);
});
afterAll(async () => {
  await hooks.close();
  await db.close();
});

const providerUrl = `/api/catalog/providers`;
const INTERNAL = [
  'http://127.0.0.1:6379/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]:22/',
  'http://localhost:8080/',
  'http://10.0.0.8/hook',
  'http://[fd00::8]/hook',
];

describe('changing a webhook URL', () => {
  it('is refused to the facility team (403), for any URL', async () => {
    for (const webhookUrl of [INTERNAL[0], 'https://caterer.example.com/hook']) {
      const res = await w.facility.patch(`${providerUrl}/${w.providerId}`).send({ webhookUrl });
      expect([webhookUrl, res.status, errorCode(res)]).toEqual([webhookUrl, 403, 'forbidden']);
    }
    const created = await w.facility.post(providerUrl).send({
      name: 'Sneaky',
      kind: 'external-caterer',
      contactEmail: 's@example.test',
      webhookUrl: INTERNAL[0],
      workingHours: {},
    });
    expect(created.status).toBe(403);
    const stored = await db.knex('catering_providers').where({ id: w.providerId }).first<{ webhook_url: string }>();
    expect(stored.webhook_url).toBe(hooks.url);
  });

  it('still lets the facility team save a provider form that sends the stored URL back unchanged', async () => {
    const res = await w.facility
      .patch(`${providerUrl}/${w.providerId}`)
      .send({ webhookUrl: hooks.url, contactEmail: 'kitchen@example.test' });
    expect(res.status).toBe(200);
  });

  it.each(INTERNAL)('to %s is refused to an admin too (422 internal_address)', async (webhookUrl) => {
    const res = await w.admin.patch(`${providerUrl}/${w.providerId}`).send({ webhookUrl });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'unprocessable', details: { reason: 'internal_address' } } });
  });

  it('to an internal caterer is allowed once an admin put its address on the allow-list', async () => {
    const target = 'http://10.20.30.40/hook';
    expect((await w.admin.patch(`${providerUrl}/${w.providerId}`).send({ webhookUrl: target })).status).toBe(422);
    const put = await w.admin.put('/api/catalog/webhook-allow-list').send({ entries: ['10.20.30.0/24'] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ entries: ['10.20.30.0/24'] });
    expect((await w.admin.patch(`${providerUrl}/${w.providerId}`).send({ webhookUrl: target })).status).toBe(200);
    expect((await w.admin.patch(`${providerUrl}/${w.providerId}`).send({ webhookUrl: hooks.url })).status).toBe(422);
  });

  it('the allow-list is for admins only and takes addresses or CIDR networks only', async () => {
    expect((await w.facility.get('/api/catalog/webhook-allow-list')).status).toBe(403);
    expect((await w.facility.put('/api/catalog/webhook-allow-list').send({ entries: ['127.0.0.1'] })).status).toBe(403);
    const bad = await w.admin.put('/api/catalog/webhook-allow-list').send({ entries: ['intranet.local'] });
    expect(bad.status).toBe(400);
    // The admin page shows this next to the field, naming the entry by its index.
    expect(bad.body).toMatchObject({
      error: { details: { issues: [{ path: 'entries.0', message: expect.stringMatching(/IP address.*CIDR/) }] } },
    });
    expect((await w.admin.get('/api/catalog/webhook-allow-list')).body).toEqual({ entries: [] });
  });
});

describe('who sees a webhook URL', () => {
  it('the facility team and admins do; employees and externals do not', async () => {
    for (const caller of [w.facility, w.admin]) {
      const res = await caller.get(`${providerUrl}/${w.providerId}`);
      expect(res.body).toMatchObject({ webhookUrl: hooks.url, webhookSecretSet: true });
    }
    for (const caller of [w.organizer, await w.callerFor('external')]) {
      const one = await caller.get(`${providerUrl}/${w.providerId}`);
      expect(one.status).toBe(200);
      expect(one.body).not.toHaveProperty('webhookUrl');
      expect(one.body).not.toHaveProperty('webhookSecretSet');
      const list = (await caller.get(providerUrl)).body as Record<string, unknown>[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((p) => !('webhookUrl' in p))).toBe(true);
    }
  });
});

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

describe('sending an order webhook (the composed application)', () => {
  it('does not POST to a stored loopback URL until an admin allows that address', async () => {
    await placeOrder();
    const dispatcher = w.t.deps.outboxDispatcher;
    await dispatcher.runOnce();
    expect(hooks.received).toHaveLength(0);

    await w.admin.put('/api/catalog/webhook-allow-list').send({ entries: ['127.0.0.1'] });
    w.clock.advance(60 * 60 * 1000);
    await dispatcher.runOnce();
    expect(hooks.received).toHaveLength(1);
  });
});

describe('the address is checked where the connection is made (DNS rebinding)', () => {
  const signed = (url: string) => ({ url, body: '{}', secret: 's', event: 'created', deliveryId: 'd1' });
  const resolvingTo =
    (...addresses: string[]): ResolveHost =>
    () =>
      Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  const portOf = (url: string) => new URL(url).port;

  it('refuses a public-looking name that resolves to loopback now', async () => {
    const sender = createHttpWebhookSender({
      timeoutMs: 2_000,
      internalAllowList: () => Promise.resolve([]),
      resolve: resolvingTo('127.0.0.1'),
    });
    await expect(sender.post(signed(`http://caterer.example.com:${portOf(hooks.url)}/hooks`))).rejects.toThrow(
      /internal/,
    );
    expect(hooks.received).toHaveLength(0);
  });

  it('refuses a name with one internal address among public ones', async () => {
    const sender = createHttpWebhookSender({
      timeoutMs: 2_000,
      internalAllowList: () => Promise.resolve([]),
      resolve: resolvingTo('93.184.215.14', '127.0.0.1'),
    });
    await expect(sender.post(signed(`http://caterer.example.com:${portOf(hooks.url)}/hooks`))).rejects.toThrow(
      /internal/,
    );
    expect(hooks.received).toHaveLength(0);
  });

  it('refuses IP literals without any lookup, and delivers to allow-listed ones', async () => {
    const refused = createHttpWebhookSender({ timeoutMs: 2_000, internalAllowList: () => Promise.resolve([]) });
    await expect(refused.post(signed(hooks.url))).rejects.toThrow(/internal/);
    expect(hooks.received).toHaveLength(0);
    const allowed = createHttpWebhookSender({
      timeoutMs: 2_000,
      internalAllowList: () => Promise.resolve(['127.0.0.0/8']),
      resolve: resolvingTo('127.0.0.1'),
    });
    await allowed.post(signed(hooks.url));
    await allowed.post(signed(`http://caterer.example.com:${portOf(hooks.url)}/hooks`));
    expect(hooks.received).toHaveLength(2);
  });
});
