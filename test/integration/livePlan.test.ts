import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createInProcessRoomChanges } from '../../server/adapters/roomChanges/inProcess';
import type { FloorOccupancy, PlanRoom } from '../../shared/schemas/plan';
import type { Role } from '../../shared/schemas/users';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * GET /api/floors/:id/occupancy as each role: the API applies the privacy rules, so no role
 * reads a name or a subject it should not, whatever the page would show. Also the room
 * timeline under the same settings, bad input, and the plan's push stream.
 */
describe('the live plan over the API', () => {
  let db: TestDatabase;
  let t: TestApp;
  let floorId: string;
  let publicRoom: string;
  let privateRoom: string;
  let freeRoom: string;
  const tokens = {} as Record<Role, string>;
  const clock = new ManualClock('2026-05-04T08:20:00Z'); // 10:20 in Berlin
  const bus = createInProcessRoomChanges();

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex, { clock, displays: { heartbeatMs: 60_000, roomChanges: () => bus } });
    for (const role of ['admin', 'employee', 'analyst', 'facility', 'external'] as const)
      tokens[role] = await t.tokenFor(role);
    const buildingId = await buildBuilding(db.knex, { name: 'HQ', timeZone: 'Europe/Berlin' });
    floorId = await buildFloor(db.knex, { buildingId, name: 'Ground' });
    publicRoom = await buildRoom(db.knex, { floorId, name: 'Fjord', capacity: 8, bookableExternal: true });
    privateRoom = await buildRoom(db.knex, { floorId, name: 'Glacier', capacity: 4, bookableExternal: true });
    freeRoom = await buildRoom(db.knex, {
      floorId,
      name: 'Harbour',
      capacity: 6,
      shape: [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
    });
    await buildRoom(db.knex, { floorId: await buildFloor(db.knex, { buildingId }), name: 'Upstairs' });
    const attendees = [
      { name: 'Ann Attendee', email: 'ann@example.test' },
      { name: 'Ben Attendee', email: 'ben@example.test' },
    ];
    await buildBooking(db.knex, {
      roomId: publicRoom,
      start: '2026-05-04T08:00:00Z',
      end: '2026-05-04T09:00:00Z',
      subject: 'Sprint review',
      organizerName: 'Olga Organizer',
      attendees,
    });
    await buildBooking(db.knex, {
      roomId: privateRoom,
      start: '2026-05-04T08:00:00Z',
      end: '2026-05-04T09:00:00Z',
      subject: 'Salary talks',
      organizerName: 'Pia Private',
      organizerEmail: 'pia@example.test',
      attendees,
      isPrivate: true,
    });
    await buildBooking(db.knex, {
      roomId: freeRoom,
      start: '2026-05-04T12:00:00Z',
      end: '2026-05-04T13:00:00Z',
      subject: 'Lunch and learn',
    });
  });
  afterAll(async () => {
    await db.close();
  });

  const occupancy = (role: Role, query = '') =>
    request(t.app).get(`/api/floors/${floorId}/occupancy${query}`).set('Authorization', `Bearer ${tokens[role]}`);
  const roomIn = (body: FloorOccupancy, id: string): PlanRoom => {
    const room = body.rooms.find((r) => r.id === id);
    if (!room) throw new Error(`room ${id} not on the plan`);
    return room;
  };
  const savePrivacy = async (organizerNames: string, subjects: string) => {
    const res = await request(t.app)
      .put('/api/admin/privacy-settings')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ organizerNames, subjects });
    expect(res.status).toBe(200);
  };
  /** [organizer, subject] of the public and the private meeting as `role` reads them. */
  const holders = async (role: Role) => {
    const res = await occupancy(role);
    expect(res.status).toBe(200);
    const body = res.body as FloorOccupancy;
    const text = JSON.stringify(body);
    const of = (id: string) => [roomIn(body, id).current?.organizer ?? null, roomIn(body, id).current?.subject ?? null];
    return { public: of(publicRoom), private: of(privateRoom), text };
  };

  it('draws every room of the floor with its state, the meeting holding it and the next one', async () => {
    const res = await occupancy('employee');
    expect(res.status).toBe(200);
    const body = res.body as FloorOccupancy;
    expect(body.at).toBe('2026-05-04T08:20:00.000Z');
    expect(body.floor).toMatchObject({ id: floorId, name: 'Ground', buildingName: 'HQ', timeZone: 'Europe/Berlin' });
    expect(body.rooms.map((r) => [r.name, r.state])).toEqual([
      ['Fjord', 'busy'],
      ['Glacier', 'busy'],
      ['Harbour', 'free'],
    ]);
    expect(roomIn(body, publicRoom).current).toMatchObject({ start: '2026-05-04T08:00:00.000Z', attendeeCount: 2 });
    expect(roomIn(body, freeRoom).next.map((m) => m.subject)).toEqual(['Lunch and learn']);
    expect(roomIn(body, freeRoom).shape).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
    ]);
  });

  it('shows the plan at another time of the week', async () => {
    const res = await occupancy('employee', '?at=2026-05-04T12:30:00Z');
    const body = res.body as FloorOccupancy;
    expect(roomIn(body, freeRoom)).toMatchObject({ state: 'busy', current: { subject: 'Lunch and learn' } });
    expect(roomIn(body, publicRoom).state).toBe('free');
  });

  it('answers a reader polling an unchanged plan with 304, and shows a booking change at once', async () => {
    const first = await occupancy('employee').set('Accept-Encoding', 'gzip');
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    const etag = String(first.headers.etag);
    expect((await occupancy('employee').set('If-None-Match', etag)).status).toBe(304);
    // Another class of reader gets its own answer, not the employee's.
    const external = await occupancy('external').set('If-None-Match', etag);
    expect(external.status).toBe(200);
    expect(JSON.stringify(external.body)).not.toContain('Olga');
    const booked = await buildBooking(db.knex, {
      roomId: freeRoom,
      start: '2026-05-04T08:10:00Z',
      end: '2026-05-04T08:50:00Z',
      subject: 'Walk-in',
    });
    await bus.publish({ kind: 'room', roomId: freeRoom }); // what the sync and bookings publish
    const changed = await occupancy('employee').set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(roomIn(changed.body as FloorOccupancy, freeRoom)).toMatchObject({ state: 'busy' });
    await db.knex('bookings').where({ id: booked }).delete();
    await bus.publish({ kind: 'room', roomId: freeRoom });
    expect(roomIn((await occupancy('employee')).body as FloorOccupancy, freeRoom).state).toBe('free');
  });

  describe('the privacy matrix', () => {
    it.each<[string, string, Record<Role, { public: (string | null)[]; private: (string | null)[] }>]>([
      [
        'signed-in',
        'non-private',
        {
          admin: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', 'Salary talks'] },
          employee: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', null] },
          analyst: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', null] },
          facility: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', null] },
          external: { public: [null, null], private: [null, null] },
        },
      ],
      [
        'employees',
        'non-private',
        {
          admin: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', 'Salary talks'] },
          employee: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', null] },
          analyst: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', null] },
          facility: { public: [null, 'Sprint review'], private: [null, null] },
          external: { public: [null, null], private: [null, null] },
        },
      ],
      [
        'nobody',
        'never',
        {
          admin: { public: ['Olga Organizer', 'Sprint review'], private: ['Pia Private', 'Salary talks'] },
          employee: { public: [null, null], private: [null, null] },
          analyst: { public: [null, null], private: [null, null] },
          facility: { public: [null, null], private: [null, null] },
          external: { public: [null, null], private: [null, null] },
        },
      ],
    ])('names to %s, subjects %s', async (names, subjects, expected) => {
      await savePrivacy(names, subjects);
      for (const role of ['admin', 'employee', 'analyst', 'facility', 'external'] as const) {
        const seen = await holders(role);
        expect({ role, public: seen.public, private: seen.private }).toEqual({ role, ...expected[role] });
        // Nothing hidden is anywhere in the answer, not only in the fields the page reads.
        if (role !== 'admin') expect(seen.text).not.toContain('Salary talks');
        if (expected[role].private[0] === null) expect(seen.text).not.toContain('Pia');
        if (expected[role].public[0] === null) expect(seen.text).not.toContain('Olga');
        if (role === 'external')
          expect(seen.text).not.toMatch(/Sprint review|Lunch and learn|Ann Attendee|Ben Attendee/);
      }
    });

    it('applies the same settings to the room timeline', async () => {
      await savePrivacy('nobody', 'never');
      const res = await request(t.app)
        .get(`/api/rooms/${publicRoom}/schedule?from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z`)
        .set('Authorization', `Bearer ${tokens.employee}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/Olga|Sprint review|Ann Attendee/);
      await savePrivacy('signed-in', 'non-private');
      const shown = await request(t.app)
        .get(`/api/rooms/${publicRoom}/schedule?from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z`)
        .set('Authorization', `Bearer ${tokens.employee}`);
      expect(shown.body).toMatchObject({
        entries: [{ subject: 'Sprint review', organizer: { name: 'Olga Organizer' } }],
      });
    });
  });

  describe('bad input', () => {
    it('answers 404 for an unknown floor', async () => {
      const res = await request(t.app)
        .get('/api/floors/00000000-0000-4000-8000-000000000000/occupancy')
        .set('Authorization', `Bearer ${tokens.employee}`);
      expect(res.status).toBe(404);
    });

    it.each(['2026-05-03T21:59:00Z', '2026-05-11T22:00:00Z'])(
      'answers 400 with the horizon in words for %s',
      async (at) => {
        const res = await occupancy('employee', `?at=${at}`);
        expect(res.status).toBe(400);
        expect((res.body as { error: { message: string } }).error.message).toBe(
          'The plan shows today and the next 7 days: from Mon 4 May 2026 00:00 to Tue 12 May 2026 00:00 (Europe/Berlin).',
        );
      },
    );

    it('answers 400 for an `at` that is not an instant, and 401 without credentials', async () => {
      expect((await occupancy('employee', '?at=tomorrow')).status).toBe(400);
      expect((await request(t.app).get(`/api/floors/${floorId}/occupancy`)).status).toBe(401);
    });

    it('keeps the privacy settings to admins and refuses values it does not know', async () => {
      const asEmployee = await request(t.app)
        .put('/api/admin/privacy-settings')
        .set('Authorization', `Bearer ${tokens.employee}`)
        .send({ organizerNames: 'nobody', subjects: 'never' });
      expect(asEmployee.status).toBe(403);
      const wrong = await request(t.app)
        .put('/api/admin/privacy-settings')
        .set('Authorization', `Bearer ${tokens.admin}`)
        .send({ organizerNames: 'everyone', subjects: 'never' });
      expect(wrong.status).toBe(400);
      const kept = await request(t.app)
        .get('/api/admin/privacy-settings')
        .set('Authorization', `Bearer ${tokens.admin}`);
      expect(kept.body).toEqual({ organizerNames: 'signed-in', subjects: 'non-private' });
    });
  });

  describe('the push stream', () => {
    let server: Server;
    let baseUrl: string;
    beforeAll(async () => {
      server = t.app.listen(0);
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('tells an open plan which of its rooms changed, and nothing of other floors', async () => {
      const abort = new AbortController();
      const res = await fetch(`${baseUrl}/api/floors/${floorId}/occupancy/events`, {
        headers: { Authorization: `Bearer ${tokens.employee}` },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      const until = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${String(pattern)}: ${text}`);
          text += decoder.decode(value, { stream: true });
        }
      };
      await until(/retry: /);
      const other = await buildRoom(db.knex, { name: 'Elsewhere' });
      // What the sync, Roomserve bookings and check-ins publish after each write.
      await bus.publish({ kind: 'room', roomId: other });
      await bus.publish({ kind: 'room', roomId: freeRoom });
      await until(/event: changed\ndata: .*\n\n/);
      expect(text).toContain(`event: changed\ndata: {"roomIds":["${freeRoom}"]}`);
      expect(text).not.toContain(other);
      abort.abort();
    });

    it('answers 404 for the stream of an unknown floor', async () => {
      const res = await fetch(`${baseUrl}/api/floors/00000000-0000-4000-8000-000000000000/occupancy/events`, {
        headers: { Authorization: `Bearer ${tokens.employee}` },
      });
      expect(res.status).toBe(404);
    });
  });
});
