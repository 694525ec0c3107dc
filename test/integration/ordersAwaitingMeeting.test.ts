import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import { createOrderCatalog } from '../../server/adapters/db/repositories/ordersCatalog';
import { createMeetingBookings } from '../../server/adapters/db/repositories/ordersMeetings';
import { createOrderRepository } from '../../server/adapters/db/repositories/orders';
import { createUserRepository } from '../../server/adapters/db/repositories/users';
import { createOrderFollower, type OrderFollower } from '../../server/services/catering/orders';
import type { Board, Order, OrderHistoryEntry } from '../../shared/schemas/orders';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ALL_WEEK, buildItem, buildProvider } from '../factories/orders';
import { buildUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { connectToDemoSim } from '../support/demoExchange';

/**
 * Orders on a meeting that Outlook saved but did not send (saveAsync on a new appointment, i.e.
 * CreateItem SendToNone in the organizer's mailbox). The room has no booking of it until the
 * organizer presses Send; the order waits for it, attaches when the sync brings the room's booking
 * in, and is cancelled with a reason if the meeting starts without having been sent.
 */

const ROOM = 'room.harbour.0.elbe@northwind.test';
const ORGANIZER = 'emma.schmidt@northwind.test';
const ATTENDEE = 'lukas.meyer@northwind.test';
const PASSWORD = 'Roomserve-demo-1';

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: TestApp;
let emmaEws: ews.ExchangeService;
let emma: string;
let facility: string;
let roomId: string;
let coffee: string;
let day = 2;

type Detailed = Order & { history: OrderHistoryEntry[] };

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Emma's new appointment with the room added as a required attendee, as the add-in does, saved but not sent. */
async function savedMeeting(subject: string): Promise<{ appt: ews.Appointment; start: Date }> {
  day += 1;
  const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + day * 86_400_000 + 9 * 3_600_000);
  const appt = new ews.Appointment(emmaEws);
  appt.Subject = subject;
  appt.Start = at(start.toISOString());
  appt.End = at(new Date(start.getTime() + 3_600_000).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.RequiredAttendees.Add(ATTENDEE);
  appt.RequiredAttendees.Add(ROOM);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
  return { appt, start };
}

/** Emma presses Send (Outlook saves the compose state and sends it to everyone). */
async function send(appt: ews.Appointment, change: (a: ews.Appointment) => void): Promise<void> {
  const fresh = await ews.Appointment.Bind(emmaEws, appt.Id);
  change(fresh);
  await fresh.Update(
    ews.ConflictResolutionMode.AlwaysOverwrite,
    ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
  );
}

async function orderFor(appt: ews.Appointment, withRoom = true): Promise<request.Response> {
  return request(t.app)
    .post('/api/orders')
    .set('Authorization', `Bearer ${emma}`)
    .send({
      target: withRoom ? { itemId: appt.Id.UniqueId, roomId } : { itemId: appt.Id.UniqueId },
      lines: [{ itemId: coffee, quantity: 2 }],
      delivery: { kind: 'before-start', minutes: 10 },
    });
}

async function placedFor(appt: ews.Appointment): Promise<Order> {
  const res = await orderFor(appt);
  expect(res.status).toBe(201);
  return (res.body as { orders: Order[] }).orders[0] as Order;
}

async function read(id: string): Promise<Detailed> {
  const res = await request(t.app).get(`/api/orders/${id}`).set('Authorization', `Bearer ${facility}`);
  expect(res.status).toBe(200);
  return res.body as Detailed;
}

const cleanGlobalObjectIdOf = (appt: ews.Appointment): string =>
  sim.control.model.readCalendar(ORGANIZER).find((i) => i.itemId.id === appt.Id.UniqueId)?.cleanGlobalObjectId ?? '';

/** A follower of our own whose clock can be put forward; the app's own keeps running beside it. */
function followerAt(now: () => Date, settleMs: number): OrderFollower {
  return createOrderFollower(
    {
      orders: createOrderRepository(db.knex),
      catalog: createOrderCatalog(db.knex),
      bookings: createMeetingBookings(db.knex),
      people: createUserRepository(db.knex),
      clock: { now },
    },
    t.deps.orders.bus,
    { settleMs, sweepMs: 60_000, onError: () => undefined },
  );
}

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 5, validateRequests: false });
  db = await createTestDatabase();
  t = createTestApp(db.knex);
  const admin = await t.tokenFor('admin');
  await connectToDemoSim(t.app, admin, sim);
  const buildingId = await buildBuilding(db.knex, { name: 'Harbour House', timeZone: 'Europe/Berlin' });
  roomId = await buildRoom(db.knex, { floorId: await buildFloor(db.knex, { buildingId }), exchangeEmail: ROOM });
  await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
  const providerId = await buildProvider(db.knex, {
    buildingIds: [buildingId],
    contactEmail: 'kitchen@example.test',
    workingHours: ALL_WEEK,
  });
  coffee = await buildItem(db.knex, { providerId, leadTimeHours: 1, changeCutoffHours: 1 });
  const user = await buildUser(db.knex, { email: ORGANIZER, role: 'employee' });
  emma = (await t.deps.auth.createApiToken(user.id, { name: 'test' })).token;
  facility = await t.tokenFor('facility');
  emmaEws = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
  await t.sync.restart(await t.deps.exchange.gateway());
}, 90_000);

afterAll(async () => {
  await t.sync.restart(null);
  await t.deps.orderFollower.stop();
  await sim.close();
  await db.close();
});

describe('an order on a meeting that was saved but not sent', () => {
  it('is accepted as waiting for the meeting, with the times of the organizer’s copy', async () => {
    const { appt, start } = await savedMeeting('Saved, catered, not sent');

    const placed = await placedFor(appt);

    expect(placed).toMatchObject({
      status: 'requested',
      awaitingMeeting: true,
      bookingId: null,
      roomId,
      meeting: { cleanGlobalObjectId: cleanGlobalObjectIdOf(appt), subject: 'Saved, catered, not sent' },
      eventStart: start.toISOString(),
      eventEnd: new Date(start.getTime() + 3_600_000).toISOString(),
      deliveryAt: new Date(start.getTime() - 10 * 60_000).toISOString(),
      // Emma and Lukas; the room is not a guest.
      headcount: 2,
    });
    // The room really has nothing yet: the order does not pretend otherwise.
    expect(sim.control.model.readCalendar(ROOM).some((i) => i.uid === (placed.meeting.uid ?? ''))).toBe(false);
  });

  it('still answers 409 meeting_not_synced when the request does not name the room', async () => {
    const { appt } = await savedMeeting('Saved, no room named');
    const res = await orderFor(appt, false);
    expect(res.status).toBe(409);
    expect((res.body as { error: { code: string } }).error.code).toBe('meeting_not_synced');
  });

  it('applies the lead time to the saved times: too soon is refused and nothing is stored', async () => {
    const { appt } = await savedMeeting('Saved, too soon');
    const soon = new Date(Date.now() + 30 * 60_000);
    const fresh = await ews.Appointment.Bind(emmaEws, appt.Id);
    fresh.Start = at(soon.toISOString());
    fresh.End = at(new Date(soon.getTime() + 3_600_000).toISOString());
    await fresh.Update(ews.ConflictResolutionMode.AlwaysOverwrite, ews.SendInvitationsOrCancellationsMode.SendToNone);
    const before = Number((await db.knex('orders').count<{ n: string }[]>('* as n'))[0]?.n);

    const res = await orderFor(appt);

    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('inside-lead-time');
    expect(Number((await db.knex('orders').count<{ n: string }[]>('* as n'))[0]?.n)).toBe(before);
  });

  it('shows on the board as waiting, and the provider cannot start preparing it', async () => {
    const { appt, start } = await savedMeeting('Saved, on the board');
    const placed = await placedFor(appt);

    const board = await request(t.app)
      .get('/api/facility/orders')
      .query({ from: new Date(start.getTime() - 86_400_000).toISOString(), to: start.toISOString() })
      .set('Authorization', `Bearer ${facility}`);
    const status = (to: string) =>
      request(t.app)
        .post(`/api/facility/orders/${placed.id}/status`)
        .set('Authorization', `Bearer ${facility}`)
        .send({ status: to });
    const accepted = await status('accepted');
    const preparing = await status('in-preparation');

    expect(board.status).toBe(200);
    const shown = (board.body as Board).groups.flatMap((g) => g.orders).find((o) => o.id === placed.id);
    expect(shown?.awaitingMeeting).toBe(true);
    expect(accepted.status).toBe(200);
    expect(preparing.status).toBe(409);
    expect((await read(placed.id)).status).toBe('accepted');
  });

  it('attaches to the room’s booking once the organizer sends the meeting and the room accepts', async () => {
    const { appt } = await savedMeeting('Saved, then sent');
    const placed = await placedFor(appt);

    await send(appt, (a) => {
      a.Location = 'Room 0.1, Harbour House';
    });

    const goid = cleanGlobalObjectIdOf(appt);
    let bookingId: string | undefined;
    await until('the room’s booking and the order to find each other', async () => {
      const row = await db
        .knex('bookings')
        .where({ room_id: roomId, clean_global_object_id: goid, status: 'confirmed' })
        .first<{ id: string } | undefined>('id');
      bookingId = row?.id;
      return bookingId !== undefined && (await read(placed.id)).bookingId === bookingId;
    });
    const linked = await read(placed.id);
    expect(linked).toMatchObject({
      status: 'requested',
      awaitingMeeting: false,
      bookingId,
      deliveryAt: placed.deliveryAt,
    });
    expect(linked.history.map((h) => h.kind)).toEqual(['created', 'meeting-sent']);
    expect(linked.history[1]?.diff).toMatchObject({
      awaitingMeeting: { from: true, to: false },
      bookingId: { from: null, to: bookingId },
    });
  });

  it('follows the booking’s times when the meeting was moved before it was sent', async () => {
    const { appt, start } = await savedMeeting('Saved, moved, sent');
    const placed = await placedFor(appt);
    const later = new Date(start.getTime() + 2 * 3_600_000);

    await send(appt, (a) => {
      a.Start = at(later.toISOString());
      a.End = at(new Date(later.getTime() + 3_600_000).toISOString());
    });

    const expected = new Date(later.getTime() - 10 * 60_000).toISOString();
    await until('the order to attach and move', async () => (await read(placed.id)).deliveryAt === expected);
    const moved = await read(placed.id);
    expect(moved).toMatchObject({ awaitingMeeting: false, eventStart: later.toISOString() });
    expect(moved.history.map((h) => h.kind)).toEqual(['created', 'meeting-sent', 'moved-by-event']);
  });

  it('is not cancelled by the settle delay that cancels orders whose booking vanished', async () => {
    const { appt, start } = await savedMeeting('Saved, waiting patiently');
    const placed = await placedFor(appt);
    const impatient = followerAt(() => new Date(), 1);
    try {
      await impatient.follow(placed.id);
      await new Promise((r) => setTimeout(r, 50));
      await impatient.follow(placed.id);
      await impatient.sweep();
    } finally {
      await impatient.stop();
    }

    const still = await read(placed.id);
    expect(still).toMatchObject({ status: 'requested', awaitingMeeting: true, bookingId: null });
    expect(still.history.map((h) => h.kind)).toEqual(['created']);
    const row = await db.knex('orders').where({ id: placed.id }).first<{ cancel_check_after: Date }>();
    // It looks again when the meeting starts.
    expect(new Date(row.cancel_check_after).getTime()).toBe(start.getTime());
  });

  it('is cancelled with a reason when the meeting starts without having been sent', async () => {
    const { appt, start } = await savedMeeting('Saved, never sent');
    const placed = await placedFor(appt);
    const justBefore = followerAt(() => new Date(start.getTime() - 60_000), 1);
    const justAfter = followerAt(() => new Date(start.getTime() + 60_000), 1);
    try {
      await justBefore.follow(placed.id);
      expect((await read(placed.id)).status).toBe('requested');
      await justAfter.follow(placed.id);
    } finally {
      await justBefore.stop();
      await justAfter.stop();
    }

    const cancelled = await read(placed.id);
    expect(cancelled.status).toBe('cancelled-by-event');
    const last = cancelled.history.at(-1);
    expect(last).toMatchObject({ kind: 'cancelled-by-event', actor: { name: 'event' } });
    expect(String((last?.diff.note as { to: unknown } | undefined)?.to)).toMatch(/without having been sent/);
    const mails = await db
      .knex('outbox')
      .where({ order_id: placed.id, channel: 'email' })
      .select<{ payload: unknown }[]>('payload');
    expect(JSON.stringify(mails.map((m) => m.payload))).toContain('the meeting was never sent');
  });

  it('is found by the periodic sweep once its meeting has started, without ever having been followed', async () => {
    const { appt, start } = await savedMeeting('Saved, forgotten');
    const placed = await placedFor(appt);
    const beforeStart = followerAt(() => new Date(start.getTime() - 60_000), 1);
    const afterStart = followerAt(() => new Date(start.getTime() + 60_000), 1);
    try {
      await beforeStart.sweep();
      expect((await read(placed.id)).status).toBe('requested');
      await afterStart.sweep();
    } finally {
      await beforeStart.stop();
      await afterStart.stop();
    }

    expect((await read(placed.id)).status).toBe('cancelled-by-event');
  });
});
