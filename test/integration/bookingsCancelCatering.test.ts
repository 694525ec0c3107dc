import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Booking } from '../../shared/schemas/bookings';
import type { Board, Order } from '../../shared/schemas/orders';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildItem, buildProvider } from '../factories/orders';
import { buildUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Issue #13, defect 9: an organizer who cancels a booking in Roomserve cancels its catering at
 * once. The facility board used to show the order "Accepted" for a minute or more, because the
 * order follower gives a meeting that vanishes from a room's calendar ORDERS_SETTLE_SECONDS to
 * reappear (a room swap). That delay is for what the sync finds, and is kept long here so that
 * only the cancellation itself can have cancelled the order.
 */

const ELBE = 'room.harbour.0.elbe@northwind.test';
const DAY_MS = 86_400_000;
const DAY = Math.floor(Date.now() / DAY_MS + 4) * DAY_MS;
const SLOT = { start: new Date(DAY + 10 * 3_600_000).toISOString(), end: new Date(DAY + 11 * 3_600_000).toISOString() };

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: TestApp;
let emma: string;
let facility: string;
let roomId: string;
let coffee: string;

const as = (token: string) => ({
  get: (path: string) => request(t.app).get(`/api${path}`).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: object) =>
    request(t.app).post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  delete: (path: string) => request(t.app).delete(`/api${path}`).set('Authorization', `Bearer ${token}`),
});

async function tokenOf(email: string, role: 'employee' | 'facility', name: string): Promise<string> {
  const user = await buildUser(db.knex, { email, role, name });
  return (await t.deps.auth.createApiToken(user.id, { name: 'test' })).token;
}

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 50, validateRequests: false });
  db = await createTestDatabase();
  t = createTestApp(db.knex, { orders: { settleMs: 600_000, sweepMs: 600_000 } });
  await connectToDemoSim(t.app, await t.tokenFor('admin'), sim);
  const buildingId = await buildBuilding(db.knex, { openingHours: {} });
  roomId = await buildRoom(db.knex, {
    floorId: await buildFloor(db.knex, { buildingId }),
    exchangeEmail: ELBE,
    name: 'Elbe',
  });
  await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
  const providerId = await buildProvider(db.knex, { buildingIds: [buildingId], name: 'Harbour Kitchen' });
  coffee = await buildItem(db.knex, { providerId, name: 'Coffee pot', leadTimeHours: 1, changeCutoffHours: 1 });
  emma = await tokenOf('emma.schmidt@northwind.test', 'employee', 'Emma Schmidt');
  facility = await tokenOf('fiona.facility@northwind.test', 'facility', 'Fiona Facility');
  await t.sync.restart(await t.deps.exchange.gateway());
}, 120_000);

afterAll(async () => {
  await t.deps.bookings.idle();
  await t.deps.orderFollower.stop();
  await t.sync.restart(null);
  await sim.close();
  await db.close();
});

async function boardOrder(orderId: string): Promise<Board['groups'][number]['orders'][number] | undefined> {
  const from = new Date(DAY).toISOString();
  const to = new Date(DAY + DAY_MS).toISOString();
  const res = await as(facility).get(`/facility/orders?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return (res.body as Board).groups.flatMap((g) => g.orders).find((o) => o.id === orderId);
}

describe('cancelling a booking with catering in Roomserve', () => {
  it('cancels its orders at once: the facility board shows them cancelled right after the DELETE', async () => {
    const created = await as(emma).post('/bookings', { roomId, ...SLOT, subject: 'Board meeting' });
    expect(created.status).toBe(201);
    const booking = (await as(emma).get(`/bookings/${(created.body as Booking).id}?wait=10`)).body as Booking;
    expect(booking.status).toBe('confirmed');

    const ordered = await as(emma).post('/orders', {
      target: { bookingId: booking.id },
      lines: [{ itemId: coffee, quantity: 2 }],
      delivery: { kind: 'at-start' },
    });
    expect(ordered.status).toBe(201);
    const order = (ordered.body as { orders: Order[] }).orders[0] as Order;
    expect((await boardOrder(order.id))?.status).toBe('requested');

    expect((await as(emma).delete(`/bookings/${booking.id}`)).status).toBe(204);

    expect((await boardOrder(order.id))?.status).toBe('cancelled-by-event');
    const read = (await as(facility).get(`/orders/${order.id}`)).body as Order & {
      history: { kind: string; diff: Record<string, { to: unknown }> }[];
    };
    expect(read.history.map((h) => h.kind)).toEqual(['created', 'cancelled-by-event']);
    expect(read.history[1]?.diff.note?.to).toBe('The organizer cancelled the booking in Roomserve.');
  });
});
