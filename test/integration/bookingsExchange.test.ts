import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import type { Booking, BookingConflict } from '../../shared/schemas/bookings';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { connectToDemoSim } from '../support/demoExchange';

/**
 * Bookings made in Roomserve against the simulated Exchange, through the HTTP API, with the sync
 * running: the booking attendant judges, races end with one winner in both systems, bad input
 * writes nothing, declined moves keep the original.
 */

const ELBE = 'room.harbour.0.elbe@northwind.test';
const ALSTER = 'room.harbour.0.alster@northwind.test';
const BILLE = 'room.harbour.0.bille@northwind.test';
const LUHE = 'room.harbour.0.luhe@northwind.test';
const PASSWORD = 'Roomserve-demo-1';

let sim: RunningExchangeSim;
let db: TestDatabase;
let testApp: TestApp;
let emma: string;
let lukas: string;
let external: string;
const rooms: Record<string, string> = {};

const DAY_MS = 86_400_000;
const BASE = Math.floor(Date.now() / DAY_MS + 3) * DAY_MS;
/** A slot on its own day per test, so tests never share a room's time. */
function slot(day: number, fromHour: number, toHour: number): { start: string; end: string } {
  return {
    start: new Date(BASE + day * DAY_MS + fromHour * 3_600_000).toISOString(),
    end: new Date(BASE + day * DAY_MS + toHour * 3_600_000).toISOString(),
  };
}

async function tokenOf(email: string, role: 'employee' | 'external' | 'admin', name: string): Promise<string> {
  const user = await buildUser(db.knex, { email, role, name });
  return (await testApp.deps.auth.createApiToken(user.id, { name: 'test' })).token;
}

const api = (token: string) => ({
  post: (path: string, body: object) =>
    request(testApp.app).post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  get: (path: string) => request(testApp.app).get(`/api${path}`).set('Authorization', `Bearer ${token}`),
  patch: (path: string, body: object) =>
    request(testApp.app).patch(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  delete: (path: string) => request(testApp.app).delete(`/api${path}`).set('Authorization', `Bearer ${token}`),
});

async function settled(token: string, id: string): Promise<Booking> {
  const res = await api(token).get(`/bookings/${id}?wait=10`);
  expect(res.status).toBe(200);
  return res.body as Booking;
}

/** Items of a room's calendar (not cancelled) overlapping a slot. */
function roomItems(room: string, s: { start: string; end: string }) {
  return sim.control.model
    .readCalendar(room)
    .filter((i) => !i.isCancelled && i.start < Date.parse(s.end) && Date.parse(s.start) < i.end);
}

async function liveBookings(
  roomId: string,
  s: { start: string; end: string },
): Promise<{ id: string; source: string }[]> {
  const rows: { id: string; source: string }[] = await db
    .knex('bookings')
    .where({ room_id: roomId })
    .whereIn('status', ['pending', 'confirmed'])
    .whereRaw("during && tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')", [s.start, s.end])
    .select('id', 'source');
  return rows;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 50, validateRequests: false });
  db = await createTestDatabase();
  testApp = createTestApp(db.knex);
  const admin = await testApp.tokenFor('admin');
  await connectToDemoSim(testApp.app, admin, sim);
  const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
  for (const [email, capacity] of [
    [ELBE, 6],
    [ALSTER, 8],
    [BILLE, 6],
  ] as const) {
    rooms[email] = await buildRoom(db.knex, { floorId, exchangeEmail: email, capacity, name: email.split('.')[3] });
    await db.knex('rooms').where({ id: rooms[email] }).update({ exchange_state: 'verified' });
  }
  rooms.unconnected = await buildRoom(db.knex, { floorId, name: 'Unconnected' });
  rooms.externalOnly = await buildRoom(db.knex, { floorId, exchangeEmail: LUHE, bookableExternal: true });
  await db.knex('rooms').where({ id: rooms.externalOnly }).update({ exchange_state: 'verified' });
  emma = await tokenOf('emma.schmidt@northwind.test', 'employee', 'Emma Schmidt');
  lukas = await tokenOf('lukas.meyer@northwind.test', 'employee', 'Lukas Meyer');
  external = await tokenOf('eve@partner.example', 'external', 'Eve Extern');
  // The sync runs as in production, so echoes of our own writes are part of every test.
  await testApp.sync.restart(await testApp.deps.exchange.gateway());
}, 90_000);

afterAll(async () => {
  await testApp.deps.bookings.idle();
  await testApp.sync.restart(null);
  await sim.close();
  await db.close();
});

describe('booking a room in Roomserve', () => {
  it('creates the meeting in the employee’s own calendar; the attendant confirms it; the sync does not duplicate it', async () => {
    const s = slot(0, 9, 10);
    const res = await api(emma).post('/bookings', {
      roomId: rooms[ELBE],
      ...s,
      subject: 'Plans & <ideas>',
      attendees: ['lukas.meyer@northwind.test'],
    });
    expect(res.status).toBe(201);
    const pending = res.body as Booking;
    expect(pending.status).toBe('pending');
    const done = await settled(emma, pending.id);
    expect(done.status).toBe('confirmed');
    // The building's zone comes along, so the web app can show its wall-clock time beside the browser's.
    expect(done.timeZone).toBe('Europe/Berlin');
    const organizerCopy = sim.control.model
      .readCalendar('emma.schmidt@northwind.test')
      .find((i) => i.uid === `roomserve-${pending.id}`);
    expect(organizerCopy?.subject).toBe('Plans & <ideas>');
    expect(roomItems(ELBE, s)).toHaveLength(1);
    // The room's copy reaches the sync: still exactly one booking, ours, confirmed.
    await until('the sync to see the room copy', async () => {
      const row = await db
        .knex('bookings')
        .where({ id: pending.id })
        .first<{ ews_item_id: string | null }>('ews_item_id');
      return row?.ews_item_id !== null && row?.ews_item_id !== undefined;
    });
    expect(await liveBookings(rooms[ELBE] ?? '', s)).toEqual([{ id: pending.id, source: 'app' }]);
    const mine = await api(emma).get('/bookings');
    expect((mine.body as Booking[]).map((b) => b.id)).toContain(pending.id);
    // Someone else asks for the slot: the one meeting (our booking and Exchange's free/busy) is named once.
    const taken = await api(lukas).post('/bookings', { roomId: rooms[ELBE], ...s, subject: 'Too late' });
    expect(taken.status).toBe(409);
    expect((taken.body as { error: { details: BookingConflict } }).error.details.conflicts).toEqual([s]);
  });

  it("a refused booking says who holds the room: the organizer's name to an employee, nothing to an external", async () => {
    const s = slot(1, 11, 12);
    const held = await api(lukas).post('/bookings', { roomId: rooms.externalOnly, ...s, subject: 'Partner prep' });
    expect(held.status).toBe(201);
    const heldBy = async (token: string) => {
      const res = await api(token).post('/bookings', { roomId: rooms.externalOnly, ...s, subject: 'Mine' });
      expect(res.status).toBe(409);
      return (res.body as { error: { details: BookingConflict } }).error.details.heldBy;
    };
    expect(await heldBy(emma)).toEqual([{ ...s, organizer: 'Lukas Meyer', subject: 'Partner prep' }]);
    expect(await heldBy(external)).toEqual([{ ...s, organizer: null, subject: null }]);
    expect((await settled(lukas, (held.body as Booking).id)).status).toBe('confirmed');
  });

  it('books for an external user through the service account, with the booker in the body', async () => {
    const s = slot(1, 9, 10);
    const res = await api(external).post('/bookings', { roomId: rooms.externalOnly, ...s, subject: 'Partner visit' });
    expect(res.status).toBe(201);
    const done = await settled(external, (res.body as Booking).id);
    expect(done.status).toBe('confirmed');
    expect(done.booker).toEqual({ name: 'Eve Extern', email: 'eve@partner.example' });
    const copy = sim.control.model
      .readCalendar('svc-roomserve@northwind.test')
      .find((i) => i.uid === `roomserve-${done.id}`);
    expect(copy?.body.value).toContain('eve@partner.example');
  });

  it('test 1: of 50 concurrent requests for one slot exactly one is confirmed and Exchange holds one item', async () => {
    const s = slot(2, 10, 11);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api(emma).post('/bookings', { roomId: rooms[ELBE], ...s, subject: `Race ${i}` }),
      ),
    );
    const created = answers.filter((r) => r.status === 201).map((r) => (r.body as Booking).id);
    const refused = answers.filter((r) => r.status === 409);
    expect(created.length + refused.length).toBe(50);
    const outcomes = await Promise.all(created.map((id) => settled(emma, id)));
    expect(outcomes.filter((b) => b.status === 'confirmed')).toHaveLength(1);
    expect(outcomes.filter((b) => b.status !== 'confirmed' && b.status !== 'declined')).toHaveLength(0);
    await sim.control.model.whenIdle();
    expect(roomItems(ELBE, s)).toHaveLength(1);
    const conflict = refused[0]?.body as { error: { details: BookingConflict } } | undefined;
    expect(conflict?.error.details.conflicts[0]).toEqual(s);
    expect(conflict?.error.details.alternatives.length).toBeGreaterThan(0);
    expect(conflict?.error.details.alternatives.length).toBeLessThanOrEqual(3);
  });

  it('test 2: an Outlook user and Roomserve race for a slot; one wins in both systems and the loser is told', async () => {
    const s = slot(3, 10, 11);
    sim.control.model.setAttendantDelayMs(300);
    const lukasEws = ewsService(sim.url, 'NORTHWIND\\lukas.meyer', PASSWORD, 'basic', sim.control.caCertPem);
    const outlook = new ews.Appointment(lukasEws);
    outlook.Subject = 'Outlook meeting';
    outlook.Start = at(s.start);
    outlook.End = at(s.end);
    outlook.StartTimeZone = ews.TimeZoneInfo.Utc;
    outlook.EndTimeZone = ews.TimeZoneInfo.Utc;
    outlook.Resources.Add(BILLE);
    const [, posted] = await Promise.all([
      outlook.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy),
      api(emma).post('/bookings', { roomId: rooms[BILLE], ...s, subject: 'Roomserve meeting' }),
    ]);
    sim.control.model.setAttendantDelayMs(50);
    await sim.control.model.whenIdle();
    expect(roomItems(BILLE, s)).toHaveLength(1);
    const outlookCopy = sim.control.model
      .readCalendar('lukas.meyer@northwind.test')
      .find((i) => i.subject === 'Outlook meeting');
    const outlookAnswer = outlookCopy?.resources.find((r) => r.mailbox.emailAddress === BILLE)?.responseType;
    const roomserve = posted.status === 201 ? await settled(emma, (posted.body as Booking).id) : undefined;
    const roomserveWon = roomserve?.status === 'confirmed';
    // The loser is told: Roomserve's booking says declined (or the POST said 409); Outlook's copy shows Decline.
    if (roomserveWon) expect(outlookAnswer).toBe('Decline');
    else {
      expect(outlookAnswer).toBe('Accept');
      if (roomserve) expect(roomserve.declinedReason).toMatch(/already booked/);
      else expect(posted.status).toBe(409);
    }
    await until('the sync to show exactly one live booking', async () => {
      const live = await liveBookings(rooms[BILLE] ?? '', s);
      return live.length === 1 && live[0]?.source === (roomserveWon ? 'app' : 'exchange');
    });
  });

  it('declines with the attendant’s reason, and a declined move keeps the original time and room', async () => {
    sim.control.model.setCalendarProcessing(ALSTER, { maximumDurationInMinutes: 60 });
    const long = slot(4, 9, 11);
    const res = await api(emma).post('/bookings', { roomId: rooms[ALSTER], ...long, subject: 'Too long for Exchange' });
    expect(res.status).toBe(201);
    const declined = await settled(emma, (res.body as Booking).id);
    expect(declined.status).toBe('declined');
    expect(declined.declinedReason).toMatch(/declined/);
    expect(roomItems(ALSTER, long)).toHaveLength(0);

    const s = slot(4, 13, 14);
    const ok = await api(emma).post('/bookings', { roomId: rooms[ALSTER], ...s, subject: 'Short one' });
    const booking = await settled(emma, (ok.body as Booking).id);
    expect(booking.status).toBe('confirmed');
    const refused = await api(emma).patch(`/bookings/${booking.id}`, slot(4, 15, 17));
    expect(refused.status).toBe(409);
    const after = (await api(emma).get(`/bookings/${booking.id}`)).body as Booking;
    expect([after.status, after.start, after.end, after.roomId]).toEqual(['confirmed', s.start, s.end, rooms[ALSTER]]);
    await sim.control.model.whenIdle();
    expect(roomItems(ALSTER, s).map((i) => i.uid)).toEqual([`roomserve-${booking.id}`]);
    sim.control.model.setCalendarProcessing(ALSTER, { maximumDurationInMinutes: 1440 });
  });

  it('moves, changes the room and cancels, with updates and cancellations sent', async () => {
    const s = slot(5, 9, 10);
    const created = await api(emma).post('/bookings', { roomId: rooms[ELBE], ...s, subject: 'Will wander' });
    const booking = await settled(emma, (created.body as Booking).id);
    const moved = await api(emma).patch(`/bookings/${booking.id}`, slot(5, 11, 12));
    expect([moved.status, (moved.body as { error?: unknown }).error]).toEqual([200, undefined]);
    expect((moved.body as Booking).start).toBe(slot(5, 11, 12).start);
    const swapped = await api(emma).patch(`/bookings/${booking.id}`, { roomId: rooms[ALSTER], subject: 'Wandered' });
    expect([swapped.status, (swapped.body as { error?: unknown }).error]).toEqual([200, undefined]);
    expect((swapped.body as Booking).roomId).toBe(rooms[ALSTER]);
    await sim.control.model.whenIdle();
    expect(roomItems(ELBE, slot(5, 0, 24))).toHaveLength(0);
    expect(roomItems(ALSTER, slot(5, 0, 24)).map((i) => i.start)).toEqual([Date.parse(slot(5, 11, 12).start)]);
    // Security issue #20: someone else's booking answers as an unknown id would (404, not 403).
    expect((await api(lukas).delete(`/bookings/${booking.id}`)).status).toBe(404);
    expect((await api(emma).delete(`/bookings/${booking.id}`)).status).toBe(204);
    await sim.control.model.whenIdle();
    expect(roomItems(ALSTER, slot(5, 0, 24))).toHaveLength(0);
    expect(((await api(emma).get(`/bookings/${booking.id}`)).body as Booking).status).toBe('cancelled');
  });

  it('reads cancelled from the moment the DELETE answers, though the room still shows the meeting to a sync', async () => {
    const created = await api(emma).post('/bookings', {
      roomId: rooms[ELBE],
      ...slot(9, 9, 10),
      subject: 'Called off',
    });
    const booking = await settled(emma, (created.body as Booking).id);
    expect(booking.status).toBe('confirmed');
    await sim.control.model.whenIdle();
    // The room's attendant is slow: its copy still holds the meeting while the sync reads it.
    sim.control.model.setAttendantDelayMs(6_000);
    try {
      expect((await api(emma).delete(`/bookings/${booking.id}`)).status).toBe(204);
      const sync = testApp.sync.current();
      expect(sync).not.toBeNull();
      await sync?.syncNow(rooms[ELBE] ?? '', true);
      expect(roomItems(ELBE, slot(9, 0, 24))).toHaveLength(1);
      expect(((await api(emma).get(`/bookings/${booking.id}`)).body as Booking).status).toBe('cancelled');
      expect(await liveBookings(rooms[ELBE] ?? '', slot(9, 0, 24))).toEqual([]);
    } finally {
      sim.control.model.setAttendantDelayMs(50);
    }
    await sim.control.model.whenIdle();
    expect(roomItems(ELBE, slot(9, 0, 24))).toHaveLength(0);
    expect(((await api(emma).get(`/bookings/${booking.id}`)).body as Booking).status).toBe('cancelled');
  }, 60_000);
});

describe('bad input and failure write nothing', () => {
  const s = slot(6, 9, 10);
  const cases: Array<[string, number, () => object, () => string]> = [
    ['start at or after end', 400, () => ({ roomId: rooms[ELBE], start: s.end, end: s.start }), () => emma],
    [
      'start in the past',
      422,
      () => ({ roomId: rooms[ELBE], start: new Date(Date.now() - 3_600_000).toISOString(), end: s.end }),
      () => emma,
    ],
    ['beyond the booking window', 422, () => ({ roomId: rooms[ELBE], ...slot(400, 9, 10) }), () => emma],
    ['longer than allowed', 422, () => ({ roomId: rooms[ELBE], ...slot(6, 0, 12) }), () => emma],
    ['unknown room', 404, () => ({ roomId: '00000000-0000-4000-8000-000000000000', ...s }), () => emma],
    ['room not connected to Exchange', 422, () => ({ roomId: rooms.unconnected, ...s }), () => emma],
    ['role not allowed to book', 403, () => ({ roomId: rooms[ELBE], ...s }), () => external],
    ['malformed body', 400, () => ({ roomId: rooms[ELBE], start: 'tomorrow', end: s.end }), () => emma],
  ];

  it.each(cases)('%s → %i', async (_name, status, body, token) => {
    const before = await db.knex('bookings').count<{ count: number }[]>('* as count');
    const itemsBefore = sim.control.model.readCalendar('emma.schmidt@northwind.test').length;
    const res = await api(token()).post('/bookings', { subject: 'Bad', ...body() });
    expect(res.status).toBe(status);
    expect((res.body as { error: { message: string } }).error.message).not.toBe('');
    expect(await db.knex('bookings').count<{ count: number }[]>('* as count')).toEqual(before);
    expect(sim.control.model.readCalendar('emma.schmidt@northwind.test')).toHaveLength(itemsBefore);
  });

  it.each([
    ['GetUserAvailabilityRequest', 7],
    ['CreateItem', 8],
  ])(
    'Exchange unreachable at %s → 503 and nothing half-way',
    async (operation, day) => {
      const t = slot(day, 9, 10);
      sim.control.model.addFault({ kind: 'http503', match: { operation } });
      try {
        const res = await api(emma).post('/bookings', { roomId: rooms[ELBE], ...t, subject: 'Unreachable' });
        expect(res.status).toBe(503);
      } finally {
        sim.control.model.clearFaults();
      }
      expect(await liveBookings(rooms[ELBE] ?? '', t)).toEqual([]);
      expect(
        sim.control.model.readCalendar('emma.schmidt@northwind.test').filter((i) => i.subject === 'Unreachable'),
      ).toEqual([]);
    },
    60_000,
  );
});
