import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Booking } from '../../shared/schemas/bookings';
import type { EventView } from '../../shared/schemas/events';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import { readRoomCalendar, type RoomCalendarEntry } from '../support/exchangeCalendars';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Part of a series changed from Roomserve (issue 17): one occurrence changed, declined by the room,
 * cancelled; the whole series moved, and a move the room declines; moves onto a taken time refused
 * before anything is sent to Exchange. Every outcome is read back over EWS with ews-javascript-api
 * as an independent reader (the room's and an attendee's calendars).
 */

const ELBE = 'room.harbour.0.elbe@northwind.test';
const ALSTER = 'room.harbour.0.alster@northwind.test';
const EMMA = 'emma.schmidt@northwind.test';
const LUKAS = 'lukas.meyer@northwind.test';

let sim: RunningExchangeSim;
let db: TestDatabase;
let testApp: TestApp;
let emma: string;
const rooms: Record<string, string> = {};
/** Every EWS operation the simulator received, in order. */
const operations: string[] = [];
const WRITES = new Set(['CreateItem', 'UpdateItem', 'DeleteItem', 'SendItem', 'MoveItem', 'CopyItem']);

/** The EWS writes (of any mailbox) that reached Exchange while `act` ran. */
async function writesDuring(act: () => Promise<void>): Promise<string[]> {
  const from = operations.length;
  await act();
  return operations.slice(from).filter((op) => WRITES.has(op));
}

/** The room's attendant declines anything longer than an hour while `act` runs (its booking policy). */
async function withHourLimit(room: string, act: () => Promise<void>): Promise<void> {
  const before = sim.control.model.calendarProcessing(room).maximumDurationInMinutes;
  sim.control.model.setCalendarProcessing(room, { maximumDurationInMinutes: 60 });
  try {
    await act();
  } finally {
    sim.control.model.setCalendarProcessing(room, { maximumDurationInMinutes: before });
  }
}

interface ConflictBody {
  error: {
    code: string;
    details: { conflicts: { start: string; end: string }[]; alternatives: { kind: string; roomId: string }[] };
  };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const BASE = Math.floor(Date.now() / DAY_MS + 3) * DAY_MS;
const iso = (ms: number): string => new Date(ms).toISOString();
/** Day `day` after BASE, hours in UTC. */
const slot = (day: number, fromHour: number, toHour: number) => ({
  start: iso(BASE + day * DAY_MS + fromHour * HOUR_MS),
  end: iso(BASE + day * DAY_MS + toHour * HOUR_MS),
});
const WEEKDAY = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const api = (token: string) => ({
  post: (path: string, body: object) =>
    request(testApp.app).post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  get: (path: string) => request(testApp.app).get(`/api${path}`).set('Authorization', `Bearer ${token}`),
  patch: (path: string, body: object) =>
    request(testApp.app).patch(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  delete: (path: string) => request(testApp.app).delete(`/api${path}`).set('Authorization', `Bearer ${token}`),
});

/** What a mailbox's calendar holds in a window, over EWS, as `start–end type` (cancelled copies left out). */
async function heldIn(mailbox: string, from: string, to: string): Promise<string[]> {
  const entries: RoomCalendarEntry[] = await readRoomCalendar(
    { url: sim.url, caCertPem: sim.control.caCertPem },
    mailbox,
    { start: new Date(from), end: new Date(to) },
  );
  return entries.map((e) => `${new Date(e.start).toISOString()}–${new Date(e.end).toISOString()} ${e.type}`).sort();
}

async function settled(id: string): Promise<Booking> {
  const res = await api(emma).get(`/bookings/${id}?wait=10`);
  expect(res.status).toBe(200);
  return res.body as Booking;
}

/** A weekly series of `count` in the room on BASE + `day`, `hour` to an hour later (UTC), with Lukas. */
async function weeklySeries(room: string, day: number, count: number, title: string, hour = 9): Promise<EventView> {
  const first = slot(day, hour, hour + 1);
  const res = await api(emma).post('/events', {
    roomId: rooms[room],
    ...first,
    title,
    attendees: [{ email: LUKAS }],
    recurrence: { pattern: 'weekly', daysOfWeek: [WEEKDAY[new Date(first.start).getUTCDay()]], count },
  });
  if (res.status !== 201) throw new Error(`POST /events answered ${res.status}: ${JSON.stringify(res.body)}`);
  const event = res.body as EventView;
  expect((await settled(event.id)).status).toBe('confirmed');
  return event;
}

async function block(room: string, s: { start: string; end: string }): Promise<void> {
  const res = await api(emma).post('/bookings', { roomId: rooms[room], ...s, subject: 'In the way' });
  expect(res.status).toBe(201);
  expect((await settled((res.body as Booking).id)).status).toBe('confirmed');
}

const occurrencePath = (id: string, originalStart: string): string =>
  `/events/${id}?scope=occurrence&occurrence=${encodeURIComponent(originalStart)}`;

beforeAll(async () => {
  sim = await startExchangeSim({
    seed: 'demo',
    attendantDelayMs: 30,
    validateRequests: false,
    onRequest: (operation) => operations.push(operation),
  });
  db = await createTestDatabase();
  testApp = createTestApp(db.knex);
  const admin = await testApp.tokenFor('admin');
  await connectToDemoSim(testApp.app, admin, sim);
  const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
  for (const email of [ELBE, ALSTER]) {
    rooms[email] = await buildRoom(db.knex, { floorId, exchangeEmail: email, capacity: 8, name: email.split('.')[3] });
    await db.knex('rooms').where({ id: rooms[email] }).update({ exchange_state: 'verified' });
  }
  const user = await buildUser(db.knex, { email: EMMA, role: 'employee', name: 'Emma Schmidt' });
  emma = (await testApp.deps.auth.createApiToken(user.id, { name: 'test' })).token;
  const saved = await request(testApp.app)
    .put('/api/admin/booking-settings')
    .set('Authorization', `Bearer ${admin}`)
    .send({ readOnly: false, bookingMailbox: null, mode: 'events' });
  expect(saved.status).toBe(200);
}, 90_000);

afterAll(async () => {
  await testApp.deps.bookings.idle();
  await sim.close();
  await db.close();
});

describe('one occurrence of a series', () => {
  it('moves and renames one occurrence: an exception in the room’s and the attendee’s calendars, the others kept', async () => {
    const event = await weeklySeries(ELBE, 7, 3, 'Weekly sync');
    const second = slot(14, 9, 10);
    const later = slot(14, 11, 12);
    const res = await api(emma).patch(occurrencePath(event.id, second.start), { ...later, title: 'Moved sync' });
    expect(res.status).toBe(200);
    expect(res.body as EventView).toMatchObject({ start: later.start, end: later.end, title: 'Moved sync' });
    await sim.control.model.whenIdle();
    const window = [slot(7, 0, 0).start, slot(22, 0, 0).start] as const;
    const expected = [
      `${slot(7, 9, 10).start}–${slot(7, 9, 10).end} Occurrence`,
      `${later.start}–${later.end} Exception`,
      `${slot(21, 9, 10).start}–${slot(21, 9, 10).end} Occurrence`,
    ];
    expect(await heldIn(ELBE, ...window)).toEqual(expected);
    expect(await heldIn(LUKAS, ...window)).toEqual(expected);
    // The series itself reads as before.
    const series = await api(emma).get(`/events/${event.id}`);
    expect(series.body as EventView).toMatchObject({ start: event.start, title: 'Weekly sync' });
  });

  it('keeps an occurrence where it was when the room declines its new time (409)', async () => {
    const event = await weeklySeries(ELBE, 8, 2, 'Declined move');
    const second = slot(15, 9, 10);
    // Free by every calendar, but longer than the room's attendant allows: it declines.
    const longer = {
      start: slot(15, 13, 14).start,
      end: new Date(Date.parse(slot(15, 14, 15).start) + 30 * 60_000).toISOString(),
    };
    await withHourLimit(ELBE, async () => {
      const res = await api(emma).patch(occurrencePath(event.id, second.start), longer);
      expect(res.status).toBe(409);
      expect((res.body as { error: { details: { outcome: string } } }).error.details.outcome).toBe('declined');
      await sim.control.model.whenIdle();
    });
    // Back at its time; once changed, Exchange keeps it as an exception of the series.
    expect(await heldIn(ELBE, slot(15, 0, 0).start, slot(16, 0, 0).start)).toEqual([
      `${second.start}–${second.end} Exception`,
    ]);
  });

  it('refuses a move onto a taken time with alternatives, before anything is sent to Exchange (409)', async () => {
    const event = await weeklySeries(ELBE, 12, 2, 'Pre-checked', 8);
    const second = slot(19, 8, 9);
    const taken = slot(19, 12, 13);
    await block(ELBE, taken);
    let res: request.Response | undefined;
    const writes = await writesDuring(async () => {
      res = await api(emma).patch(occurrencePath(event.id, second.start), { ...taken, title: 'Onto the block' });
    });
    expect(res?.status).toBe(409);
    const body = res?.body as ConflictBody;
    expect(body.error.details.conflicts).toEqual([taken]);
    expect(body.error.details.alternatives).toContainEqual(
      expect.objectContaining({ kind: 'other-room', roomId: rooms[ALSTER] }),
    );
    expect(body.error.details.alternatives).toContainEqual(
      expect.objectContaining({ kind: 'other-time', roomId: rooms[ELBE] }),
    );
    expect(writes).toEqual([]);
    await sim.control.model.whenIdle();
    // Untouched in Exchange: still a plain occurrence (a change would have made it an exception).
    const day = [slot(19, 0, 0).start, slot(20, 0, 0).start] as const;
    expect(await heldIn(ELBE, ...day)).toEqual([
      `${second.start}–${second.end} Occurrence`,
      `${taken.start}–${taken.end} Single`,
    ]);
    expect(await heldIn(LUKAS, ...day)).toContain(`${second.start}–${second.end} Occurrence`);
    // The series' own times are not in the way: half an hour later overlaps only itself.
    const halfLater = {
      start: new Date(Date.parse(second.start) + 30 * 60_000).toISOString(),
      end: new Date(Date.parse(second.end) + 30 * 60_000).toISOString(),
    };
    expect((await api(emma).patch(occurrencePath(event.id, second.start), halfLater)).status).toBe(200);
  });

  it('cancels one occurrence: gone from the room and the attendee, the others kept', async () => {
    const event = await weeklySeries(ELBE, 9, 3, 'One off', 16);
    const second = slot(16, 16, 17);
    expect((await api(emma).delete(occurrencePath(event.id, second.start))).status).toBe(204);
    await sim.control.model.whenIdle();
    const window = [slot(9, 0, 0).start, slot(24, 0, 0).start] as const;
    const expected = [
      `${slot(9, 16, 17).start}–${slot(9, 16, 17).end} Occurrence`,
      `${slot(23, 16, 17).start}–${slot(23, 16, 17).end} Occurrence`,
    ];
    const at16 = (entries: string[]): string[] => entries.filter((e) => e.includes('T16:00:00.000Z–'));
    expect(at16(await heldIn(ELBE, ...window))).toEqual(expected);
    expect(at16(await heldIn(LUKAS, ...window))).toEqual(expected);
    // The event view no longer offers it to be picked for a change or cancellation.
    const view = (await api(emma).get(`/events/${event.id}`)).body as EventView;
    expect(view.occurrences.map((o) => o.start)).toEqual([slot(9, 16, 17).start, slot(23, 16, 17).start]);
    // Cancelled already: the occurrence is not there any more.
    expect((await api(emma).delete(occurrencePath(event.id, second.start))).status).toBe(404);
  });

  it('needs the occurrence named (400), one the series has (404)', async () => {
    const event = await weeklySeries(ELBE, 10, 2, 'Named');
    expect((await api(emma).patch(`/events/${event.id}?scope=occurrence`, { title: 'x' })).status).toBe(400);
    expect((await api(emma).patch(occurrencePath(event.id, slot(11, 9, 10).start), { title: 'x' })).status).toBe(404);
    expect(
      (
        await api(emma).patch(occurrencePath(event.id, slot(10, 9, 10).start), {
          onlineMeetingUrl: 'https://a.example',
        })
      ).status,
    ).toBe(422);
  });
});

describe('the whole series', () => {
  it('moves every occurrence a day and an hour later, into another room', async () => {
    const event = await weeklySeries(ALSTER, 7, 3, 'Moving series');
    const res = await api(emma).patch(`/events/${event.id}`, { ...slot(8, 10, 11), roomId: rooms[ELBE] });
    expect(res.status).toBe(200);
    const moved = res.body as EventView;
    expect(moved).toMatchObject({ start: slot(8, 10, 11).start, roomId: rooms[ELBE] });
    expect(moved.recurrence?.daysOfWeek).toEqual([WEEKDAY[new Date(slot(8, 10, 11).start).getUTCDay()]]);
    await sim.control.model.whenIdle();
    const window = [slot(7, 0, 0).start, slot(23, 0, 0).start] as const;
    expect(await heldIn(ALSTER, ...window)).toEqual([]);
    const elbe = await heldIn(ELBE, ...window);
    for (const day of [8, 15, 22])
      expect(elbe).toContain(`${slot(day, 10, 11).start}–${slot(day, 10, 11).end} Occurrence`);
    expect((await heldIn(LUKAS, ...window)).filter((e) => e.includes('T10:00:00.000Z–'))).toHaveLength(3);
  });

  it('keeps the series where it was when the room declines the move (409)', async () => {
    const event = await weeklySeries(ALSTER, 11, 2, 'Staying series');
    // Free by every calendar, but longer than the room's attendant allows: it declines.
    const longer = {
      start: slot(11, 15, 16).start,
      end: new Date(Date.parse(slot(11, 16, 17).start) + 30 * 60_000).toISOString(),
    };
    await withHourLimit(ALSTER, async () => {
      const res = await api(emma).patch(`/events/${event.id}`, longer);
      expect(res.status).toBe(409);
      expect((res.body as { error: { details: { outcome: string } } }).error.details.outcome).toBe('declined');
      await sim.control.model.whenIdle();
    });
    const window = [slot(11, 0, 0).start, slot(19, 0, 0).start] as const;
    expect((await heldIn(ALSTER, ...window)).filter((e) => e.endsWith('Occurrence'))).toEqual([
      `${slot(11, 9, 10).start}–${slot(11, 9, 10).end} Occurrence`,
      `${slot(18, 9, 10).start}–${slot(18, 9, 10).end} Occurrence`,
    ]);
    const after = await api(emma).get(`/events/${event.id}`);
    expect(after.body as EventView).toMatchObject({ start: event.start, roomId: rooms[ALSTER] });
  });

  it('refuses a move onto a taken time with alternatives, before anything is sent to Exchange (409)', async () => {
    const event = await weeklySeries(ALSTER, 12, 3, 'Pre-checked series', 14);
    // The second week's new time is taken.
    await block(ALSTER, slot(19, 15, 16));
    let res: request.Response | undefined;
    const writes = await writesDuring(async () => {
      res = await api(emma).patch(`/events/${event.id}`, slot(12, 15, 16));
    });
    expect(res?.status).toBe(409);
    const body = res?.body as ConflictBody;
    expect(body.error.details.conflicts).toEqual([slot(19, 15, 16)]);
    expect(body.error.details.alternatives.length).toBeGreaterThan(0);
    expect(writes).toEqual([]);
    await sim.control.model.whenIdle();
    const window = [slot(12, 0, 0).start, slot(27, 0, 0).start] as const;
    expect((await heldIn(ALSTER, ...window)).filter((e) => e.includes('T14:00:00.000Z–'))).toEqual(
      [12, 19, 26].map((day) => `${slot(day, 14, 15).start}–${slot(day, 14, 15).end} Occurrence`),
    );
    expect((await api(emma).get(`/events/${event.id}`)).body as EventView).toMatchObject({ start: event.start });
    // Its own occurrences are not in the way: half an hour earlier overlaps only the series itself.
    const halfEarlier = {
      start: new Date(Date.parse(slot(12, 14, 15).start) - 30 * 60_000).toISOString(),
      end: new Date(Date.parse(slot(12, 14, 15).end) - 30 * 60_000).toISOString(),
    };
    const moved = await api(emma).patch(`/events/${event.id}`, halfEarlier);
    expect(moved.status).toBe(200);
    expect(moved.body as EventView).toMatchObject({ start: halfEarlier.start });
  });
});
