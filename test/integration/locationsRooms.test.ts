import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { locationsEndpoints } from '../../shared/api/locations';
import type { Role } from '../../shared/schemas/users';
import type { Room } from '../../shared/schemas/locations';
import type { MailboxCheck, RoomMailboxVerifier } from '../../server/ports/locations';
import { createFileRepository } from '../../server/adapters/db/repositories/files';
import { createLocationRepositories } from '../../server/adapters/db/repositories/locations';
import { createLocationsService } from '../../server/services/locations';
import { buildBooking } from '../factories/bookings';
import { buildFloor, buildImageFile, buildRoom } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { locationsTestApp, tableCounts, errorOf, bodyOf, type Caller, type LocationsTestApp } from './locationsHarness';

const NOW = new Date('2026-05-04T10:00:00Z');
let db: TestDatabase;
let t: LocationsTestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await locationsTestApp(db.knex, { now: () => NOW });
});
afterAll(async () => {
  await db.close();
});

/** Resolved per call: the callers exist only once beforeAll has signed them in. */
const as = (role: Role): Caller => ({
  get: (url) => t.as(role).get(url),
  post: (url) => t.as(role).post(url),
  patch: (url) => t.as(role).patch(url),
  delete: (url) => t.as(role).delete(url),
});
const admin = as('admin');

async function floorWithPlan(width = 1000, height = 500): Promise<string> {
  const fileId = await buildImageFile(db.knex, { width, height });
  return buildFloor(db.knex, { plan: { fileId, width, height } });
}

const square = [
  [10, 10],
  [110, 10],
  [110, 60],
  [10, 60],
];

describe('rooms', () => {
  it('an admin creates a room; everyone signed in reads it in the shared shape', async () => {
    const floorId = await floorWithPlan();
    const [first, second] = [await buildImageFile(db.knex), await buildImageFile(db.knex)];
    const created = await admin.post('/api/rooms').send({
      floorId,
      name: 'Elbe',
      capacity: 12,
      tags: [' Video   conference', 'Display', 'video conference', 'Whiteboard'],
      imageFileIds: [second, first],
      shape: square,
      exchangeEmail: 'Room.Elbe@Northwind.test',
    });
    expect(created.status).toBe(201);
    const floor = await db.knex('floors').where({ id: floorId }).first<{ building_id: string }>();
    expect(created.body).toEqual({
      id: expect.any(String),
      floorId,
      buildingId: floor.building_id,
      name: 'Elbe',
      description: '',
      capacity: 12,
      tags: ['Video conference', 'Display', 'Whiteboard'],
      images: [
        { url: `/api/files/${second}`, alt: '' },
        { url: `/api/files/${first}`, alt: '' },
      ],
      shape: square,
      exchange: { email: 'room.elbe@northwind.test', state: 'unconnected', checkedAt: null, error: null },
      bookableInternal: true,
      bookableExternal: false,
      active: true,
    });
    const read = await as('employee').get(`/api/rooms/${bodyOf<{ id: string }>(created).id}`);
    expect(read.body).toEqual(created.body);
    // Security issue #20: external users see only rooms opened to externals (this one is not).
    expect((await as('external').get(`/api/rooms/${bodyOf<{ id: string }>(created).id}`)).status).toBe(404);
  });

  it('changes a room: reordered images, new tags, another floor, deactivation', async () => {
    const [a, b, c] = [await buildImageFile(db.knex), await buildImageFile(db.knex), await buildImageFile(db.knex)];
    const id = await buildRoom(db.knex, { imageFileIds: [a, b], tags: ['Display'] });
    const otherFloor = await buildFloor(db.knex);
    const res = await admin.patch(`/api/rooms/${id}`).send({
      imageFileIds: [c, a],
      tags: ['Whiteboard', 'whiteboard '],
      floorId: otherFloor,
      active: false,
      capacity: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      floorId: otherFloor,
      tags: ['Whiteboard'],
      images: [{ url: `/api/files/${c}` }, { url: `/api/files/${a}` }],
      active: false,
      capacity: 3,
    });
    const untouched = await admin.patch(`/api/rooms/${id}`).send({ name: 'Renamed' });
    expect(untouched.body).toMatchObject({
      name: 'Renamed',
      images: [{ url: `/api/files/${c}` }, { url: `/api/files/${a}` }],
    });
  });

  it('refuses an Exchange email that another room uses, whatever its case', async () => {
    await buildRoom(db.knex, { exchangeEmail: 'room.taken@northwind.test' });
    const floorId = await buildFloor(db.knex);
    const other = await buildRoom(db.knex);
    const before = await tableCounts(db.knex);
    const created = await admin
      .post('/api/rooms')
      .send({ floorId, name: 'Copy', capacity: 4, exchangeEmail: 'ROOM.Taken@northwind.test' });
    expect(created.status).toBe(409);
    expect(errorOf(created)).toMatchObject({ code: 'conflict', details: { field: 'exchangeEmail' } });
    const patched = await admin.patch(`/api/rooms/${other}`).send({ exchangeEmail: 'Room.Taken@Northwind.Test' });
    expect(patched.status).toBe(409);
    expect(await tableCounts(db.knex)).toEqual(before);
    expect(bodyOf<Room>(await admin.get(`/api/rooms/${other}`)).exchange.email).toBeNull();
  });

  it('stores a new Exchange email as unconnected while no verifier is wired, and resets a verified one', async () => {
    const id = await buildRoom(db.knex);
    await db.knex('rooms').where({ id }).update({
      exchange_email: 'old@northwind.test',
      exchange_state: 'verified',
      exchange_checked_at: '2026-05-01T08:00:00Z',
    });
    const same = await admin.patch(`/api/rooms/${id}`).send({ exchangeEmail: 'OLD@northwind.test' });
    expect(bodyOf<Room>(same).exchange).toEqual({
      email: 'old@northwind.test',
      state: 'verified',
      checkedAt: '2026-05-01T08:00:00.000Z',
      error: null,
    });
    const changed = await admin.patch(`/api/rooms/${id}`).send({ exchangeEmail: 'new@northwind.test' });
    expect(bodyOf<Room>(changed).exchange).toEqual({
      email: 'new@northwind.test',
      state: 'unconnected',
      checkedAt: null,
      error: null,
    });
    const cleared = await admin.patch(`/api/rooms/${id}`).send({ exchangeEmail: null });
    expect(bodyOf<Room>(cleared).exchange).toEqual({ email: null, state: 'unconnected', checkedAt: null, error: null });
  });

  it('records the verdict of a mailbox verifier when one is plugged in', async () => {
    const checked: string[] = [];
    const verifier: RoomMailboxVerifier = {
      verify(email): Promise<MailboxCheck> {
        checked.push(email);
        return Promise.resolve(
          email.startsWith('good') ? { ok: true } : { ok: false, error: 'The mailbox does not exist' },
        );
      },
    };
    const locations = createLocationsService({
      ...createLocationRepositories(db.knex),
      files: createFileRepository(db.knex),
      clock: { now: () => NOW },
      mailboxVerifier: verifier,
    });
    const id = await buildRoom(db.knex);
    const good = await locations.updateRoom(id, { exchangeEmail: 'good@northwind.test' });
    expect(good.exchange).toEqual({
      email: 'good@northwind.test',
      state: 'verified',
      checkedAt: NOW.toISOString(),
      error: null,
    });
    const bad = await locations.updateRoom(id, { exchangeEmail: 'bad@northwind.test' });
    expect(bad.exchange).toEqual({
      email: 'bad@northwind.test',
      state: 'failed',
      checkedAt: NOW.toISOString(),
      error: 'The mailbox does not exist',
    });
    await locations.updateRoom(id, { capacity: 9 });
    expect(checked).toEqual(['good@northwind.test', 'bad@northwind.test']);
    expect(bodyOf<Room>(await admin.get(`/api/rooms/${id}`)).exchange.state).toBe('failed');
  });

  it('refuses outlines that leave the floor plan or cross themselves with 422', async () => {
    const floorId = await floorWithPlan(200, 100);
    const before = await tableCounts(db.knex);
    const outside = await admin.post('/api/rooms').send({
      floorId,
      name: 'Wide',
      capacity: 2,
      shape: [
        [0, 0],
        [300, 0],
        [300, 50],
      ],
    });
    expect(outside.status).toBe(422);
    expect(errorOf(outside).details.problems).toEqual(['the outline leaves the 200x100 floor plan']);
    const bowTie = await admin.post('/api/rooms').send({
      floorId,
      name: 'Bow tie',
      capacity: 2,
      shape: [
        [0, 0],
        [50, 50],
        [50, 0],
        [0, 50],
      ],
    });
    expect(bowTie.status).toBe(422);
    expect(errorOf(bowTie).details.problems).toEqual(['the outline crosses itself']);
    const flat = await admin.post('/api/rooms').send({
      floorId,
      name: 'Flat',
      capacity: 2,
      shape: [
        [0, 0],
        [10, 10],
        [20, 20],
      ],
    });
    expect(flat.status).toBe(422);
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('checks a kept outline against the plan of the floor a room moves to', async () => {
    const roomId = await buildRoom(db.knex, {
      floorId: await floorWithPlan(1000, 1000),
      shape: [
        [500, 500],
        [900, 500],
        [900, 900],
      ],
    });
    const small = await floorWithPlan(100, 100);
    const moved = await admin.patch(`/api/rooms/${roomId}`).send({ floorId: small });
    expect(moved.status).toBe(422);
    expect(bodyOf<Room>(await admin.get(`/api/rooms/${roomId}`)).floorId).not.toBe(small);
  });

  it('refuses unknown floors and images with 422, repeated images and bad values with 400', async () => {
    const floorId = await buildFloor(db.knex);
    const image = await buildImageFile(db.knex);
    const missing = randomUUID();
    const before = await tableCounts(db.knex);
    const noFloor = await admin.post('/api/rooms').send({ floorId: randomUUID(), name: 'R', capacity: 2 });
    expect(noFloor.status).toBe(422);
    expect(errorOf(noFloor).details).toEqual({ field: 'floorId' });
    const noImage = await admin
      .post('/api/rooms')
      .send({ floorId, name: 'R', capacity: 2, imageFileIds: [image, missing] });
    expect(noImage.status).toBe(422);
    expect(errorOf(noImage).details).toEqual({ field: 'imageFileIds', missing: [missing] });
    const twice = await admin
      .post('/api/rooms')
      .send({ floorId, name: 'R', capacity: 2, imageFileIds: [image, image] });
    expect(twice.status).toBe(400);
    const invalid = await admin
      .post('/api/rooms')
      .send({ floorId, name: 'R', capacity: 0, tags: 'Display', exchangeEmail: 'nope', colour: 'red' });
    expect(invalid.status).toBe(400);
    const paths = (errorOf(invalid).details.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['capacity', 'tags', 'exchangeEmail']));
    const nul = await admin.post('/api/rooms').send({ floorId, name: 'R', capacity: 2, tags: ['Dis\u0000play'] });
    expect(nul.status).toBe(400);
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('answers 404 for unknown rooms and leaves GET /rooms to the search', async () => {
    const id = randomUUID();
    expect((await admin.get(`/api/rooms/${id}`)).status).toBe(404);
    expect((await admin.patch(`/api/rooms/${id}`).send({ name: 'N' })).status).toBe(404);
    expect((await admin.delete(`/api/rooms/${id}`)).status).toBe(404);
    // GET /rooms is the search (routes/rooms); the catalog must not shadow it.
    const declared = Object.values(locationsEndpoints).map((e) => `${e.method} ${e.path}`);
    expect(declared).not.toContain('get /rooms');
  });

  it('admins only: employees get 403 and anonymous callers 401, nothing changes', async () => {
    const floorId = await buildFloor(db.knex);
    const id = await buildRoom(db.knex, { floorId, name: 'Keep' });
    const before = await tableCounts(db.knex);
    const employee = as('employee');
    expect((await employee.post('/api/rooms').send({ floorId, name: 'R', capacity: 2 })).status).toBe(403);
    expect((await employee.patch(`/api/rooms/${id}`).send({ name: 'Other' })).status).toBe(403);
    expect((await employee.delete(`/api/rooms/${id}`)).status).toBe(403);
    expect((await t.anonymous.patch(`/api/rooms/${id}`).send({ name: 'Other' })).status).toBe(401);
    expect((await t.anonymous.get(`/api/rooms/${id}`)).status).toBe(401);
    expect(await tableCounts(db.knex)).toEqual(before);
    expect(bodyOf<Room>(await admin.get(`/api/rooms/${id}`)).name).toBe('Keep');
  });
});

describe('deleting a room', () => {
  it('is refused with the count while confirmed bookings are still to come', async () => {
    const roomId = await buildRoom(db.knex);
    await buildBooking(db.knex, { roomId, start: '2026-05-04T09:30:00Z', end: '2026-05-04T10:30:00Z' });
    await buildBooking(db.knex, { roomId, start: '2026-05-05T09:00:00Z', end: '2026-05-05T10:00:00Z' });
    await buildBooking(db.knex, {
      roomId,
      start: '2026-05-06T09:00:00Z',
      end: '2026-05-06T10:00:00Z',
      status: 'cancelled',
    });
    await buildBooking(db.knex, { roomId, start: '2026-05-01T09:00:00Z', end: '2026-05-01T10:00:00Z' });
    const refused = await admin.delete(`/api/rooms/${roomId}`);
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'conflict', details: { upcomingConfirmedBookings: 2 } });
    expect(errorOf(refused).message).toContain('active: false');
    expect((await admin.get(`/api/rooms/${roomId}`)).status).toBe(200);

    expect((await admin.delete(`/api/rooms/${roomId}?cascade=true`)).status).toBe(204);
    expect((await admin.get(`/api/rooms/${roomId}`)).status).toBe(404);
    expect(await db.knex('bookings').where({ room_id: roomId }).count<{ n: number }[]>('* as n')).toEqual([{ n: 0 }]);
  });

  it('goes ahead when only past or cancelled bookings remain', async () => {
    const roomId = await buildRoom(db.knex);
    await buildBooking(db.knex, { roomId, start: '2026-05-01T09:00:00Z', end: '2026-05-01T10:00:00Z' });
    await buildBooking(db.knex, {
      roomId,
      start: '2026-05-08T09:00:00Z',
      end: '2026-05-08T10:00:00Z',
      status: 'declined',
    });
    expect((await admin.delete(`/api/rooms/${roomId}`)).status).toBe(204);
    expect((await admin.get(`/api/rooms/${roomId}`)).status).toBe(404);
  });

  it('rejects a cascade flag that is not true or false', async () => {
    const roomId = await buildRoom(db.knex);
    expect((await admin.delete(`/api/rooms/${roomId}?cascade=yes`)).status).toBe(400);
    expect((await admin.get(`/api/rooms/${roomId}`)).status).toBe(200);
  });
});
