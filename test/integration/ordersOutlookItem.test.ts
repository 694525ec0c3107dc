import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import type { AttendeeOrder, Order } from '../../shared/schemas/orders';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ALL_WEEK, buildItem, buildProvider } from '../factories/orders';
import { buildUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { connectToDemoSim } from '../support/demoExchange';

/**
 * Orders on Outlook items, through the simulator: Outlook users create meetings with EWS, the sync
 * brings the room's booking in, and the add-in's calls name the meeting only by the EWS ItemId of
 * the caller's own copy. The server reads the meeting's identity in the caller's mailbox.
 */

const ROOM = 'room.harbour.0.elbe@northwind.test';
const ORGANIZER = 'emma.schmidt@northwind.test';
const ATTENDEE = 'lukas.meyer@northwind.test';
const OUTSIDER = 'sophie.wagner@northwind.test';
const PASSWORD = 'Roomserve-demo-1';

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: TestApp;
let emmaEws: ews.ExchangeService;
let lukasEws: ews.ExchangeService;
const tokens: Record<'emma' | 'lukas' | 'sophie' | 'facility', string> = {
  emma: '',
  lukas: '',
  sophie: '',
  facility: '',
};
let roomId: string;
let coffee: string;
let day = 3;

const api = (token: string) => ({
  order: (target: object) =>
    request(t.app)
      .post('/api/orders')
      .set('Authorization', `Bearer ${token}`)
      .send({
        target,
        lines: [{ itemId: coffee, quantity: 2 }],
        delivery: { kind: 'before-start', minutes: 10 },
        costCenter: 'CC-4711',
        notes: 'Door code 1234',
      }),
  ofItem: (query: Record<string, string>) =>
    request(t.app).get('/api/orders/of-item').query(query).set('Authorization', `Bearer ${token}`),
});

async function tokenOf(email: string, role: 'employee' | 'facility'): Promise<string> {
  const user = await buildUser(db.knex, { email, role });
  return (await t.deps.auth.createApiToken(user.id, { name: 'test' })).token;
}

/** A meeting Emma creates in Outlook: the room as a resource, Lukas invited. Returns her ItemId. */
async function meeting(subject: string, send = true): Promise<{ itemId: string; start: Date }> {
  day += 1;
  const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + day * 86_400_000 + 9 * 3_600_000);
  const appt = new ews.Appointment(emmaEws);
  appt.Subject = subject;
  appt.Start = at(start.toISOString());
  appt.End = at(new Date(start.getTime() + 3_600_000).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.Resources.Add(ROOM);
  appt.RequiredAttendees.Add(ATTENDEE);
  await appt.Save(
    ews.WellKnownFolderName.Calendar,
    send ? ews.SendInvitationsMode.SendToAllAndSaveCopy : ews.SendInvitationsMode.SendToNone,
  );
  return { itemId: appt.Id.UniqueId, start };
}

/** What the simulator itself holds for the organizer's item: independent of Roomserve's EWS reading. */
function cleanGlobalObjectIdOf(itemId: string): string {
  const item = sim.control.model.readCalendar(ORGANIZER).find((i) => i.itemId.id === itemId);
  if (!item) throw new Error(`no item ${itemId} in ${ORGANIZER}'s calendar`);
  return item.cleanGlobalObjectId;
}

/** Lukas's own copy of the meeting, as his Outlook shows it. */
async function attendeeItemId(subject: string, start: Date): Promise<string> {
  const view = new ews.CalendarView(at(start.toISOString()), at(new Date(start.getTime() + 3_600_000).toISOString()));
  const found = await lukasEws.FindAppointments(ews.WellKnownFolderName.Calendar, view);
  const copy = found.Items.find((i) => i.Subject === subject);
  if (!copy) throw new Error(`no copy of ${subject} in ${ATTENDEE}'s calendar`);
  return copy.Id.UniqueId;
}

const orderCount = async (): Promise<number> =>
  Number((await db.knex('orders').count<{ n: string }[]>('* as n'))[0]?.n);

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
  tokens.emma = await tokenOf(ORGANIZER, 'employee');
  tokens.lukas = await tokenOf(ATTENDEE, 'employee');
  tokens.sophie = await tokenOf(OUTSIDER, 'employee');
  tokens.facility = await tokenOf('frieda.facility@northwind.test', 'facility');
  emmaEws = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
  lukasEws = ewsService(sim.url, 'NORTHWIND\\lukas.meyer', PASSWORD, 'basic', sim.control.caCertPem);
  await t.sync.restart(await t.deps.exchange.gateway());
}, 90_000);

afterAll(async () => {
  await t.sync.restart(null);
  await sim.close();
  await db.close();
});

describe('an order on the Outlook item', () => {
  it('links the order to the meeting (clean global object id) and to the room’s booking', async () => {
    const { itemId, start } = await meeting('Catered planning');

    const res = await api(tokens.emma).order({ itemId });

    expect(res.status).toBe(201);
    const [placed] = (res.body as { orders: Order[] }).orders;
    const goid = cleanGlobalObjectIdOf(itemId);
    expect(goid).not.toBe('');
    const booking = await db
      .knex('bookings')
      .where({ room_id: roomId, clean_global_object_id: goid })
      .first<{ id: string }>('id');
    expect(placed).toMatchObject({
      bookingId: booking.id,
      roomId,
      meeting: { cleanGlobalObjectId: goid, subject: expect.any(String) as unknown },
      eventStart: start.toISOString(),
      deliveryAt: new Date(start.getTime() - 10 * 60_000).toISOString(),
      orderer: { email: ORGANIZER },
    });
  });

  it('orders for one occurrence of a series by the occurrence’s ItemId; the series itself is refused', async () => {
    day += 1;
    const first = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + day * 86_400_000 + 13 * 3_600_000);
    day += 3;
    const series = new ews.Appointment(emmaEws);
    series.Subject = 'Daily stand-up';
    series.Start = at(first.toISOString());
    series.End = at(new Date(first.getTime() + 1_800_000).toISOString());
    series.StartTimeZone = ews.TimeZoneInfo.Utc;
    series.EndTimeZone = ews.TimeZoneInfo.Utc;
    const pattern = new ews.Recurrence.DailyPattern();
    pattern.StartDate = at(first.toISOString());
    pattern.Interval = 1;
    pattern.NumberOfOccurrences = 3;
    series.Recurrence = pattern;
    series.Resources.Add(ROOM);
    await series.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
    const second = new Date(first.getTime() + 86_400_000);
    const view = new ews.CalendarView(
      at(second.toISOString()),
      at(new Date(second.getTime() + 1_800_000).toISOString()),
    );
    const occurrence = (await emmaEws.FindAppointments(ews.WellKnownFolderName.Calendar, view)).Items.find(
      (i) => i.Subject === 'Daily stand-up',
    );
    if (!occurrence) throw new Error('no second occurrence in the organizer’s calendar');

    const res = await api(tokens.emma).order({ itemId: occurrence.Id.UniqueId });
    const whole = await api(tokens.emma).order({ itemId: series.Id.UniqueId });

    expect(res.status).toBe(201);
    const [placed] = (res.body as { orders: Order[] }).orders;
    expect(placed).toMatchObject({
      eventStart: second.toISOString(),
      meeting: { originalStart: second.toISOString() },
    });
    const booking = await db.knex('bookings').where({ id: placed?.bookingId }).first<{ is_occurrence: boolean }>();
    expect(booking.is_occurrence).toBe(true);
    expect(whole.status).toBe(422);
  });

  it('answers 404 for an item that is not in the orderer’s mailbox, and writes nothing', async () => {
    const { itemId } = await meeting('Not Sophie’s meeting');
    const before = await orderCount();

    const foreign = await api(tokens.sophie).order({ itemId });
    const unknown = await api(tokens.emma).order({
      itemId: 'AAMkADk4ZmU5NzkzLWM2YWMtNDQ2Yy1iODI2LTZlMmI0ZmQ4YTAwZgBGAAA=',
    });

    expect([foreign.status, unknown.status]).toEqual([404, 404]);
    expect(await orderCount()).toBe(before);
  });

  it('lets only the organizer order: an attendee’s own copy is found but refused with 403', async () => {
    const { start } = await meeting('Lukas wants cake');
    const own = await attendeeItemId('Lukas wants cake', start);

    const res = await api(tokens.lukas).order({ itemId: own });

    expect(res.status).toBe(403);
  });

  it('looks in the onBehalfOf person’s mailbox for the facility team, and never for an employee', async () => {
    const { itemId } = await meeting('Ordered by the facility team');
    const order = (token: string) =>
      request(t.app)
        .post('/api/orders')
        .set('Authorization', `Bearer ${token}`)
        .send({
          target: { itemId },
          lines: [{ itemId: coffee, quantity: 1 }],
          delivery: { kind: 'at-start' },
          onBehalfOf: ORGANIZER,
        });

    // Were Emma's mailbox read for Sophie, this fault would turn the answer into a 503.
    sim.control.model.addFault({ kind: 'http503', match: { operation: 'GetItem', mailbox: ORGANIZER } });
    let refused: request.Response;
    try {
      refused = await order(tokens.sophie);
    } finally {
      sim.control.model.clearFaults();
    }
    const placed = await order(tokens.facility);

    expect(refused.status).toBe(403);
    expect(placed.status).toBe(201);
    expect((placed.body as { orders: Order[] }).orders[0]?.orderer.email).toBe(ORGANIZER);
  });

  it('answers 409 meeting_not_synced when the room has no booking of the meeting (saved, not sent)', async () => {
    const { itemId } = await meeting('Saved but not sent', false);
    const before = await orderCount();

    const res = await api(tokens.emma).order({ itemId });

    expect(res.status).toBe(409);
    expect((res.body as { error: { code: string } }).error.code).toBe('meeting_not_synced');
    expect(await orderCount()).toBe(before);
  });

  it('answers 503 when Exchange cannot be reached, and writes nothing', async () => {
    const { itemId } = await meeting('Exchange is down');
    const before = await orderCount();
    // IIS answers 503 to every GetItem in Emma's mailbox: our retries run out, nothing is ordered.
    sim.control.model.addFault({ kind: 'http503', match: { operation: 'GetItem', mailbox: ORGANIZER } });
    try {
      const res = await api(tokens.emma).order({ itemId });
      expect(res.status).toBe(503);
    } finally {
      sim.control.model.clearFaults();
    }
    expect(await orderCount()).toBe(before);
  });
});

describe('the meeting’s catering for its attendees', () => {
  let start: Date;
  let lukasItemId: string;

  beforeAll(async () => {
    const created = await meeting('Team breakfast');
    start = created.start;
    const res = await api(tokens.emma).order({ itemId: created.itemId });
    expect(res.status).toBe(201);
    lukasItemId = await attendeeItemId('Team breakfast', start);
  });

  it('shows an attendee the orders of the meeting, without cost center, notes or prices', async () => {
    const res = await api(tokens.lukas).ofItem({ itemId: lukasItemId });

    expect(res.status).toBe(200);
    const orders = res.body as AttendeeOrder[];
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      status: 'requested',
      deliveryAt: new Date(start.getTime() - 10 * 60_000).toISOString(),
      lines: [{ quantity: 2 }],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/CC-4711|Door code|costCenter|notes|totalMinor/);
  });

  it('gives someone who is not invited nothing: their mailbox has no such item (404)', async () => {
    const res = await api(tokens.sophie).ofItem({ itemId: lukasItemId });

    expect(res.status).toBe(404);
  });

  it('lets only admins and the facility team name another mailbox', async () => {
    const sophie = await api(tokens.sophie).ofItem({ itemId: lukasItemId, mailbox: ATTENDEE });
    const facility = await api(tokens.facility).ofItem({ itemId: lukasItemId, mailbox: ATTENDEE });

    expect(sophie.status).toBe(403);
    expect(facility.status).toBe(200);
    expect(facility.body).toHaveLength(1);
  });
});
