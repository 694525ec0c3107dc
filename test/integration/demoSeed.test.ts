import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { isRectilinearOnGrid, polygonBounds, rectilinearPolygonsOverlap, type Polygon } from '../../demo/art/geometry';
import { seedDemo, seedDemoIfEmpty } from '../../demo/database/seed';
import { comingWorkingDays } from '../../demo/database/bookings';
import {
  allDemoRooms,
  DEMO_EXTERNAL_GUEST,
  DEMO_INVITED_CONTRACTOR,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
} from '../../demo/organisation/organisation';
import { verifyPassword } from '../../server/services/auth/passwords';
import { inspectImage } from '../../server/services/files/inspectImage';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** A Wednesday morning in Hamburg: the demo week runs Wed, Thu, Fri, Mon, Tue. */
const NOW = new Date('2026-11-25T06:30:00Z');
const ZONE = 'Europe/Berlin';
const EXPECTED_DAYS = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01'];

interface RoomRow {
  id: string;
  tags: string[];
  name: string;
  floor_id: string;
  capacity: number;
  shape: unknown;
  exchange_email: string;
  exchange_state: string;
  bookable_internal: boolean;
  bookable_external: boolean;
  description: string;
  plan_width: number;
  plan_height: number;
}

interface BookingRow {
  room_id: string;
  starts: Date | string;
  ends: Date | string;
  source: string;
  status: string;
  is_private: boolean;
  subject: string;
  organizer_email: string;
}

const toBuffer = (value: unknown): Buffer => Buffer.from(value as Uint8Array);
const asPolygon = (value: unknown): Polygon => (typeof value === 'string' ? JSON.parse(value) : value) as Polygon;
const instant = (value: Date | string): DateTime => DateTime.fromJSDate(new Date(value), { zone: ZONE });

async function countOf(db: TestDatabase, table: string): Promise<number> {
  const row = (await db.knex(table).count<Array<{ count: number | string }>>({ count: '*' }))[0];
  return Number(row?.count ?? 0);
}

describe('demo seed', () => {
  let db: TestDatabase;
  let seeded: boolean;
  let rooms: RoomRow[];
  let bookings: BookingRow[];

  beforeAll(async () => {
    db = await createTestDatabase();
    seeded = await seedDemoIfEmpty(db.knex, { now: NOW });
    rooms = await db
      .knex('rooms as r')
      .join('floors as f', 'f.id', 'r.floor_id')
      .select<RoomRow[]>('r.*', 'f.plan_width', 'f.plan_height');
    bookings = await db
      .knex('bookings')
      .select<BookingRow[]>(
        'room_id',
        'source',
        'status',
        'is_private',
        'subject',
        'organizer_email',
        db.knex.raw('lower(during) as starts'),
        db.knex.raw('upper(during) as ends'),
      );
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates 2 buildings with opening hours, 5 floors and the 40 demo rooms', async () => {
    expect(seeded).toBe(true);
    expect(await countOf(db, 'buildings')).toBe(2);
    expect(await countOf(db, 'floors')).toBe(5);
    expect(rooms).toHaveLength(40);
    const harbour = await db
      .knex('buildings')
      .where({ name: 'Harbour House' })
      .first<{ time_zone: string; opening_hours: unknown }>();
    expect(harbour?.time_zone).toBe(ZONE);
    expect(harbour?.opening_hours).toMatchObject({
      mon: [{ open: '07:00', close: '20:00' }],
      sat: [{ open: '08:00', close: '14:00' }],
    });
  });

  it('gives the rooms exactly the Exchange mailboxes of the demo organisation, not yet connected', () => {
    expect(rooms.map((r) => r.exchange_email).sort()).toEqual(
      allDemoRooms()
        .map((r) => r.email)
        .sort(),
    );
    expect(new Set(rooms.map((r) => r.exchange_state))).toEqual(new Set(['unconnected']));
    for (const demo of allDemoRooms()) {
      const row = rooms.find((r) => r.exchange_email === demo.email);
      expect(row).toMatchObject({
        name: demo.name,
        capacity: demo.capacity,
        tags: [...demo.tags],
        bookable_internal: true,
      });
      expect(row?.description).toContain(`${demo.capacity} people`);
    }
    const external = rooms.filter((r) => r.bookable_external).map((r) => r.capacity);
    expect(external.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...external)).toBeGreaterThanOrEqual(14);
  });

  it('places every room on its floor plan without overlapping its neighbours', () => {
    const byFloor = new Map<string, RoomRow[]>();
    for (const room of rooms) byFloor.set(room.floor_id, [...(byFloor.get(room.floor_id) ?? []), room]);
    expect(byFloor.size).toBe(5);
    for (const floorRooms of byFloor.values()) {
      const shapes = floorRooms.map((r) => asPolygon(r.shape));
      floorRooms.forEach((room, i) => {
        const shape = shapes[i] ?? [];
        expect(shape.length).toBeGreaterThanOrEqual(4);
        expect(isRectilinearOnGrid(shape)).toBe(true);
        const b = polygonBounds(shape);
        expect(b.minX).toBeGreaterThanOrEqual(0);
        expect(b.minY).toBeGreaterThanOrEqual(0);
        expect(b.maxX).toBeLessThanOrEqual(room.plan_width);
        expect(b.maxY).toBeLessThanOrEqual(room.plan_height);
      });
      shapes.forEach((a, i) =>
        shapes.slice(i + 1).forEach((b) => expect(rectilinearPolygonsOverlap(a, b)).toBe(false)),
      );
    }
  });

  it('stores each floor plan as an SVG file the uploads check accepts, with matching size and hash', async () => {
    const plans = await db.knex('floors as f').join('files as p', 'p.id', 'f.plan_file_id').select<
      Array<{
        plan_width: number;
        plan_height: number;
        content_type: string;
        content: unknown;
        sha256: string;
        size_bytes: number;
        width: number;
        height: number;
      }>
    >('f.plan_width', 'f.plan_height', 'p.content_type', 'p.content', 'p.sha256', 'p.size_bytes', 'p.width', 'p.height');
    expect(plans).toHaveLength(5);
    for (const plan of plans) {
      const bytes = toBuffer(plan.content);
      expect(plan.content_type).toBe('image/svg+xml');
      expect(plan.size_bytes).toBe(bytes.length);
      expect(plan.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(inspectImage(bytes)).toEqual({
        contentType: 'image/svg+xml',
        width: plan.plan_width,
        height: plan.plan_height,
      });
      expect([plan.width, plan.height]).toEqual([plan.plan_width, plan.plan_height]);
    }
  });

  it('gives every room one to three pictures in order, each a safe SVG with alt text', async () => {
    const images = await db
      .knex('room_images as i')
      .join('files as f', 'f.id', 'i.file_id')
      .select<Array<{ room_id: string; position: number; alt: string; content: unknown; content_type: string }>>(
        'i.room_id',
        'i.position',
        'i.alt',
        'f.content',
        'f.content_type',
      );
    for (const room of rooms) {
      const own = images.filter((i) => i.room_id === room.id).sort((a, b) => a.position - b.position);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(3);
      expect(own.map((i) => i.position)).toEqual(own.map((_, index) => index));
      for (const image of own) {
        expect(image.alt).toContain(room.name);
        expect(image.content_type).toBe('image/svg+xml');
        expect(inspectImage(toBuffer(image.content))).toEqual({
          contentType: 'image/svg+xml',
          width: 640,
          height: 400,
        });
      }
    }
  });

  it('adds the demo people with their roles, signing in with the demo password', async () => {
    const users = await db
      .knex('users')
      .select<Array<{ email: string; role: string; password_hash: string }>>('email', 'role', 'password_hash');
    const expected = [...DEMO_PEOPLE, DEMO_EXTERNAL_GUEST, DEMO_INVITED_CONTRACTOR]
      .map((p) => [p.email, p.role])
      .sort();
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual(expected);
    const admin = users.find((u) => u.role === 'admin');
    expect(await verifyPassword(DEMO_PASSWORD, admin?.password_hash ?? '')).toBe(true);
    expect(await verifyPassword('wrong password', admin?.password_hash ?? '')).toBe(false);
  });

  it('has an active external of a partner company and a contractor whose invitation waits (Admin → Externals)', async () => {
    const rows = await db
      .knex('external_profiles as p')
      .join('users as u', 'u.id', 'p.user_id')
      .select<
        Array<{ email: string; company: string; active: boolean; accepted_at: unknown; password_hash: string | null }>
      >('u.email', 'p.company', 'u.active', 'p.accepted_at', 'u.password_hash')
      .orderBy('u.email');
    expect(rows.map((r) => [r.email, r.active, r.accepted_at !== null])).toEqual([
      [DEMO_EXTERNAL_GUEST.email, true, true],
      [DEMO_INVITED_CONTRACTOR.email, false, false],
    ]);
    expect(rows[1]).toMatchObject({ company: DEMO_INVITED_CONTRACTOR.company, password_hash: null });
  });

  it('books the coming five working days in local working hours, never double-booking a room', () => {
    expect(bookings.length).toBeGreaterThan(100);
    expect(new Set(bookings.map((b) => `${b.source}/${b.status}`))).toEqual(new Set(['app/confirmed']));
    const days = new Set(bookings.map((b) => instant(b.starts).toISODate()));
    expect([...days].sort()).toEqual(EXPECTED_DAYS);
    for (const b of bookings) {
      const start = instant(b.starts);
      const end = instant(b.ends);
      expect(end > start).toBe(true);
      expect(start.toISODate()).toBe(end.toISODate());
      expect(start.hour * 60 + start.minute).toBeGreaterThanOrEqual(8 * 60);
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(18 * 60);
    }
    const byRoom = new Map<string, BookingRow[]>();
    for (const b of bookings) byRoom.set(b.room_id, [...(byRoom.get(b.room_id) ?? []), b]);
    for (const list of byRoom.values()) {
      const sorted = list
        .map((b) => [new Date(b.starts).getTime(), new Date(b.ends).getTime()] as const)
        .sort((a, b) => a[0] - b[0]);
      sorted.slice(1).forEach(([start], i) => expect(start).toBeGreaterThanOrEqual(sorted[i]?.[1] ?? 0));
    }
    expect(bookings.some((b) => b.is_private)).toBe(true);
    expect(bookings.some((b) => !b.is_private)).toBe(true);
  });

  it('leaves a mix of free, partly busy and fully busy rooms for a search window', () => {
    // Friday 10:00–12:00 in Hamburg.
    const from = DateTime.fromISO('2026-11-27T10:00', { zone: ZONE }).toMillis();
    const to = DateTime.fromISO('2026-11-27T12:00', { zone: ZONE }).toMillis();
    const busyMinutes = (roomId: string): number =>
      bookings
        .filter((b) => b.room_id === roomId)
        .reduce(
          (sum, b) =>
            sum +
            Math.max(0, Math.min(to, new Date(b.ends).getTime()) - Math.max(from, new Date(b.starts).getTime())) /
              60_000,
          0,
        );
    const states = rooms.map((r) => busyMinutes(r.id)).map((m) => (m === 0 ? 'free' : m >= 120 ? 'busy' : 'partial'));
    expect(states.filter((s) => s === 'free').length).toBeGreaterThan(3);
    expect(states.filter((s) => s === 'partial').length).toBeGreaterThan(3);
    expect(states.filter((s) => s === 'busy').length).toBeGreaterThan(0);
  });

  it('does nothing when the database already has buildings', async () => {
    const before = await Promise.all(['buildings', 'rooms', 'files', 'users', 'bookings'].map((t) => countOf(db, t)));
    expect(await seedDemoIfEmpty(db.knex, { now: NOW })).toBe(false);
    expect(await Promise.all(['buildings', 'rooms', 'files', 'users', 'bookings'].map((t) => countOf(db, t)))).toEqual(
      before,
    );
  });
});

describe('demo seed options', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('seeds once when two servers start against one empty database, and can leave the bookings out', async () => {
    const results = await Promise.all([
      seedDemoIfEmpty(db.knex, { now: NOW, bookings: false }),
      seedDemoIfEmpty(db.knex, { now: NOW, bookings: false }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await countOf(db, 'buildings')).toBe(2);
    expect(await countOf(db, 'rooms')).toBe(40);
    expect(await countOf(db, 'bookings')).toBe(0);
  });

  it('keeps an existing account (such as the initial admin) instead of failing on its email', async () => {
    await db.knex('buildings').del();
    await db.knex('users').where({ email: DEMO_PEOPLE[0]?.email }).update({ name: 'Kept Admin' });
    const summary = await seedDemo(db.knex, { now: NOW, bookings: false });
    expect(summary).toMatchObject({ buildings: 2, floors: 5, rooms: 40, users: 0, bookings: 0 });
    expect(await db.knex('users').where({ email: DEMO_PEOPLE[0]?.email }).first('name')).toEqual({
      name: 'Kept Admin',
    });
  });
});

describe('the demo week', () => {
  it('starts on Monday when the seed runs at the weekend, counting days in the building zone', () => {
    // Saturday 23:30 in UTC is already Sunday in Hamburg; the week still starts on Monday.
    const days = comingWorkingDays(new Date('2026-11-28T23:30:00Z'), ZONE, 5).map((d) => d.toISODate());
    expect(days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    // Friday 23:30 UTC is Saturday 00:30 in Hamburg: Friday is over there.
    expect(comingWorkingDays(new Date('2026-11-27T23:30:00Z'), ZONE, 1).map((d) => d.toISODate())).toEqual([
      '2026-11-30',
    ]);
  });
});
