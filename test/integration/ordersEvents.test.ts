import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { ordersWorld, type OrdersWorld } from './ordersHarness';

let db: TestDatabase;
let w: OrdersWorld;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await ordersWorld(db.knex);
  server = w.t.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
});

/** Reads the stream until a chunk matches; the test's own timeout fails it when nothing comes. */
async function readUntil(body: ReadableStream<Uint8Array>, pattern: RegExp): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!pattern.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

describe('the live board stream', () => {
  it('sends an order event to the facility team after every change', async () => {
    const token = await w.t.tokenFor('facility');
    const abort = new AbortController();
    const res = await fetch(`${base}/api/facility/orders/events`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    if (!res.body) throw new Error('no stream');
    await readUntil(res.body, /retry: \d+/);

    const created = await w.organizer.post('/api/orders').send({
      target: { bookingId: await w.meeting() },
      lines: [{ itemId: w.coffee, quantity: 1 }],
      delivery: { kind: 'at-start' },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { orders: { id: string }[] }).orders[0]?.id;
    const text = await readUntil(res.body, /event: order\ndata: .*\n\n/);
    expect(text).toContain(`event: order\ndata: ${JSON.stringify({ id, kind: 'created' })}`);
    abort.abort();
  });

  it('is closed to everyone but the facility team and admins', async () => {
    const token = await w.t.tokenFor('employee');
    const res = await fetch(`${base}/api/facility/orders/events`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
  });
});
