import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import type { DisplayState } from '../../shared/schemas/displays';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, asDisplay, pairDisplay } from './displaysHarness';

/** Attacks on a display's PIN: actions without it, with a wrong one, trying it through, from elsewhere. */
describe('a display PIN', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: string;
  let displayId: string;
  let token: string;
  let otherToken: string;
  const secrets = createSecretBox(randomBytes(32));

  beforeAll(async () => {
    db = await createTestDatabase();
    // In the check-in window of a 10:00 meeting (Berlin).
    const clock = new ManualClock('2026-05-04T07:55:00Z');
    t = createTestApp(db.knex, { clock, secrets });
    admin = await t.tokenFor('admin');
    const floorId = await buildFloor(db.knex, {
      buildingId: await buildBuilding(db.knex, { timeZone: 'Europe/Berlin' }),
    });
    const roomId = await buildRoom(db.knex, { floorId });
    const otherRoomId = await buildRoom(db.knex, { floorId });
    await buildBooking(db.knex, { roomId, start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z' });
    await buildBooking(db.knex, { roomId: otherRoomId, start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z' });
    const created = await addDisplay(t.app, admin, roomId);
    displayId = created.id;
    token = (await pairDisplay(t.app, created.pairingCode)).token;
    otherToken = (await pairDisplay(t.app, (await addDisplay(t.app, admin, otherRoomId)).pairingCode)).token;
  });
  afterAll(async () => {
    await db.close();
  });

  const setPin = (pin: unknown, bearer = admin, id = displayId) =>
    request(t.app).put(`/api/admin/displays/${id}/pin`).set('Authorization', `Bearer ${bearer}`).send({ pin });
  const checkIn = (bearer: string, pin?: string) => {
    const call = asDisplay(request(t.app).post('/api/display/check-in'), bearer);
    return (pin === undefined ? call : call.set('X-Display-Pin', pin)).send({ requestId: randomUUID() });
  };
  const listed = async () =>
    (
      (await request(t.app).get('/api/admin/displays').set('Authorization', `Bearer ${admin}`)).body as {
        items: { id: string; pinSet: boolean }[];
      }
    ).items;
  const facts = async () => Number((await db.knex('display_actions').count<{ n: string }[]>('* as n'))[0]?.n);

  it('refuses a PIN that is not 4–8 digits, and anyone but an admin, changing nothing', async () => {
    for (const pin of ['123', '123456789', '12a4', 1234, '']) expect((await setPin(pin)).status).toBe(400);
    expect((await setPin('4711', await t.tokenFor('facility'))).status).toBe(403);
    expect((await setPin('4711', token)).status).toBe(403);
    expect((await setPin('4711', admin, randomUUID())).status).toBe(404);
    expect((await listed()).find((d) => d.id === displayId)?.pinSet).toBe(false);
  });

  it('stores the PIN as a keyed hash, shows pinSet to admins and pinRequired to the display, never the PIN', async () => {
    expect((await setPin('4711')).status).toBe(204);
    const row = await db.knex('displays').where({ id: displayId }).first<{ pin_hash: string }>();
    expect(row.pin_hash).toBe(secrets.keyedHash('display-pin', `${displayId}:4711`));
    const list = await request(t.app).get('/api/admin/displays').set('Authorization', `Bearer ${admin}`);
    expect(JSON.stringify(list.body)).not.toContain(row.pin_hash);
    expect(
      (list.body as { items: { id: string; pinSet: boolean }[] }).items.find((d) => d.id === displayId)?.pinSet,
    ).toBe(true);
    const state = await asDisplay(request(t.app).get('/api/display/state'), token);
    expect((state.body as DisplayState).pinRequired).toBe(true);
    const other = await asDisplay(request(t.app).get('/api/display/state'), otherToken);
    expect((other.body as DisplayState).pinRequired).toBe(false);
  });

  it('answers display_pin_required without the header and display_pin_wrong with a wrong PIN, acting on nothing', async () => {
    const before = await facts();
    const missing = await checkIn(token);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ error: { code: 'display_pin_required' } });
    const wrong = await checkIn(token, '0000');
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'display_pin_wrong' } });
    expect(await facts()).toBe(before);
  });

  it('acts with the right PIN; a display without a PIN needs none', async () => {
    const before = await facts();
    const ok = await checkIn(token, '4711');
    expect(ok.status).toBe(200);
    expect(await facts()).toBe(before + 1);
    expect((await checkIn(otherToken)).status).toBe(200);
  });

  it('answers 429 after 5 wrong PINs in a minute, even to the right one; other displays go on', async () => {
    // One wrong PIN was tried above.
    for (let i = 0; i < 4; i += 1) expect((await checkIn(token, `99${i}9`)).status).toBe(403);
    const limited = await checkIn(token, '4711');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await checkIn(otherToken)).status).toBe(200);
  });

  it('removes the PIN with null', async () => {
    expect((await setPin(null)).status).toBe(204);
    expect((await listed()).find((d) => d.id === displayId)?.pinSet).toBe(false);
    const state = await asDisplay(request(t.app).get('/api/display/state'), token);
    expect((state.body as DisplayState).pinRequired).toBe(false);
  });

  it('does not let a user through the PIN guard to a display action', async () => {
    const user = await t.tokenFor('employee');
    const res = await request(t.app)
      .post('/api/display/check-in')
      .set('Authorization', `Bearer ${user}`)
      .set('X-Display-Pin', '4711')
      .send({ requestId: randomUUID() });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
  });
});
