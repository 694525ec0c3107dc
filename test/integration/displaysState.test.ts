import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { DisplayState } from '../../shared/schemas/displays';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, asDisplay, pairDisplay } from './displaysHarness';

describe("a display's state", () => {
  let db: TestDatabase;
  let clock: ManualClock;
  let t: TestApp;
  let admin: string;
  let token: string;
  let roomId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock('2026-05-04T08:20:00Z'); // 10:20 in Berlin
    t = createTestApp(db.knex, { clock });
    admin = await t.tokenFor('admin');
    const buildingId = await buildBuilding(db.knex, { name: 'HQ', timeZone: 'Europe/Berlin' });
    const ground = await buildFloor(db.knex, { buildingId, name: 'Ground' });
    const first = await buildFloor(db.knex, { buildingId, name: 'First' });
    const elsewhere = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex) });
    roomId = await buildRoom(db.knex, { floorId: ground, name: 'Fjord', capacity: 8, tags: ['Screen', 'Whiteboard'] });
    await buildRoom(db.knex, { floorId: ground, name: 'Small', capacity: 4 });
    const taken = await buildRoom(db.knex, { floorId: ground, name: 'Taken soon', capacity: 4 });
    await buildRoom(db.knex, { floorId: first, name: 'Upstairs', capacity: 10 });
    await buildRoom(db.knex, { floorId: elsewhere, name: 'Other building', capacity: 2 });
    await buildRoom(db.knex, { floorId: ground, name: 'Closed', capacity: 2, active: false });
    await buildBooking(db.knex, {
      roomId,
      start: '2026-05-04T08:00:00Z',
      end: '2026-05-04T09:00:00Z',
      subject: 'Sprint review',
      organizerName: 'Olga Organizer',
    });
    await buildBooking(db.knex, {
      roomId,
      start: '2026-05-04T12:00:00Z',
      end: '2026-05-04T13:00:00Z',
      subject: 'Layoffs',
      organizerName: 'Hidden Person',
      isPrivate: true,
    });
    await buildBooking(db.knex, {
      roomId,
      start: '2026-05-04T14:00:00Z',
      end: '2026-05-04T15:00:00Z',
      subject: 'Called off',
      status: 'cancelled',
    });
    await buildBooking(db.knex, {
      roomId: taken,
      start: '2026-05-04T08:40:00Z',
      end: '2026-05-04T09:00:00Z',
      subject: 'Another room meeting',
    });
    const created = await addDisplay(t.app, admin, roomId);
    token = (await pairDisplay(t.app, created.pairingCode)).token;
  });
  afterAll(async () => {
    await db.close();
  });

  async function state(): Promise<DisplayState> {
    const res = await asDisplay(request(t.app).get('/api/display/state'), token);
    expect(res.status).toBe(200);
    return res.body as DisplayState;
  }

  const putSettings = (path: string, body: object) =>
    request(t.app).put(`/api/admin/display-settings${path}`).set('Authorization', `Bearer ${admin}`).send(body);

  it('shows the room busy with its meeting, the time left, what comes next, and rooms free nearby', async () => {
    const s = await state();
    expect(s.room).toEqual({
      id: roomId,
      name: 'Fjord',
      capacity: 8,
      tags: ['Screen', 'Whiteboard'],
      floorName: 'Ground',
      buildingName: 'HQ',
      timeZone: 'Europe/Berlin',
    });
    expect(s.state).toBe('busy');
    expect(s.current).toMatchObject({
      title: 'Sprint review',
      organizer: 'Olga Organizer',
      start: '2026-05-04T08:00:00.000Z',
      end: '2026-05-04T09:00:00.000Z',
    });
    expect(s.minutesLeft).toBe(40);
    expect(s.next.map((m) => [m.title, m.organizer])).toEqual([['Booked', null]]);
    expect(s.today.map((m) => m.title)).toEqual(['Sprint review', 'Booked']);
    // Same floor first, then the building; never this room, a room taken within 30 min, an inactive one, or another building.
    expect(s.nearestFree.map((r) => [r.name, r.sameFloor])).toEqual([
      ['Small', true],
      ['Upstairs', false],
    ]);
    const text = JSON.stringify(s);
    expect(text).not.toContain('Layoffs');
    expect(text).not.toContain('Hidden Person');
    expect(text).not.toContain('Called off');
    expect(text).not.toContain('Another room meeting');
  });

  it('is free with the minutes until the next meeting, and offers no other rooms', async () => {
    clock.set('2026-05-04T09:30:00Z');
    try {
      const s = await state();
      expect(s).toMatchObject({ state: 'free', current: null, minutesLeft: 150, nearestFree: [] });
      clock.set('2026-05-04T11:50:00Z');
      expect(await state()).toMatchObject({ state: 'starting-soon', minutesLeft: 10 });
    } finally {
      clock.set('2026-05-04T08:20:00Z');
    }
  });

  it('hides subjects and organizer names per the installation, and a room may override them', async () => {
    expect(
      (
        await putSettings('', {
          showSubjects: false,
          showOrganizers: true,
          checkInRequired: false,
          checkInWindowBeforeMinutes: 10,
          checkInWindowAfterMinutes: 10,
          releaseAfterMinutes: 10,
          bookNowOptions: [15, 30, 60, 'until-next'],
        })
      ).status,
    ).toBe(200);
    expect((await state()).current).toMatchObject({ title: 'Booked', organizer: 'Olga Organizer' });

    const room = await putSettings(`/rooms/${roomId}`, { showSubjects: true, showOrganizers: false });
    expect(room.status).toBe(200);
    expect(room.body).toMatchObject({ showSubjects: true, showOrganizers: false, checkInRequired: null });
    expect((await state()).current).toMatchObject({ title: 'Sprint review', organizer: null });
    // A private meeting stays hidden even where subjects are shown.
    expect((await state()).next[0]?.title).toBe('Booked');
  });

  it('awaits a check-in inside the window when the room requires it', async () => {
    expect((await putSettings(`/rooms/${roomId}`, { checkInRequired: true })).status).toBe(200);
    clock.set('2026-05-04T08:05:00Z');
    try {
      expect((await state()).state).toBe('awaiting-check-in');
      clock.set('2026-05-04T08:10:00Z');
      expect((await state()).state).toBe('busy');
    } finally {
      clock.set('2026-05-04T08:20:00Z');
      await putSettings(`/rooms/${roomId}`, {});
    }
  });

  it('keeps the release delay and book-now choices, per installation and per room, and refuses bad ones', async () => {
    const base = (await request(t.app).get('/api/admin/display-settings').set('Authorization', `Bearer ${admin}`))
      .body as Record<string, unknown>;
    const saved = await putSettings('', { ...base, releaseAfterMinutes: 15, bookNowOptions: [30, 'until-next'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ releaseAfterMinutes: 15, bookNowOptions: [30, 'until-next'] });
    expect((await putSettings('', { ...base, releaseAfterMinutes: 0 })).status).toBe(400);
    expect((await putSettings('', { ...base, bookNowOptions: [] })).status).toBe(400);
    expect((await putSettings('', { ...base, bookNowOptions: [45] })).status).toBe(400);
    const rulesBefore = (
      await request(t.app).get(`/api/rooms/${roomId}/booking-rules`).set('Authorization', `Bearer ${admin}`)
    ).body as object;
    const room = await putSettings(`/rooms/${roomId}`, { bookNowOptions: [60], releaseAfterMinutes: 5 });
    expect(room.body).toMatchObject({ bookNowOptions: [60], releaseAfterMinutes: 5 });
    try {
      clock.set('2026-05-04T05:00:00Z');
      // A room not connected to Exchange cannot be booked: nothing is offered.
      expect((await state()).bookNowOptions).toEqual([]);
      await db
        .knex('rooms')
        .where({ id: roomId })
        .update({ exchange_email: 'room.state@example.test', exchange_state: 'verified' });
      // A free morning: the room's own choice is what the display offers ...
      expect((await state()).bookNowOptions).toEqual([60]);
      // ... within the room's booking rules.
      const rules = await request(t.app)
        .put(`/api/rooms/${roomId}/booking-rules`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ maxDurationMinutes: 30, bookingWindowDays: 180, minNoticeMinutes: 0, readOnly: false });
      expect(rules.status).toBe(200);
      await putSettings(`/rooms/${roomId}`, { bookNowOptions: [15, 60] });
      expect((await state()).bookNowOptions).toEqual([15]);
    } finally {
      await db.knex('rooms').where({ id: roomId }).update({ exchange_email: null, exchange_state: 'unconnected' });
      await request(t.app)
        .put(`/api/rooms/${roomId}/booking-rules`)
        .set('Authorization', `Bearer ${admin}`)
        .send(rulesBefore);
      clock.set('2026-05-04T08:20:00Z');
      await putSettings(`/rooms/${roomId}`, {});
      await putSettings('', base);
    }
  });

  it('refuses bad settings, unknown rooms and non-admins, changing nothing', async () => {
    const before = await request(t.app).get('/api/admin/display-settings').set('Authorization', `Bearer ${admin}`);
    expect(before.status).toBe(200);
    const saved = before.body as object;
    expect((await putSettings('', { showSubjects: 'yes' })).status).toBe(400);
    expect((await putSettings('', { ...saved, checkInWindowAfterMinutes: 0 })).status).toBe(400);
    expect((await putSettings(`/rooms/${roomId}`, { checkInWindowBeforeMinutes: 61 })).status).toBe(400);
    expect((await putSettings('/rooms/00000000-0000-4000-8000-000000000000', {})).status).toBe(404);
    const employee = await t.tokenFor('employee');
    const denied = await request(t.app)
      .put('/api/admin/display-settings')
      .set('Authorization', `Bearer ${employee}`)
      .send(saved);
    expect(denied.status).toBe(403);
    const after = await request(t.app).get('/api/admin/display-settings').set('Authorization', `Bearer ${admin}`);
    expect(after.body).toEqual(saved);
  });
});
