import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order } from '../../shared/schemas/orders';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { ordersWorld, type OrdersWorld } from './ordersHarness';

/**
 * Security issue #20, finding 6: the subject of a private meeting stays with its organizer. The
 * facility team and the caterer (email and webhook) get "Private meeting" with the room, time and
 * headcount they need.
 */

const SECRET_SUBJECT = 'Acquisition of Contoso';
let db: TestDatabase;
let w: OrdersWorld;
let order: Order;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await ordersWorld(db.knex, {
    webhookUrl: 'https://caterer.example.com/hook',
    webhookSecret: 'a-webhook-secret-of-some-length',
  });
  const bookingId = await w.meeting({ subject: SECRET_SUBJECT, isPrivate: true });
  const res = await w.organizer.post('/api/orders').send({
    target: { bookingId },
    lines: [{ itemId: w.coffee, quantity: 4 }],
    delivery: { kind: 'at-start' },
  });
  expect(res.status).toBe(201);
  order = (res.body as { orders: Order[] }).orders[0] as Order;
}, 120_000);
afterAll(async () => {
  await db.close();
});

describe('an order for a private meeting', () => {
  it('shows its organizer (the orderer) the real subject', async () => {
    expect(order.meeting.subject).toBe(SECRET_SUBJECT);
    const mine = await w.organizer.get(`/api/orders/${order.id}`);
    expect(mine.body).toMatchObject({ meeting: { subject: SECRET_SUBJECT } });
  });

  it('shows the facility team "Private meeting" with room, time and headcount', async () => {
    const res = await w.facility.get(`/api/orders/${order.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      meeting: { subject: 'Private meeting' },
      roomName: order.roomName,
      eventStart: order.eventStart,
      headcount: order.headcount,
    });
    const board = await w.facility.get('/api/facility/orders?from=2026-05-06T00:00:00Z&to=2026-05-07T00:00:00Z');
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).not.toContain(SECRET_SUBJECT);
    expect(JSON.stringify(board.body)).toContain('Private meeting');
  });

  it('keeps the subject out of the CSV export', async () => {
    const csv = await w.facility.get(
      '/api/facility/orders/export.csv?from=2026-05-06T00:00:00Z&to=2026-05-07T00:00:00Z',
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Private meeting');
    expect(csv.text).not.toContain(SECRET_SUBJECT);
  });

  it("keeps the subject out of the caterer's email and webhook", async () => {
    const rows = await db
      .knex('outbox')
      .where({ order_id: order.id })
      .select<{ channel: string; payload: unknown }[]>('channel', 'payload');
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'webhook']);
    for (const row of rows) {
      const text = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
      expect(text).not.toContain(SECRET_SUBJECT);
      expect(text).toContain('Private meeting');
    }
  });
});
