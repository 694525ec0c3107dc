import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { DisplayState } from '../../shared/schemas/displays';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, asDisplay, pairDisplay } from './displaysHarness';

interface ActionResult {
  requestId: string;
  outcome: string;
  state: DisplayState;
}

describe('checking in at a display', () => {
  let db: TestDatabase;
  let clock: ManualClock;
  let t: TestApp;
  let token: string;
  let displayId: string;
  let roomId: string;
  let bookingId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock('2026-05-04T07:30:00Z');
    t = createTestApp(db.knex, { clock });
    const admin = await t.tokenFor('admin');
    const floorId = await buildFloor(db.knex, {
      buildingId: await buildBuilding(db.knex, { timeZone: 'Europe/Berlin' }),
    });
    roomId = await buildRoom(db.knex, { floorId });
    // 10:00–11:00 in Berlin.
    bookingId = await buildBooking(db.knex, { roomId, start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z' });
    const saved = await request(t.app)
      .put(`/api/admin/display-settings/rooms/${roomId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ checkInRequired: true });
    expect(saved.status).toBe(200);
    const created = await addDisplay(t.app, admin, roomId);
    displayId = created.id;
    token = (await pairDisplay(t.app, created.pairingCode)).token;
  });
  afterAll(async () => {
    await db.close();
  });

  const checkIn = (requestId: string) =>
    asDisplay(request(t.app).post('/api/display/check-in'), token).send({ requestId });
  const facts = () => db.knex('display_actions').where({ kind: 'check-in' }).select<Record<string, unknown>[]>();

  it('refuses a check-in before the window with the window in words, and records nothing', async () => {
    const res = await checkIn(randomUUID());
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { code: 'conflict', message: 'Check-in for the meeting at 10:00 is open from 09:50 to 10:10.' },
    });
    expect(await facts()).toEqual([]);
  });

  it('checks in inside the window, keeps the fact, and the room stops awaiting its check-in', async () => {
    clock.set('2026-05-04T07:55:00Z');
    const before = await asDisplay(request(t.app).get('/api/display/state'), token);
    expect((before.body as DisplayState).state).toBe('awaiting-check-in');
    const requestId = randomUUID();
    const res = await checkIn(requestId);
    expect(res.status).toBe(200);
    const result = res.body as ActionResult;
    expect(result).toMatchObject({ requestId, outcome: 'confirmed' });
    expect(result.state.state).toBe('starting-soon');
    expect(result.state.next[0]?.checkedIn).toBe(true);
    const rows = await facts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      display_id: displayId,
      room_id: roomId,
      booking_id: bookingId,
      request_id: requestId,
    });
    expect(new Date(rows[0]?.at as string).toISOString()).toBe('2026-05-04T07:55:00.000Z');
  });

  it('acts once for a double tap, and keeps the first check-in when someone taps again', async () => {
    const requestId = randomUUID();
    const [first, second] = await Promise.all([checkIn(requestId), checkIn(requestId)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    clock.set('2026-05-04T08:05:00Z');
    expect((await checkIn(randomUUID())).status).toBe(200);
    expect(await facts()).toHaveLength(1);
    const state = await asDisplay(request(t.app).get('/api/display/state'), token);
    expect((state.body as DisplayState).state).toBe('busy');
  });

  it('refuses after the window closed, saying when it was open', async () => {
    clock.set('2026-05-04T08:10:00Z');
    const res = await checkIn(randomUUID());
    expect(res.status).toBe(409);
    expect((res.body as { error: { message: string } }).error.message).toBe(
      'Check-in for the meeting at 10:00 was open from 09:50 to 10:10.',
    );
    expect(await facts()).toHaveLength(1);
  });

  it('refuses a request without a request id, and anyone but a display', async () => {
    const bad = await asDisplay(request(t.app).post('/api/display/check-in'), token).send({});
    expect(bad.status).toBe(400);
    const user = await t.tokenFor('admin');
    const asUser = await request(t.app)
      .post('/api/display/check-in')
      .set('Authorization', `Bearer ${user}`)
      .send({ requestId: randomUUID() });
    expect(asUser.status).toBe(403);
    expect(await facts()).toHaveLength(1);
  });
});
