import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order } from '../../shared/schemas/orders';
import { buildMeeting, changeMeeting } from '../factories/orders';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { NOW, ordersWorld, outboxOf, type OrdersWorld } from './ordersHarness';

// @timezone-sensitive: provider hours are read in the building's zone (Europe/Berlin).
// The sync is simulated: bookings change in the database, then the listener hears of them.
let db: TestDatabase;
let w: OrdersWorld;
const HOOK = 'http://127.0.0.1:9/hook';

beforeAll(async () => {
  db = await createTestDatabase();
  w = await ordersWorld(db.knex, { webhookUrl: HOOK, webhookSecret: 'a-webhook-secret-of-some-length' });
  // Migrations, four signed-in users and the catalog take a while on a loaded machine.
}, 120_000);
afterAll(async () => {
  await w.t.deps.orderFollower.stop();
  await db.close();
});

const follower = () => w.t.deps.orderFollower;

async function orderOn(bookingId: string, extra: Record<string, unknown> = {}): Promise<Order> {
  const res = await w.organizer.post('/api/orders').send({
    target: { bookingId },
    lines: [{ itemId: w.lunch, quantity: 1 }],
    delivery: { kind: 'before-start', minutes: 15 },
    ...extra,
  });
  expect(res.status).toBe(201);
  return (res.body as { orders: Order[] }).orders[0] as Order;
}

async function read(id: string): Promise<Order & { history: { kind: string; diff: Record<string, unknown> }[] }> {
  const res = await w.facility.get(`/api/orders/${id}`);
  expect(res.status).toBe(200);
  return res.body as Order & { history: { kind: string; diff: Record<string, unknown> }[] };
}

const changesOf = async (orderId: string, kind: string) =>
  (await outboxOf(db.knex, orderId))
    .filter((m) => m.kind === kind)
    .map((m) => `${m.channel}:${m.recipient}`)
    .sort();

describe('orders follow their meetings', () => {
  it('a moved meeting moves its order, keeping the offset; the provider hears exactly once', async () => {
    const bookingId = await w.meeting({ roomId: w.roomA });
    const order = await orderOn(bookingId);
    await changeMeeting(db.knex, bookingId, { start: '2026-05-06T12:00:00Z', end: '2026-05-06T13:00:00Z' });
    await follower().bookingsChanged({ roomId: w.roomA, bookingIds: [bookingId] });
    // Delivery at least once: a repeated notification and a sweep change nothing more.
    await follower().bookingsChanged({ roomId: w.roomA, bookingIds: [bookingId] });
    await follower().sweep();

    const moved = await read(order.id);
    expect(moved).toMatchObject({
      deliveryAt: '2026-05-06T11:45:00.000Z',
      eventStart: '2026-05-06T12:00:00.000Z',
      status: 'requested',
    });
    expect(moved.history.map((h) => h.kind)).toEqual(['created', 'moved-by-event']);
    expect(moved.history[1]?.diff).toMatchObject({
      deliveryAt: { from: '2026-05-06T09:45:00.000Z', to: '2026-05-06T11:45:00.000Z' },
    });
    expect(await changesOf(order.id, 'moved-by-event')).toEqual([`email:${w.providerEmail}`, `webhook:${HOOK}`]);
  });

  it('a room swap: the old room cancels first, the new room syncs later; the order follows, never cancelled', async () => {
    const cgoi = 'swap-meeting-1';
    const inA = await w.meeting({
      roomId: w.roomA,
      cleanGlobalObjectId: cgoi,
      start: '2026-05-07T10:00:00Z',
      end: '2026-05-07T11:00:00Z',
    });
    const order = await orderOn(inA);
    await changeMeeting(db.knex, inA, { status: 'cancelled' });
    await follower().bookingsChanged({ roomId: w.roomA, bookingIds: [inA] });
    expect((await read(order.id)).status).toBe('requested');

    const inB = await buildMeeting(db.knex, {
      roomId: w.roomB,
      cleanGlobalObjectId: cgoi,
      start: '2026-05-07T10:00:00Z',
      end: '2026-05-07T11:00:00Z',
      organizerEmail: w.organizer.user.email,
    });
    await follower().bookingsChanged({ roomId: w.roomB, bookingIds: [inB] });
    const swapped = await read(order.id);
    expect(swapped).toMatchObject({ status: 'requested', bookingId: inB, roomId: w.roomB, roomName: 'Baltic' });
    expect(swapped.history.map((h) => h.kind)).toEqual(['created', 'moved-by-event']);

    // Long after the settle delay the sweep still finds nothing to cancel.
    w.clock.set('2026-05-04T06:05:00Z');
    await follower().sweep();
    expect((await read(order.id)).status).toBe('requested');
    w.clock.set(NOW);
  });

  it('a cancelled meeting cancels its order after the settle delay; provider and orderer are told', async () => {
    const bookingId = await w.meeting({ start: '2026-05-08T10:00:00Z', end: '2026-05-08T11:00:00Z' });
    const order = await orderOn(bookingId);
    await changeMeeting(db.knex, bookingId, { status: 'cancelled' });
    await follower().bookingsChanged({ roomId: w.roomA, bookingIds: [bookingId] });
    expect((await read(order.id)).status).toBe('requested');

    w.clock.set('2026-05-04T06:00:19Z');
    await follower().sweep();
    expect((await read(order.id)).status).toBe('requested');

    w.clock.set('2026-05-04T06:00:21Z');
    await follower().sweep();
    await follower().sweep();
    const cancelled = await read(order.id);
    expect(cancelled.status).toBe('cancelled-by-event');
    expect(cancelled.history.map((h) => h.kind)).toEqual(['created', 'cancelled-by-event']);
    expect(await changesOf(order.id, 'cancelled-by-event')).toEqual(
      [`email:${w.providerEmail}`, `email:${w.organizer.user.email.toLowerCase()}`, `webhook:${HOOK}`].sort(),
    );
    w.clock.set(NOW);
  });

  it('a swap to a building the provider does not serve: needs attention, nothing silently changed', async () => {
    const cgoi = 'swap-to-annex';
    const here = await w.meeting({
      roomId: w.roomA,
      cleanGlobalObjectId: cgoi,
      start: '2026-05-11T10:00:00Z',
      end: '2026-05-11T11:00:00Z',
    });
    const order = await orderOn(here);
    await changeMeeting(db.knex, here, { status: 'cancelled' });
    const there = await buildMeeting(db.knex, {
      roomId: w.unservedRoom,
      cleanGlobalObjectId: cgoi,
      start: '2026-05-11T10:00:00Z',
      end: '2026-05-11T11:00:00Z',
      organizerEmail: w.organizer.user.email,
    });
    await follower().bookingsChanged({ roomId: w.unservedRoom, bookingIds: [there] });
    await follower().bookingsChanged({ roomId: w.roomA, bookingIds: [here] });

    const flagged = await read(order.id);
    expect(flagged).toMatchObject({
      status: 'requested',
      attention: ['building-not-served'],
      roomId: w.roomA,
      bookingId: there,
    });
    expect(flagged.history.map((h) => h.kind)).toEqual(['created', 'needs-attention']);
    expect(await changesOf(order.id, 'needs-attention')).toEqual(
      [`email:${w.providerEmail}`, `email:${w.organizer.user.email.toLowerCase()}`, `webhook:${HOOK}`].sort(),
    );
    const board = await w.facility.get(
      '/api/facility/orders?from=2026-05-11T00:00:00Z&to=2026-05-12T00:00:00Z&needsAttention=true',
    );
    expect(
      (board.body as { groups: { orders: { id: string }[] }[] }).groups.flatMap((g) => g.orders.map((o) => o.id)),
    ).toEqual([order.id]);

    // A later harmless move does not change the flagged order either.
    await changeMeeting(db.knex, there, { start: '2026-05-11T10:30:00Z', end: '2026-05-11T11:30:00Z' });
    await follower().bookingsChanged({ roomId: w.unservedRoom, bookingIds: [there] });
    expect((await read(order.id)).history.map((h) => h.kind)).toEqual(['created', 'needs-attention']);

    const kept = await w.facility.post(`/api/facility/orders/${order.id}/attention`).send({ action: 'keep' });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ attention: [], roomId: w.roomA });
  });

  it('a headcount that follows the attendees: applied before the cut-off, flagged after it', async () => {
    const bookingId = await w.meeting({ start: '2026-05-12T10:00:00Z', end: '2026-05-12T11:00:00Z' });
    const order = await orderOn(bookingId, { followAttendees: true });
    expect(order.headcount).toBe(4);
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ name: n, email: `${n}@example.test` }));
    await changeMeeting(db.knex, bookingId, { attendees: five });
    await follower().bookingsChanged({ roomId: w.roomA, bookingIds: [bookingId] });
    expect(await read(order.id)).toMatchObject({ headcount: 6, totalMinor: 6 * 1290 });

    // The lunch's cut-off is 48 h before delivery.
    w.clock.set('2026-05-10T10:00:00Z');
    await changeMeeting(db.knex, bookingId, { attendees: five.slice(0, 2) });
    await follower().bookingsChanged({ roomId: w.roomA, bookingIds: [bookingId] });
    expect(await read(order.id)).toMatchObject({ headcount: 6, attention: ['headcount-after-cutoff'] });
    w.clock.set(NOW);
  });

  it('the sweep catches a change whose notification was lost', async () => {
    const bookingId = await w.meeting({ start: '2026-05-13T10:00:00Z', end: '2026-05-13T11:00:00Z' });
    const order = await orderOn(bookingId);
    await changeMeeting(db.knex, bookingId, { start: '2026-05-13T09:00:00Z', end: '2026-05-13T10:00:00Z' });
    expect(await follower().sweep()).toBeGreaterThanOrEqual(1);
    expect((await read(order.id)).deliveryAt).toBe('2026-05-13T08:45:00.000Z');
  });
});
