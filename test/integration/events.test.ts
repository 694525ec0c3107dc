import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import type { Booking, BookingConflict, MyBooking } from '../../shared/schemas/bookings';
import type { DirectoryPeople, EventAvailability, EventView } from '../../shared/schemas/events';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { ewsService, impersonating } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import {
  duplicateBookings,
  readRoomCalendar,
  waitForMirror,
  type RoomCalendarEntry,
} from '../support/exchangeCalendars';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Event management against the simulated Exchange (issue 17), through the HTTP API. Every outcome
 * is read back over EWS with ews-javascript-api as an independent reader: each attendee's
 * calendar, the organizer's copy, the room's calendar.
 */

const ELBE = 'room.harbour.0.elbe@northwind.test';
const ALSTER = 'room.harbour.0.alster@northwind.test';
const EMMA = 'emma.schmidt@northwind.test';
const LUKAS = 'lukas.meyer@northwind.test';
const SOPHIE = 'sophie.wagner@northwind.test';
const JONAS = 'jonas.becker@northwind.test';
const MIA = 'mia.hoffmann@northwind.test';
const GUEST = 'guest@partner.example';
const PASSWORD = 'Roomserve-demo-1';

let sim: RunningExchangeSim;
let db: TestDatabase;
let testApp: TestApp;
let emma: string;
let admin: string;
const rooms: Record<string, string> = {};

const DAY_MS = 86_400_000;
const BASE = Math.floor(Date.now() / DAY_MS + 3) * DAY_MS;
function slot(day: number, fromHour: number, toHour: number): { start: string; end: string } {
  return {
    start: new Date(BASE + day * DAY_MS + fromHour * 3_600_000).toISOString(),
    end: new Date(BASE + day * DAY_MS + toHour * 3_600_000).toISOString(),
  };
}

const api = (token: string) => ({
  post: (path: string, body: object) =>
    request(testApp.app).post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  put: (path: string, body: object) =>
    request(testApp.app).put(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  get: (path: string) => request(testApp.app).get(`/api${path}`).set('Authorization', `Bearer ${token}`),
  patch: (path: string, body: object) =>
    request(testApp.app).patch(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  delete: (path: string) => request(testApp.app).delete(`/api${path}`).set('Authorization', `Bearer ${token}`),
});

const account = () => ({ url: sim.url, caCertPem: sim.control.caCertPem });

/** What a mailbox's calendar holds in a slot, read over EWS (cancelled copies left out). */
async function calendarOf(mailbox: string, s: { start: string; end: string }): Promise<RoomCalendarEntry[]> {
  return readRoomCalendar(account(), mailbox, { start: new Date(s.start), end: new Date(s.end) });
}

/** The organizer's copy of an event, read over EWS as the organizer (impersonated). */
async function organizerCopy(subject: string, s: { start: string; end: string }): Promise<ews.Appointment> {
  const service = impersonating(
    ewsService(sim.url, 'NORTHWIND\\svc-roomserve', PASSWORD, 'basic', sim.control.caCertPem),
    EMMA,
  );
  const view = new ews.CalendarView(new ews.DateTime(Date.parse(s.start)), new ews.DateTime(Date.parse(s.end)));
  const found = await service.FindAppointments(ews.WellKnownFolderName.Calendar, view);
  const hit = found.Items.find((i) => i.Subject === subject);
  if (!hit) throw new Error(`no "${subject}" in the organizer's calendar`);
  return ews.Appointment.Bind(
    service,
    hit.Id,
    new ews.PropertySet(ews.BasePropertySet.FirstClassProperties, [
      ews.AppointmentSchema.Body,
      ews.AppointmentSchema.Sensitivity,
      ews.AppointmentSchema.RequiredAttendees,
      ews.AppointmentSchema.OptionalAttendees,
    ]),
  );
}

async function confirmed(id: string): Promise<Booking> {
  const res = await api(emma).get(`/bookings/${id}?wait=10`);
  expect(res.status).toBe(200);
  return res.body as Booking;
}

async function createEvent(body: object): Promise<EventView> {
  const res = await api(emma).post('/events', body);
  if (res.status !== 201) throw new Error(`POST /events answered ${res.status}: ${JSON.stringify(res.body)}`);
  const event = res.body as EventView;
  expect((await confirmed(event.id)).status).toBe('confirmed');
  return event;
}

beforeAll(async () => {
  // Schema validation is left to peopleDirectory.test.ts: validating every request here triples the time.
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 30, validateRequests: false });
  db = await createTestDatabase();
  testApp = createTestApp(db.knex);
  admin = await testApp.tokenFor('admin');
  await connectToDemoSim(testApp.app, admin, sim);
  const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
  for (const [email, capacity] of [
    [ELBE, 6],
    [ALSTER, 8],
  ] as const) {
    rooms[email] = await buildRoom(db.knex, { floorId, exchangeEmail: email, capacity, name: email.split('.')[3] });
    await db.knex('rooms').where({ id: rooms[email] }).update({ exchange_state: 'verified' });
  }
  const user = await buildUser(db.knex, { email: EMMA, role: 'employee', name: 'Emma Schmidt' });
  emma = (await testApp.deps.auth.createApiToken(user.id, { name: 'test' })).token;
}, 90_000);

afterAll(async () => {
  await testApp.deps.bookings.idle();
  await sim.close();
  await db.close();
});

describe('the attendee picker', () => {
  it('finds people in Exchange’s directory, FindPeople once Exchange said it is 2013 or later, cached briefly', async () => {
    const first = await api(emma).get('/directory/people?q=soph');
    expect(first.status).toBe(200);
    expect((first.body as DirectoryPeople).items).toContainEqual({ name: 'Sophie Wagner', email: SOPHIE });
    sim.control.model.resetRequestCounts();
    const other = await api(emma).get('/directory/people?q=Lukas');
    expect((other.body as DirectoryPeople).items).toContainEqual({ name: 'Lukas Meyer', email: LUKAS });
    expect(sim.control.model.requestCounts().byOperation.FindPeople).toBe(1);
    const again = await api(emma).get('/directory/people?q=lukas');
    expect(again.body).toEqual(other.body);
    expect(sim.control.model.requestCounts().total).toBe(1);
  });

  it('answers an empty list when nobody matches, and 400 without a query', async () => {
    const none = await api(emma).get('/directory/people?q=zzzqqq');
    expect(none.status).toBe(200);
    expect((none.body as DirectoryPeople).items).toEqual([]);
    expect((await api(emma).get('/directory/people')).status).toBe(400);
  });
});

describe('events', () => {
  it('are refused while the installation is in simple booking mode', async () => {
    const res = await api(emma).post('/events', { roomId: rooms[ELBE], ...slot(0, 7, 8), title: 'Too early' });
    expect(res.status).toBe(403);
    expect((await api(emma).get('/booking-mode')).body).toEqual({ mode: 'simple' });
    const saved = await api(admin).put('/admin/booking-settings', {
      readOnly: false,
      bookingMailbox: null,
      mode: 'events',
    });
    expect(saved.status).toBe(200);
    expect((await api(emma).get('/booking-mode')).body).toEqual({ mode: 'events' });
  });

  it('invites 3 internal attendees and an external one: each internal calendar holds the meeting', async () => {
    const s = slot(0, 9, 10);
    const event = await createEvent({
      roomId: rooms[ELBE],
      ...s,
      title: 'Quarterly review',
      attendees: [
        { email: LUKAS, type: 'required' },
        { email: SOPHIE, type: 'required' },
        { email: JONAS, type: 'optional' },
        { email: GUEST, type: 'required' },
      ],
      description: 'Numbers & plans',
      onlineMeetingUrl: 'https://meet.example/q4',
    });
    for (const person of [LUKAS, SOPHIE, JONAS]) {
      const held = await calendarOf(person, s);
      expect(held.map((e) => e.subject)).toContain('Quarterly review');
    }
    expect((await calendarOf(ELBE, s)).length).toBe(1);
    const copy = await organizerCopy('Quarterly review', s);
    expect(copy.OptionalAttendees.GetEnumerator().map((a) => a.Address?.toLowerCase())).toEqual([JONAS]);
    expect(copy.RequiredAttendees.GetEnumerator().map((a) => a.Address?.toLowerCase())).toEqual(
      expect.arrayContaining([LUKAS, SOPHIE, GUEST]),
    );
    expect(copy.Body.Text).toContain('https://meet.example/q4');

    const shown = (await api(emma).get(`/events/${event.id}`)).body as EventView;
    expect(shown.description).toBe('Numbers & plans');
    expect(shown.onlineMeetingUrl).toBe('https://meet.example/q4');
    expect(shown.attendees.find((a) => a.email === JONAS)).toMatchObject({ type: 'optional', response: 'none' });
    expect(shown.attendees.find((a) => a.email === LUKAS)?.name).toBe('Lukas Meyer');
  });

  it('edits attendees: the added one is invited, the removed one gets a cancellation', async () => {
    const s = slot(1, 9, 10);
    const event = await createEvent({
      roomId: rooms[ELBE],
      ...s,
      title: 'Team sync',
      attendees: [{ email: LUKAS }, { email: SOPHIE }],
    });
    expect((await calendarOf(SOPHIE, s)).map((e) => e.subject)).toContain('Team sync');
    const res = await api(emma).patch(`/events/${event.id}`, {
      attendees: [{ email: LUKAS }, { email: MIA, type: 'optional' }],
    });
    expect(res.status).toBe(200);
    expect((await calendarOf(MIA, s)).map((e) => e.subject)).toContain('Team sync');
    expect((await calendarOf(SOPHIE, s)).map((e) => e.subject)).not.toContain('Team sync');
    expect((await calendarOf(LUKAS, s)).map((e) => e.subject)).toContain('Team sync');
    expect((res.body as EventView).attendees.map((a) => [a.email, a.type])).toEqual([
      [LUKAS, 'required'],
      [MIA, 'optional'],
    ]);
  });

  it('changes the description (sanitised HTML) and the private flag on the organizer’s copy', async () => {
    const s = slot(2, 9, 10);
    const event = await createEvent({ roomId: rooms[ELBE], ...s, title: 'Board prep', attendees: [{ email: LUKAS }] });
    const res = await api(emma).patch(`/events/${event.id}`, {
      description: '<p>Agenda <b>draft</b></p><script>alert(1)</script><img src=x onerror="alert(2)">',
      private: true,
    });
    expect(res.status).toBe(200);
    const copy = await organizerCopy('Board prep', s);
    expect(copy.Sensitivity).toBe(ews.Sensitivity.Private);
    expect(copy.Body.BodyType).toBe(ews.BodyType.HTML);
    expect(copy.Body.Text).toContain('<p>Agenda <b>draft</b></p>');
    expect(copy.Body.Text).not.toContain('script');
    expect(copy.Body.Text).not.toContain('onerror');
    const shown = res.body as EventView;
    expect(shown).toMatchObject({ private: true, descriptionIsHtml: true });
    expect(shown.description).toContain('<b>draft</b>');
  });

  it('shows attendees changed in Outlook and their responses, read from the organizer’s copy', async () => {
    const s = slot(3, 9, 10);
    const event = await createEvent({ roomId: rooms[ELBE], ...s, title: 'Design crit', attendees: [{ email: LUKAS }] });
    // "Outlook": the organizer adds Sophie over EWS, and Lukas accepts.
    const copy = await organizerCopy('Design crit', s);
    copy.RequiredAttendees.Add(SOPHIE);
    await copy.Update(
      ews.ConflictResolutionMode.AlwaysOverwrite,
      ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
    );
    const lukas = impersonating(
      ewsService(sim.url, 'NORTHWIND\\svc-roomserve', PASSWORD, 'basic', sim.control.caCertPem),
      LUKAS,
    );
    const invited = (
      await lukas.FindAppointments(
        ews.WellKnownFolderName.Calendar,
        new ews.CalendarView(new ews.DateTime(Date.parse(s.start)), new ews.DateTime(Date.parse(s.end))),
      )
    ).Items.find((i) => i.Subject === 'Design crit');
    if (!invited) throw new Error('Lukas has no invitation');
    await (await ews.Appointment.Bind(lukas, invited.Id)).Accept(true);

    const shown = (await api(emma).get(`/events/${event.id}`)).body as EventView;
    expect(shown.attendees.map((a) => [a.email, a.response]).sort()).toEqual([
      [LUKAS, 'accepted'],
      [SOPHIE, 'none'],
    ]);
  });

  it('shows a weekly series’ conflicting occurrence before sending, refuses it, and books a free series', async () => {
    const first = slot(7, 9, 10);
    const third = slot(21, 9, 10);
    const taken = await api(emma).post('/bookings', { roomId: rooms[ALSTER], ...third, subject: 'Already here' });
    expect(taken.status).toBe(201);
    await confirmed((taken.body as Booking).id);
    const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
      new Date(first.start).getUTCDay()
    ];
    const series = {
      roomId: rooms[ALSTER],
      ...first,
      title: 'Weekly planning',
      attendees: [{ email: LUKAS }],
      recurrence: { pattern: 'weekly', daysOfWeek: [weekday], count: 4 },
    };
    const check = await api(emma).post('/events/availability', {
      roomId: series.roomId,
      start: series.start,
      end: series.end,
      attendees: series.attendees,
      recurrence: series.recurrence,
    });
    expect(check.status).toBe(200);
    const availability = check.body as EventAvailability;
    expect(availability.occurrences).toBe(4);
    expect(availability.conflicts).toHaveLength(1);
    expect(availability.conflicts[0]).toMatchObject({ start: third.start, end: third.end, roomBusy: true });
    expect(availability.conflicts[0]?.alternatives.length).toBeGreaterThan(0);

    const refused = await api(emma).post('/events', series);
    expect(refused.status).toBe(409);
    expect((refused.body as { error: { details: BookingConflict } }).error.details.conflicts).toEqual([third]);
    const window = { start: first.start, end: slot(29, 9, 10).end };
    expect((await calendarOf(ALSTER, window)).map((e) => e.subject)).toEqual([expect.stringContaining('Emma Schmidt')]);

    const booked = await createEvent({ ...series, roomId: rooms[ELBE] });
    expect(booked.recurrence).toMatchObject({ pattern: 'weekly', count: 4 });
    const held = await calendarOf(ELBE, window);
    expect(held.filter((e) => e.type === 'Occurrence' || e.type === 'Exception')).toHaveLength(4);
    expect((await calendarOf(LUKAS, window)).filter((e) => e.subject === 'Weekly planning')).toHaveLength(4);

    // The sync stores the series' occurrences; the event's own booking becomes the first, not a twin of it.
    await testApp.sync.restart(await testApp.deps.exchange.gateway());
    const elbe = rooms[ELBE] ?? '';
    try {
      const span = { start: new Date(window.start), end: new Date(window.end) };
      const mirror = (await waitForMirror(db.knex, account(), [{ roomId: elbe, mailbox: ELBE }], span, 15_000)).get(
        ELBE,
      );
      expect(mirror?.roomserve).toEqual(mirror?.exchange);
      expect(mirror?.exchange).toHaveLength(4);
      expect(await duplicateBookings(db.knex, [elbe])).toEqual([]);
      expect(await db.knex('bookings').where({ id: booked.id }).first('status', 'is_occurrence')).toEqual({
        status: 'confirmed',
        is_occurrence: true,
      });
    } finally {
      await testApp.sync.restart(null);
    }
  });

  it('cancels an event: the room and every attendee get the cancellation', async () => {
    const s = slot(4, 9, 10);
    const event = await createEvent({
      roomId: rooms[ELBE],
      ...s,
      title: 'Cancelled one',
      attendees: [{ email: LUKAS }],
    });
    expect((await api(emma).delete(`/events/${event.id}`)).status).toBe(204);
    expect((await calendarOf(LUKAS, s)).map((e) => e.subject)).not.toContain('Cancelled one');
    await sim.control.model.whenIdle();
    expect(await calendarOf(ELBE, s)).toEqual([]);
  });

  it('are linked from My bookings to their event page while the installation is in events mode; plain bookings are not', async () => {
    const event = await createEvent({ roomId: rooms[ELBE], ...slot(6, 9, 10), title: 'Planned as an event' });
    const plain = await api(emma).post('/bookings', {
      roomId: rooms[ELBE],
      ...slot(6, 11, 12),
      subject: 'Just a room',
    });
    expect(plain.status).toBe(201);
    const eventIdOf = async (): Promise<Record<string, string | null>> => {
      const res = await api(emma).get('/bookings');
      expect(res.status).toBe(200);
      const mine = res.body as MyBooking[];
      return Object.fromEntries(
        mine
          .filter((b) => b.subject === 'Planned as an event' || b.subject === 'Just a room')
          .map((b) => [b.subject, b.eventId]),
      );
    };
    expect(await eventIdOf()).toEqual({ 'Planned as an event': event.id, 'Just a room': null });
    // The link leads somewhere the organizer may go.
    expect((await api(emma).get(`/events/${event.id}`)).status).toBe(200);
    // In simple mode the event page answers 403: no link then.
    const mode = async (m: 'simple' | 'events') =>
      expect(
        (await api(admin).put('/admin/booking-settings', { readOnly: false, bookingMailbox: null, mode: m })).status,
      ).toBe(200);
    await mode('simple');
    try {
      expect(await eventIdOf()).toEqual({ 'Planned as an event': null, 'Just a room': null });
    } finally {
      await mode('events');
    }
  });
});

describe('bad event input changes nothing', () => {
  const base = () => ({ roomId: rooms[ELBE], ...slot(5, 9, 10), title: 'Bad' });

  it('names an unknown internal attendee (422); an external domain is allowed', async () => {
    const res = await api(emma).post('/events', {
      ...base(),
      attendees: [{ email: 'nobody.here@northwind.test' }, { email: GUEST }],
    });
    expect(res.status).toBe(422);
    expect((res.body as { error: { message: string } }).error.message).toContain('nobody.here@northwind.test');
  });

  it('refuses more than 500 attendees, a link that is not http(s), and recurrences too long or past the window', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@partner.example` }));
    expect((await api(emma).post('/events', { ...base(), attendees: many })).status).toBe(400);
    expect((await api(emma).post('/events', { ...base(), onlineMeetingUrl: 'ftp://meet.example/x' })).status).toBe(400);
    expect((await api(emma).post('/events', { ...base(), onlineMeetingUrl: 'javascript:alert(1)' })).status).toBe(400);
    const tooMany = { pattern: 'daily', endDate: '2099-01-01' };
    expect((await api(emma).post('/events', { ...base(), recurrence: tooMany })).status).toBe(400);
    const pastWindow = { pattern: 'monthly-date', count: 12 };
    const res = await api(emma).post('/events', { ...base(), recurrence: pastWindow });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain('booking window');
    expect(await calendarOf(ELBE, slot(5, 9, 10))).toEqual([]);
  });
});

describe('favourite rooms', () => {
  it('are starred once, listed in order, unstarred, and not for external users', async () => {
    const put = async (roomId: string) => (await api(emma).put(`/favourites/rooms/${roomId}`, {})).body as unknown;
    await put(rooms[ALSTER] ?? '');
    await put(rooms[ELBE] ?? '');
    expect(await put(rooms[ELBE] ?? '')).toEqual({ roomIds: [rooms[ALSTER], rooms[ELBE]] });
    const removed = await api(emma).delete(`/favourites/rooms/${rooms[ALSTER] ?? ''}`);
    expect(removed.body).toEqual({ roomIds: [rooms[ELBE]] });
    const guest = await buildUser(db.knex, { email: 'gina@partner.example', role: 'external', name: 'Gina' });
    const token = (await testApp.deps.auth.createApiToken(guest.id, { name: 'test' })).token;
    expect((await api(token).get('/favourites/rooms')).status).toBe(403);
    expect((await api(token).get('/directory/people?q=emma')).status).toBe(403);
  });
});
