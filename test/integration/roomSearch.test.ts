// @timezone-sensitive: instants cross the wire with offsets; results must not depend on process TZ.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import { fileUrl } from '../../shared/api/files';
import type { RoomSearchPage, RoomSchedule } from '../../shared/schemas/search';
import { compareBestFit } from '../../server/domain/availability/bestFit';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildImageFile, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

// ---- the catalog: two buildings in different zones, seven rooms, one inactive ----

interface Catalog {
  readonly harbour: string;
  readonly tower: string;
  readonly ground: string;
  readonly first: string;
  readonly rooms: Readonly<Record<string, string>>;
  /** Elbe's images in display order. */
  readonly elbeImages: readonly string[];
}

async function buildCatalog(db: Knex): Promise<Catalog> {
  // Both open around the clock: WINDOW is before dawn in New York and the 31-day window spans
  // weekends; opening hours have their own tests (roomSearchOpeningHours.test.ts).
  const harbour = await buildBuilding(db, { name: 'Harbour House', timeZone: 'Europe/Berlin', openingHours: {} });
  const tower = await buildBuilding(db, { name: 'Tower', timeZone: 'America/New_York', openingHours: {} });
  const ground = await buildFloor(db, { buildingId: harbour, name: 'Ground floor', level: 0 });
  const first = await buildFloor(db, { buildingId: harbour, name: 'First floor', level: 1 });
  const lobby = await buildFloor(db, { buildingId: tower, name: 'Lobby', level: 0 });
  const specs: [string, string, number, string[], string, boolean][] = [
    ['Elbe', ground, 12, ['Display', 'Video conference', 'Whiteboard'], 'Big table by the window', true],
    ['Alster', ground, 8, ['Display', 'Video conference'], '', true],
    ['Bille', first, 4, ['Display'], '', true],
    ['Este', first, 2, ['Phone booth'], '', true],
    ['Hudson', lobby, 8, ['Whiteboard'], '100% soundproof_room', true],
    ['Mosel', lobby, 8, [], 'Quiet!', true],
    ['Retired', lobby, 6, ['Display'], 'Harbour view', false],
  ];
  const rooms: Record<string, string> = {};
  const elbeImages = [await buildImageFile(db), await buildImageFile(db)].sort().reverse();
  for (const [name, floorId, capacity, tags, description, active] of specs) {
    const imageFileIds = name === 'Elbe' ? elbeImages : [];
    rooms[name] = await buildRoom(db, { floorId, name, capacity, tags, description, active, imageFileIds });
  }
  return { harbour, tower, ground, first, rooms, elbeImages };
}

/** A signed-in user's bearer token, for a user with this role and, if given, this email. */
async function tokenOf(
  db: Knex,
  testApp: TestApp,
  role: 'employee' | 'facility' | 'admin',
  email?: string,
): Promise<string> {
  const user = await buildUser(db, { role, ...(email ? { email } : {}) });
  return (await testApp.deps.auth.createApiToken(user.id, { name: 'room search test' })).token;
}

const WINDOW = { start: '2026-05-04T08:00:00Z', end: '2026-05-04T10:00:00Z' };

/** Bookings that make each room's state in WINDOW known. */
async function bookWindow(db: Knex, rooms: Catalog['rooms']): Promise<void> {
  const at = (time: string): string => `2026-05-04T${time}:00Z`;
  const book = (
    room: string,
    start: string,
    end: string,
    status: 'pending' | 'confirmed' | 'declined' | 'cancelled' = 'confirmed',
  ) => buildBooking(db, { roomId: rooms[room] ?? '', start: at(start), end: at(end), status });
  // Alster: busy throughout, through a confirmed and a touching pending booking.
  await book('Alster', '07:30', '09:00');
  await book('Alster', '09:00', '10:30', 'pending');
  // Hudson: partly busy.
  await book('Hudson', '08:30', '09:00');
  // Elbe: a confirmed and an overlapping pending booking, the second running past the window.
  await book('Elbe', '09:30', '09:45');
  await book('Elbe', '09:40', '10:15', 'pending');
  // Mosel: free; declined and cancelled bookings do not hold a room, one touching the end neither.
  await book('Mosel', '08:00', '10:00', 'declined');
  await book('Mosel', '08:00', '10:00', 'cancelled');
  await book('Mosel', '10:00', '11:00');
  // Bille: free; a booking that ends exactly at the window's start.
  await book('Bille', '07:00', '08:00');
  // Retired is inactive: even busy it never shows up.
  await book('Retired', '08:00', '10:00');
}

// ---- tests ----

describe('GET /api/rooms (search)', () => {
  let db: TestDatabase;
  let app: Express;
  let catalog: Catalog;
  let employee: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const testApp = createTestApp(db.knex);
    app = testApp.app;
    employee = await tokenOf(db.knex, testApp, 'employee');
    catalog = await buildCatalog(db.knex);
    await bookWindow(db.knex, catalog.rooms);
  });
  afterAll(async () => {
    await db.close();
  });

  const search = async (query: string): Promise<RoomSearchPage> => {
    const res = await request(app).get(`/api/rooms?${query}`).auth(employee, { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body as RoomSearchPage;
  };
  const names = (page: RoomSearchPage): string[] => page.items.map((r) => r.name);
  const windowQuery = `start=${WINDOW.start}&end=${WINDOW.end}`;

  it('answers 401 to an anonymous caller', async () => {
    const res = await request(app).get('/api/rooms');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: 'unauthenticated' }) });
  });

  it('without a window lists active rooms smallest first, with no availability', async () => {
    const page = await search('');
    expect(names(page)).toEqual(['Este', 'Bille', 'Alster', 'Hudson', 'Mosel', 'Elbe']);
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 6 });
    expect(page.items.every((r) => r.availability === undefined)).toBe(true);
  });

  it('describes each room with its floor, building, time zone and ordered images', async () => {
    const page = await search('q=elbe');
    expect(page.items).toEqual([
      expect.objectContaining({
        id: catalog.rooms.Elbe,
        floorId: catalog.ground,
        buildingId: catalog.harbour,
        name: 'Elbe',
        capacity: 12,
        tags: ['Display', 'Video conference', 'Whiteboard'],
        floorName: 'Ground floor',
        buildingName: 'Harbour House',
        timeZone: 'Europe/Berlin',
        active: true,
        // Ids sorted descending: an order by file id would show the mistake.
        images: catalog.elbeImages.map((id) => ({ url: fileUrl(id), alt: '' })),
      }),
    ]);
  });

  it('gives each room its availability in the window: clipped, merged busy intervals', async () => {
    const page = await search(windowQuery);
    const byName = Object.fromEntries(page.items.map((r) => [r.name, r.availability]));
    expect(byName).toEqual({
      Este: { state: 'free', busy: [] },
      Bille: { state: 'free', busy: [] },
      Mosel: { state: 'free', busy: [] },
      Hudson: { state: 'partial', busy: [{ start: '2026-05-04T08:30:00.000Z', end: '2026-05-04T09:00:00.000Z' }] },
      Alster: { state: 'busy', busy: [{ start: '2026-05-04T08:00:00.000Z', end: '2026-05-04T10:00:00.000Z' }] },
      Elbe: { state: 'partial', busy: [{ start: '2026-05-04T09:30:00.000Z', end: '2026-05-04T10:00:00.000Z' }] },
    });
  });

  it('sorts best fit first: capacity, then free, partial, busy, then name', async () => {
    const page = await search(windowQuery);
    expect(names(page)).toEqual(['Este', 'Bille', 'Mosel', 'Hudson', 'Alster', 'Elbe']);
    const ranked = page.items.map((r) => ({
      id: r.id,
      name: r.name,
      capacity: r.capacity,
      state: r.availability?.state ?? 'free',
    }));
    expect([...ranked].sort(compareBestFit())).toEqual(ranked);
  });

  it('reads the window in any offset, also with an unencoded "+"', async () => {
    const berlin = await search('start=2026-05-04T10:00:00%2B02:00&end=2026-05-04T12:00:00%2B02:00');
    const plusAsSpace = await search('start=2026-05-04T10:00:00+02:00&end=2026-05-04T12:00:00+02:00');
    const utc = await search(windowQuery);
    expect(berlin).toEqual(utc);
    expect(plusAsSpace).toEqual(utc);
  });

  it('onlyAvailable keeps only rooms free for the whole window', async () => {
    const page = await search(`${windowQuery}&onlyAvailable=true`);
    expect(names(page)).toEqual(['Este', 'Bille', 'Mosel']);
    expect(page.total).toBe(3);
    expect(names(await search(`${windowQuery}&onlyAvailable=false`))).toHaveLength(6);
  });

  it('a later window sees other bookings', async () => {
    const page = await search('start=2026-05-04T10:00:00Z&end=2026-05-04T11:00:00Z&onlyAvailable=1');
    expect(names(page)).toEqual(['Este', 'Bille', 'Hudson']);
  });

  it('minCapacity keeps rooms that seat at least that many', async () => {
    expect(names(await search(`${windowQuery}&minCapacity=8`))).toEqual(['Mosel', 'Hudson', 'Alster', 'Elbe']);
    expect(names(await search('minCapacity=13'))).toEqual([]);
  });

  it.each([
    ['repeated', 'tags=Display&tags=Video%20conference'],
    ['comma-separated', 'tags=Display,Video%20conference'],
  ])('tags (%s) must all be on the room', async (_label, query) => {
    expect(names(await search(query))).toEqual(['Alster', 'Elbe']);
  });

  it('building and floor narrow to their rooms', async () => {
    expect(names(await search(`building=${catalog.tower}`))).toEqual(['Hudson', 'Mosel']);
    expect(names(await search(`floor=${catalog.first}`))).toEqual(['Este', 'Bille']);
    expect(names(await search(`building=${catalog.harbour}&floor=${catalog.first}&minCapacity=3`))).toEqual(['Bille']);
  });

  it.each([
    ['a building name, any case', 'HARBOUR', ['Este', 'Bille', 'Alster', 'Elbe']],
    ['a floor name', 'first', ['Este', 'Bille']],
    ['a tag', 'whiteboard', ['Hudson', 'Elbe']],
    ['words of the description, each anywhere', 'window big', ['Elbe']],
    ['words spread over name and building', 'tower mos', ['Mosel']],
    ['a literal percent sign', '%', ['Hudson']],
    ['a literal underscore', '_', ['Hudson']],
    ['the escape character itself', 'quiet!', ['Mosel']],
    ['text nowhere', 'zeppelin', []],
  ])('q matches %s', async (_label, q, expected) => {
    expect(names(await search(`q=${encodeURIComponent(q)}`))).toEqual(expected);
  });

  it('pages through the same order without gaps or repeats, with the total on every page', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search(`${windowQuery}&pageSize=2&page=${page}`)));
    expect(pages.map(names)).toEqual([['Este', 'Bille'], ['Mosel', 'Hudson'], ['Alster', 'Elbe'], []]);
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
    expect(pages[3]).toMatchObject({ page: 4, pageSize: 2 });
  });

  it.each([
    ['end before start', 'start=2026-05-04T10:00:00Z&end=2026-05-04T08:00:00Z'],
    ['end equal to start', 'start=2026-05-04T10:00:00Z&end=2026-05-04T10:00:00Z'],
    ['start without end', 'start=2026-05-04T10:00:00Z'],
    ['end without start', 'end=2026-05-04T10:00:00Z'],
    ['an impossible date', 'start=2026-02-30T10:00:00Z&end=2026-03-01T10:00:00Z'],
    ['a date without offset', 'start=2026-05-04T10:00:00&end=2026-05-04T11:00:00'],
    ['not a date', 'start=tomorrow&end=later'],
    ['a window over 31 days', 'start=2026-05-01T00:00:00Z&end=2026-06-01T00:00:01Z'],
    ['a huge pageSize', 'pageSize=101'],
    ['pageSize 0', 'pageSize=0'],
    ['page 0', 'page=0'],
    ['a capacity that is no number', 'minCapacity=many'],
    ['a negative capacity', 'minCapacity=-1'],
    ['a building that is no id', 'building=harbour'],
    ['a floor that is no id', 'floor=1'],
    ['onlyAvailable without a window', 'onlyAvailable=true'],
    ['onlyAvailable that is no boolean', `${windowQuery}&onlyAvailable=maybe`],
    ['two starts', `${windowQuery}&start=2026-05-04T08:00:00Z`],
    ['an over-long q', `q=${'x'.repeat(101)}`],
  ])('answers 400 to %s', async (_label, query) => {
    const res = await request(app).get(`/api/rooms?${query}`).auth(employee, { type: 'bearer' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: 'validation_failed' }) });
  });

  it('accepts a window of exactly 31 days', async () => {
    const page = await search('start=2026-05-01T00:00:00Z&end=2026-06-01T00:00:00Z&minCapacity=8');
    expect(page.items.map((r) => [r.name, r.availability?.state])).toEqual([
      ['Alster', 'partial'],
      ['Hudson', 'partial'],
      ['Mosel', 'partial'],
      ['Elbe', 'partial'],
    ]);
  });
});

describe('GET /api/rooms/:id/schedule', () => {
  let db: TestDatabase;
  let app: Express;
  let catalog: Catalog;
  const tokens: Record<string, string> = {};
  const FROM = '2026-05-04T00:00:00Z';
  const TO = '2026-05-05T00:00:00Z';

  beforeAll(async () => {
    db = await createTestDatabase();
    const testApp = createTestApp(db.knex);
    app = testApp.app;
    tokens.employee = await tokenOf(db.knex, testApp, 'employee');
    tokens.attendee = await tokenOf(db.knex, testApp, 'employee', 'ann@example.test');
    tokens.organizer = await tokenOf(db.knex, testApp, 'employee', 'olga@example.test');
    tokens.facility = await tokenOf(db.knex, testApp, 'facility');
    tokens.admin = await tokenOf(db.knex, testApp, 'admin');
    catalog = await buildCatalog(db.knex);
    const roomId = catalog.rooms.Elbe ?? '';
    // The organizer's address as Exchange spelled it: matching must ignore case.
    const booking = { roomId, organizerName: 'Olga Organizer', organizerEmail: 'Olga@Example.test' };
    await buildBooking(db.knex, {
      ...booking,
      start: '2026-05-03T23:00:00Z',
      end: '2026-05-04T01:00:00Z',
      subject: 'Night shift handover',
      source: 'exchange',
    });
    await buildBooking(db.knex, {
      ...booking,
      start: '2026-05-04T09:00:00+02:00',
      end: '2026-05-04T10:00:00+02:00',
      subject: 'Salary review',
      isPrivate: true,
      status: 'pending',
      attendees: [{ name: 'Ann', email: 'ann@example.test' }],
    });
    await buildBooking(db.knex, {
      ...booking,
      start: '2026-05-04T12:00:00Z',
      end: '2026-05-04T13:00:00Z',
      subject: 'Dropped',
      status: 'declined',
    });
    await buildBooking(db.knex, {
      ...booking,
      start: '2026-05-04T13:00:00Z',
      end: '2026-05-04T14:00:00Z',
      subject: 'Called off',
      status: 'cancelled',
    });
    await buildBooking(db.knex, {
      ...booking,
      start: '2026-05-05T00:00:00Z',
      end: '2026-05-05T01:00:00Z',
      subject: 'Tomorrow',
    });
    await buildBooking(db.knex, {
      roomId: catalog.rooms.Bille ?? '',
      start: '2026-05-04T09:00:00Z',
      end: '2026-05-04T10:00:00Z',
      subject: 'Other room',
    });
  });
  afterAll(async () => {
    await db.close();
  });

  const schedule = async (reader: string, roomId = catalog.rooms.Elbe ?? ''): Promise<RoomSchedule> => {
    const res = await request(app)
      .get(`/api/rooms/${roomId}/schedule?from=${FROM}&to=${TO}`)
      .auth(tokens[reader] ?? '', { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body as RoomSchedule;
  };

  it("lists the room's pending and confirmed bookings overlapping the window, unclipped, by start", async () => {
    const timeline = await schedule('admin');
    expect(timeline).toMatchObject({
      roomId: catalog.rooms.Elbe,
      timeZone: 'Europe/Berlin',
      from: '2026-05-04T00:00:00.000Z',
      to: '2026-05-05T00:00:00.000Z',
    });
    expect(timeline.entries).toEqual([
      {
        id: expect.any(String),
        start: '2026-05-03T23:00:00.000Z',
        end: '2026-05-04T01:00:00.000Z',
        subject: 'Night shift handover',
        organizer: { name: 'Olga Organizer', email: 'Olga@Example.test' },
        attendees: [],
        isPrivate: false,
        status: 'confirmed',
        source: 'exchange',
      },
      {
        id: expect.any(String),
        start: '2026-05-04T07:00:00.000Z',
        end: '2026-05-04T08:00:00.000Z',
        subject: 'Salary review',
        organizer: { name: 'Olga Organizer', email: 'Olga@Example.test' },
        attendees: [{ name: 'Ann', email: 'ann@example.test' }],
        isPrivate: true,
        status: 'pending',
        source: 'app',
      },
    ]);
  });

  // Issue 15's privacy rule: a private meeting never shows its subject or attendees, and shows its
  // organizer wherever names are shown at all (by default, to everyone signed in).
  it.each(['employee', 'attendee', 'facility'])(
    "hides a private booking's subject and attendees from %s readers, naming only its organizer",
    async (reader) => {
      const timeline = await schedule(reader);
      expect(timeline.entries[1]).toMatchObject({
        subject: 'Private meeting',
        organizer: { name: 'Olga Organizer' },
        attendees: [],
        isPrivate: true,
      });
      expect(JSON.stringify(timeline)).not.toMatch(/Salary review|ann@example\.test/);
      expect(timeline.entries[0]).toMatchObject({
        subject: 'Night shift handover',
        organizer: { name: 'Olga Organizer' },
      });
    },
  );

  it('shows a private booking to its organizer', async () => {
    const timeline = await schedule('organizer');
    expect(timeline.entries[1]).toMatchObject({
      subject: 'Salary review',
      organizer: { email: 'Olga@Example.test' },
      attendees: [{ name: 'Ann' }],
    });
  });

  it('answers an empty timeline for a room with nothing booked', async () => {
    expect((await schedule('employee', catalog.rooms.Este)).entries).toEqual([]);
  });

  it.each([
    [401, 'anonymous', `from=${FROM}&to=${TO}`],
    [404, 'an unknown room', `from=${FROM}&to=${TO}`],
    [400, 'a room id that is no uuid', `from=${FROM}&to=${TO}`],
    [400, 'no window', ''],
    [400, 'to before from', `from=${TO}&to=${FROM}`],
    [400, 'to equal to from', `from=${FROM}&to=${FROM}`],
    [400, 'a window over 31 days', 'from=2026-05-01T00:00:00Z&to=2026-06-02T00:00:00Z'],
  ])('answers %i to %s', async (status, label, query) => {
    const ids: Record<string, string | undefined> = {
      'an unknown room': '00000000-0000-4000-8000-000000000000',
      'a room id that is no uuid': 'elbe',
    };
    const req = request(app).get(`/api/rooms/${ids[label] ?? catalog.rooms.Elbe}/schedule?${query}`);
    const res = label === 'anonymous' ? await req : await req.auth(tokens.employee ?? '', { type: 'bearer' });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    });
  });
});
