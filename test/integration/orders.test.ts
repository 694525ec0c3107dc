import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order, OrderHistoryEntry } from '../../shared/schemas/orders';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { ordersWorld, outboxOf, type OrdersWorld } from './ordersHarness';

// @timezone-sensitive: delivery hours are read in the building's zone (Europe/Berlin).
let db: TestDatabase;
let w: OrdersWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await ordersWorld(db.knex, {
    webhookUrl: 'http://127.0.0.1:9/hook',
    webhookSecret: 'a-webhook-secret-of-some-length',
  });
  // Migrations, four signed-in users and the catalog take a while on a loaded machine.
}, 120_000);
afterAll(async () => {
  await db.close();
});

const created = (res: { body: unknown }): Order => {
  const [order] = (res.body as { orders: Order[] }).orders;
  if (!order) throw new Error(`no order created: ${JSON.stringify(res.body)}`);
  return order;
};

async function placeOrder(bookingId: string, extra: Record<string, unknown> = {}): Promise<Order> {
  const res = await w.organizer.post('/api/orders').send({
    target: { bookingId },
    lines: [
      { itemId: w.coffee, quantity: 3 },
      { itemId: w.lunch, quantity: 1 },
    ],
    delivery: { kind: 'before-start', minutes: 15 },
    costCenter: 'CC-42',
    ...extra,
  });
  expect(res.status).toBe(201);
  return created(res);
}

describe('placing an order', () => {
  it('the organizer orders for their meeting: exact totals, history, provider notified', async () => {
    const bookingId = await w.meeting({ roomId: w.roomA });
    const order = await placeOrder(bookingId, { dietaryRemarks: 'one vegan', notes: 'Door code 4711' });
    expect(order).toMatchObject({
      status: 'requested',
      attention: [],
      bookingId,
      deliveryAt: '2026-05-06T09:45:00.000Z',
      roomId: w.roomA,
      roomName: 'Atlantic',
      buildingName: 'Harbour House',
      timeZone: 'Europe/Berlin',
      providerId: w.providerId,
      headcount: 4,
      currency: 'EUR',
      // 3 × 2.50 + 1 × 12.90 × 4 people
      totalMinor: 750 + 5160,
      orderer: { email: w.organizer.user.email },
      costCenter: 'CC-42',
      changeCutoffAt: '2026-05-04T09:45:00.000Z',
    });
    expect(order.lines.map((l) => l.totalMinor)).toEqual([750, 5160]);
    // 3 coffees as ordered; lunch 1 per person × 4 people = 4 lunches.
    expect(order.lines.map((l) => [l.quantity, l.quantityToDeliver])).toEqual([
      [3, 3],
      [1, 4],
    ]);

    const read = await w.organizer.get(`/api/orders/${order.id}`);
    expect(read.status).toBe(200);
    const history = (read.body as { history: OrderHistoryEntry[] }).history;
    expect(history.map((h) => h.kind)).toEqual(['created']);
    expect(history[0]?.actor.name).toBe(w.organizer.user.name);

    expect(await outboxOf(db.knex, order.id)).toEqual([
      { kind: 'created', channel: 'email', recipient: w.providerEmail, state: 'pending' },
      { kind: 'created', channel: 'webhook', recipient: 'http://127.0.0.1:9/hook', state: 'pending' },
    ]);
  });

  it('headcount follows the attendees by default, or is set explicitly', async () => {
    const order = await placeOrder(await w.meeting(), { headcount: 12, followAttendees: true });
    expect(order).toMatchObject({ headcount: 12, followAttendees: true, totalMinor: 750 + 12 * 1290 });
  });

  it('finds the meeting by its identity', async () => {
    const bookingId = await w.meeting({ cleanGlobalObjectId: 'BAAAAIIA4AB0xbcQGoLgCAAAAAB-by-id' });
    const res = await w.organizer.post('/api/orders').send({
      target: { meeting: { id: 'BAAAAIIA4AB0xbcQGoLgCAAAAAB-by-id' } },
      lines: [{ itemId: w.coffee, quantity: 1 }],
      delivery: { kind: 'at-start' },
    });
    expect(res.status).toBe(201);
    expect(created(res).bookingId).toBe(bookingId);
  });

  it('the facility team orders for someone; a colleague may not', async () => {
    const bookingId = await w.meeting();
    const forOrganizer = await w.facility.post('/api/orders').send({
      target: { bookingId },
      lines: [{ itemId: w.coffee, quantity: 1 }],
      delivery: { kind: 'at-start' },
      onBehalfOf: w.organizer.user.email,
    });
    expect(forOrganizer.status).toBe(201);
    expect(created(forOrganizer)).toMatchObject({
      orderer: { email: w.organizer.user.email, name: w.organizer.user.name },
      placedBy: { userId: w.facility.user.id },
    });
    // The orderer sees the order placed for them.
    expect((await w.organizer.get(`/api/orders/${created(forOrganizer).id}`)).status).toBe(200);

    const colleague = await w.colleague.post('/api/orders').send({
      target: { bookingId },
      lines: [{ itemId: w.coffee, quantity: 1 }],
      delivery: { kind: 'at-start' },
    });
    expect(colleague.status).toBe(403);
    const onBehalf = await w.colleague.post('/api/orders').send({
      target: { bookingId },
      lines: [{ itemId: w.coffee, quantity: 1 }],
      delivery: { kind: 'at-start' },
      onBehalfOf: w.colleague.user.email,
    });
    expect(onBehalf.status).toBe(403);
  });

  it('repeat for the series: one order per occurrence, each on its own occurrence', async () => {
    const series = 'series-cgoi-1';
    const occurrences = [];
    for (const day of ['06', '07', '08']) {
      occurrences.push(
        await w.meeting({
          roomId: w.roomB,
          cleanGlobalObjectId: series,
          start: `2026-05-${day}T10:00:00Z`,
          end: `2026-05-${day}T11:00:00Z`,
          originalStart: `2026-05-${day}T10:00:00Z`,
        }),
      );
    }
    // Saturday: the provider does not work.
    const saturday = await w.meeting({
      roomId: w.roomB,
      cleanGlobalObjectId: series,
      start: '2026-05-09T10:00:00Z',
      end: '2026-05-09T11:00:00Z',
      originalStart: '2026-05-09T10:00:00Z',
    });
    const res = await w.organizer.post('/api/orders').send({
      target: { bookingId: occurrences[0] },
      lines: [{ itemId: w.coffee, quantity: 2 }],
      delivery: { kind: 'at-start' },
      repeatForSeries: true,
    });
    expect(res.status).toBe(201);
    const body = res.body as { orders: Order[]; skipped: { bookingId: string; reason: string }[] };
    expect(body.orders.map((o) => o.bookingId)).toEqual(occurrences);
    expect(new Set(body.orders.map((o) => o.seriesGroupId)).size).toBe(1);
    expect(body.orders[0]?.seriesGroupId).not.toBeNull();
    expect(body.skipped).toEqual([expect.objectContaining({ bookingId: saturday, reason: 'outside-provider-hours' })]);
  });
});

describe('reading and listing', () => {
  it('lists my orders only; someone else’s order is not found', async () => {
    const order = await placeOrder(await w.meeting());
    const mine = (await w.organizer.get('/api/orders')).body as Order[];
    expect(mine.map((o) => o.id)).toContain(order.id);
    const theirs = (await w.colleague.get('/api/orders')).body as Order[];
    expect(theirs.map((o) => o.id)).not.toContain(order.id);
    expect((await w.colleague.get(`/api/orders/${order.id}`)).status).toBe(404);
    expect((await w.facility.get(`/api/orders/${order.id}`)).status).toBe(200);
  });
});

describe('changing and cancelling', () => {
  it('the orderer edits before the cut-off: new totals, history diff, provider told', async () => {
    const order = await placeOrder(await w.meeting());
    const res = await w.organizer
      .patch(`/api/orders/${order.id}`)
      .send({ lines: [{ itemId: w.coffee, quantity: 5 }], delivery: { kind: 'at-start' }, notes: 'More coffee' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalMinor: 1250, deliveryAt: '2026-05-06T10:00:00.000Z', notes: 'More coffee' });
    const history = ((await w.organizer.get(`/api/orders/${order.id}`)).body as { history: OrderHistoryEntry[] })
      .history;
    expect(history.map((h) => h.kind)).toEqual(['created', 'changed']);
    expect(history[1]?.diff).toMatchObject({
      totalMinor: { from: 5910, to: 1250 },
      deliveryAt: { from: '2026-05-06T09:45:00.000Z', to: '2026-05-06T10:00:00.000Z' },
      notes: { from: '', to: 'More coffee' },
    });
    const kinds = (await outboxOf(db.knex, order.id)).map((m) => `${m.kind}/${m.channel}`);
    expect(kinds).toEqual(['created/email', 'created/webhook', 'changed/email', 'changed/webhook']);
  });

  it('the orderer cancels; the provider is told, the orderer is not emailed about their own cancellation', async () => {
    const order = await placeOrder(await w.meeting());
    const res = await w.organizer.post(`/api/orders/${order.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled' });
    const cancelled = (await outboxOf(db.knex, order.id)).filter((m) => m.kind === 'status-change');
    expect(cancelled.map((m) => m.recipient)).toEqual([w.providerEmail, 'http://127.0.0.1:9/hook']);
    expect((await w.organizer.post(`/api/orders/${order.id}/cancel`)).status).toBe(409);
  });
});

describe('the facility workflow', () => {
  it('moves an order requested → accepted → in-preparation → delivered; the orderer is emailed', async () => {
    const order = await placeOrder(await w.meeting());
    for (const status of ['accepted', 'in-preparation', 'delivered']) {
      const res = await w.facility.post(`/api/facility/orders/${order.id}/status`).send({ status });
      expect({ status, code: res.status }).toEqual({ status, code: 200 });
    }
    const back = await w.facility.post(`/api/facility/orders/${order.id}/status`).send({ status: 'accepted' });
    expect(back.status).toBe(409);
    const toOrderer = (await outboxOf(db.knex, order.id)).filter(
      (m) => m.recipient === w.organizer.user.email.toLowerCase(),
    );
    expect(toOrderer).toHaveLength(3);
    expect(
      (await w.organizer.post(`/api/facility/orders/${order.id}/status`).send({ status: 'accepted' })).status,
    ).toBe(403);
  });

  it('keeps the reason of a decline in the order history', async () => {
    const order = await placeOrder(await w.meeting());
    const res = await w.facility
      .post(`/api/facility/orders/${order.id}/status`)
      .send({ status: 'declined', note: 'Kitchen closed for inspection' });
    expect(res.status).toBe(200);
    const read = await w.organizer.get(`/api/orders/${order.id}`);
    const history = (read.body as { history: { kind: string; diff: Record<string, { to: unknown }> }[] }).history;
    const decline = history.find((h) => h.kind === 'status-change');
    expect(decline?.diff.status?.to).toBe('declined');
    expect(decline?.diff.note?.to).toBe('Kitchen closed for inspection');
  });

  it('the board groups by delivery time and room, filters needs-attention, exports CSV', async () => {
    const bookingId = await w.meeting({ roomId: w.roomA, start: '2026-05-12T10:00:00Z', end: '2026-05-12T11:00:00Z' });
    const first = await placeOrder(bookingId);
    const second = await placeOrder(bookingId);
    await db
      .knex('orders')
      .where({ id: second.id })
      .update({ attention: JSON.stringify(['outside-provider-hours']) });
    const board = await w.facility.get('/api/facility/orders?from=2026-05-12T00:00:00Z&to=2026-05-13T00:00:00Z');
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({
      counts: { total: 2, needsAttention: 1 },
      groups: [
        {
          deliveryAt: '2026-05-12T09:45:00.000Z',
          localDate: '2026-05-12',
          localTime: '11:45',
          roomName: 'Atlantic',
          buildingName: 'Harbour House',
          orders: [{ id: first.id }, { id: second.id }],
        },
      ],
    });
    const attention = await w.facility.get(
      '/api/facility/orders?from=2026-05-12T00:00:00Z&to=2026-05-13T00:00:00Z&needsAttention=true',
    );
    expect((attention.body as { counts: { total: number } }).counts.total).toBe(1);
    expect(
      (await w.organizer.get('/api/facility/orders?from=2026-05-12T00:00:00Z&to=2026-05-13T00:00:00Z')).status,
    ).toBe(403);

    const csv = await w.facility.get(
      '/api/facility/orders/export.csv?from=2026-05-12T00:00:00Z&to=2026-05-13T00:00:00Z',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^order_id,status,needs_attention,delivery_date,delivery_time/);
    expect(lines).toHaveLength(1 + 4);
    expect(lines[1]).toContain(`${first.id},requested,,2026-05-12,11:45,Europe/Berlin,Harbour House,Atlantic`);
    // The kitchen reads what to deliver: lunch ordered 1 per person for 4 people is 4 lunches.
    expect(lines[0]).toContain(',unit,quantity,headcount,quantity_to_deliver,unit_price_minor,');
    expect(lines.filter((l) => l.includes(',per-person,1,4,4,1290,5160,'))).toHaveLength(2);
  });

  it('CSV cells that look like formulas are kept as text, commas and quotes are quoted', async () => {
    const bookingId = await w.meeting({
      start: '2026-05-08T10:00:00Z',
      end: '2026-05-08T11:00:00Z',
      subject: '=HYPERLINK("x"), "quoted"',
    });
    await placeOrder(bookingId);
    const csv = await w.facility.get(
      '/api/facility/orders/export.csv?from=2026-05-08T00:00:00Z&to=2026-05-09T00:00:00Z',
    );
    expect(csv.text).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
  });
});
