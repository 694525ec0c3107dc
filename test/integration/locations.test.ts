import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '../../shared/schemas/users';
import { buildBuilding, buildFloor, buildImageFile, buildRoom } from '../factories/locations';
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
const employee = as('employee');

describe('buildings', () => {
  it('an admin creates, reads, lists, changes and deletes a building', async () => {
    const created = await admin.post('/api/buildings').send({
      name: '  Harbour House ',
      timeZone: 'Europe/Berlin',
      openingHours: { mon: [{ open: '08:00', close: '18:00' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Harbour House',
      address: '',
      timeZone: 'Europe/Berlin',
      openingHours: { mon: [{ open: '08:00', close: '18:00' }] },
    });
    const id = bodyOf<{ id: string }>(created).id;

    expect((await employee.get(`/api/buildings/${id}`)).body).toEqual(created.body);
    expect((await employee.get('/api/buildings')).body).toContainEqual(created.body);

    const patched = await admin.patch(`/api/buildings/${id}`).send({ address: 'Am Kai 1', timeZone: 'Europe/London' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Harbour House', address: 'Am Kai 1', timeZone: 'Europe/London' });

    expect((await admin.delete(`/api/buildings/${id}`)).status).toBe(204);
    expect((await employee.get(`/api/buildings/${id}`)).status).toBe(404);
  });

  it('lists buildings by name', async () => {
    await buildBuilding(db.knex, { name: 'Zeppelin Hall' });
    await buildBuilding(db.knex, { name: 'Aachen Annex' });
    const names = ((await employee.get('/api/buildings')).body as { name: string }[]).map((b) => b.name);
    expect(names.indexOf('Aachen Annex')).toBeLessThan(names.indexOf('Zeppelin Hall'));
  });

  it('refuses writes by anyone but an admin, and reads by anonymous callers', async () => {
    const id = await buildBuilding(db.knex);
    const before = await tableCounts(db.knex);
    const body = { name: 'X', timeZone: 'UTC' };
    expect(errorOf(await employee.post('/api/buildings').send(body)).code).toBe('forbidden');
    expect((await as('facility').patch(`/api/buildings/${id}`).send({ name: 'Y' })).status).toBe(403);
    expect((await employee.delete(`/api/buildings/${id}`)).status).toBe(403);
    const anonymous = await t.anonymous.post('/api/buildings').send(body);
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous).code).toBe('unauthenticated');
    expect((await t.anonymous.get('/api/buildings')).status).toBe(401);
    expect((await t.anonymous.get(`/api/buildings/${id}`)).status).toBe(401);
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('answers 400 with the offending fields for invalid input', async () => {
    const before = await tableCounts(db.knex);
    const res = await admin.post('/api/buildings').send({ name: '', timeZone: 'Mars/Olympus', extra: 1 });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('validation_failed');
    const paths = (errorOf(res).details.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'timeZone']));
    const hours = await admin
      .post('/api/buildings')
      .send({ name: 'B', timeZone: 'UTC', openingHours: { mon: [{ open: '18:00', close: '08:00' }] } });
    expect(hours.status).toBe(400);
    expect((await admin.get('/api/buildings/not-a-uuid')).status).toBe(400);
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('refuses text with NUL characters, which PostgreSQL cannot store, with 400', async () => {
    const id = await buildBuilding(db.knex);
    const before = await tableCounts(db.knex);
    const res = await admin.post('/api/buildings').send({ name: 'Harbour\u0000House', timeZone: 'UTC' });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('validation_failed');
    expect((await admin.patch(`/api/buildings/${id}`).send({ address: 'x\u0000' })).status).toBe(400);
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('answers 404 for unknown ids on every verb', async () => {
    const id = randomUUID();
    expect(errorOf(await employee.get(`/api/buildings/${id}`)).code).toBe('not_found');
    expect((await admin.patch(`/api/buildings/${id}`).send({ name: 'N' })).status).toBe(404);
    expect((await admin.delete(`/api/buildings/${id}`)).status).toBe(404);
  });

  it('keeps a building that still has rooms unless the admin cascades', async () => {
    const buildingId = await buildBuilding(db.knex);
    const floorId = await buildFloor(db.knex, { buildingId });
    await buildRoom(db.knex, { floorId });
    await buildRoom(db.knex, { floorId });
    const refused = await admin.delete(`/api/buildings/${buildingId}`);
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'conflict', details: { rooms: 2 } });
    expect((await employee.get(`/api/floors/${floorId}`)).status).toBe(200);

    expect((await admin.delete(`/api/buildings/${buildingId}?cascade=true`)).status).toBe(204);
    expect((await employee.get(`/api/floors/${floorId}`)).status).toBe(404);
    expect(await db.knex('rooms').where({ floor_id: floorId }).count<{ n: number }[]>('* as n')).toEqual([{ n: 0 }]);
  });

  it('deletes a building whose floors have no rooms', async () => {
    const buildingId = await buildBuilding(db.knex);
    const floorId = await buildFloor(db.knex, { buildingId });
    expect((await admin.delete(`/api/buildings/${buildingId}`)).status).toBe(204);
    expect((await employee.get(`/api/floors/${floorId}`)).status).toBe(404);
  });
});

describe('floors', () => {
  it('an admin creates a floor with a plan whose size comes from the uploaded image', async () => {
    const buildingId = await buildBuilding(db.knex);
    const planFileId = await buildImageFile(db.knex, { width: 1600, height: 900 });
    const created = await admin.post('/api/floors').send({ buildingId, name: 'Ground floor', level: 0, planFileId });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      buildingId,
      name: 'Ground floor',
      level: 0,
      plan: { url: `/api/files/${planFileId}`, width: 1600, height: 900 },
    });
    const id = bodyOf<{ id: string }>(created).id;
    expect((await employee.get(`/api/floors/${id}`)).body).toEqual(created.body);

    const withoutPlan = await admin.patch(`/api/floors/${id}`).send({ planFileId: null, name: 'Lobby' });
    expect(withoutPlan.body).toMatchObject({ name: 'Lobby', level: 0, plan: null });
    expect((await admin.delete(`/api/floors/${id}`)).status).toBe(204);
    expect((await employee.get(`/api/floors/${id}`)).status).toBe(404);
  });

  it('lists the floors of one building by level', async () => {
    const buildingId = await buildBuilding(db.knex);
    const other = await buildBuilding(db.knex);
    await buildFloor(db.knex, { buildingId, level: 2 });
    await buildFloor(db.knex, { buildingId, level: -1 });
    await buildFloor(db.knex, { buildingId: other, level: 0 });
    const res = await employee.get(`/api/floors?buildingId=${buildingId}`);
    expect(res.status).toBe(200);
    expect((res.body as { level: number; buildingId: string }[]).map((f) => [f.buildingId, f.level])).toEqual([
      [buildingId, -1],
      [buildingId, 2],
    ]);
    expect(((await employee.get('/api/floors')).body as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect((await employee.get(`/api/floors?buildingId=${randomUUID()}`)).status).toBe(404);
    expect((await employee.get('/api/floors?buildingId=nope')).status).toBe(400);
  });

  it('refuses a second floor on the same level of a building with 409', async () => {
    const buildingId = await buildBuilding(db.knex);
    await buildFloor(db.knex, { buildingId, level: 3 });
    const floorId = await buildFloor(db.knex, { buildingId, level: 4 });
    const before = await tableCounts(db.knex);
    const duplicate = await admin.post('/api/floors').send({ buildingId, name: 'Again', level: 3 });
    expect(duplicate.status).toBe(409);
    expect(errorOf(duplicate).code).toBe('conflict');
    expect((await admin.patch(`/api/floors/${floorId}`).send({ level: 3 })).status).toBe(409);
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('refuses references to a missing building or plan file with 422, and writes nothing', async () => {
    const buildingId = await buildBuilding(db.knex);
    const before = await tableCounts(db.knex);
    const noBuilding = await admin.post('/api/floors').send({ buildingId: randomUUID(), name: 'F', level: 1 });
    expect(noBuilding.status).toBe(422);
    expect(errorOf(noBuilding).details).toEqual({ field: 'buildingId' });
    const noPlan = await admin.post('/api/floors').send({ buildingId, name: 'F', level: 1, planFileId: randomUUID() });
    expect(noPlan.status).toBe(422);
    expect(errorOf(noPlan).details).toEqual({ field: 'planFileId' });
    const badLevel = await admin.post('/api/floors').send({ buildingId, name: 'F', level: 1.5 });
    expect(badLevel.status).toBe(400);
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('keeps a floor that still has rooms unless the admin cascades', async () => {
    const floorId = await buildFloor(db.knex);
    const roomId = await buildRoom(db.knex, { floorId });
    const refused = await admin.delete(`/api/floors/${floorId}`);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).details).toEqual({ rooms: 1 });
    expect((await employee.get(`/api/rooms/${roomId}`)).status).toBe(200);
    expect((await admin.delete(`/api/floors/${floorId}?cascade=true`)).status).toBe(204);
    expect((await employee.get(`/api/rooms/${roomId}`)).status).toBe(404);
  });

  it('admins only: employees get 403 and anonymous callers 401', async () => {
    const buildingId = await buildBuilding(db.knex);
    expect((await employee.post('/api/floors').send({ buildingId, name: 'F', level: 9 })).status).toBe(403);
    expect((await t.anonymous.post('/api/floors').send({ buildingId, name: 'F', level: 9 })).status).toBe(401);
    expect((await t.anonymous.get('/api/floors')).status).toBe(401);
  });
});
