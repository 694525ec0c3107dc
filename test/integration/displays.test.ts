import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, asDisplay, pairDisplay } from './displaysHarness';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const MINUTE = 60_000;
/** The installation's secret key (the one that seals the Exchange password). */
const secrets = createSecretBox(randomBytes(32));

interface ListedDisplay {
  id: string;
  roomId: string;
  roomName: string;
  status: string;
  online: boolean;
  lastSeenAt: string | null;
  appVersion: string | null;
  pairingExpiresAt: string | null;
}

describe('room displays: adding, pairing, device tokens', () => {
  let db: TestDatabase;
  let clock: ManualClock;
  let t: TestApp;
  let admin: string;
  let roomId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock('2026-05-04T08:00:00Z');
    // A generous pairing budget: this file tests pairing, the limit has its own file.
    t = createTestApp(db.knex, {
      clock,
      secrets,
      displays: { publicUrl: 'https://rooms.example.test/', pairRateLimit: { max: 1000, windowMinutes: 1 } },
    });
    admin = await t.tokenFor('admin');
    const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex) });
    roomId = await buildRoom(db.knex, { floorId, name: 'Fjord' });
  });
  afterAll(async () => {
    await db.close();
  });

  async function list(): Promise<ListedDisplay[]> {
    const res = await request(t.app).get('/api/admin/displays').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    return (res.body as { items: ListedDisplay[] }).items;
  }

  it('gives the admin a short code valid 15 minutes, its pairing URL, and stores only its keyed hash', async () => {
    const created = await addDisplay(t.app, admin, roomId);
    expect(created.pairingCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(created.pairingUrl).toBe(`https://rooms.example.test/display?code=${created.pairingCode}`);
    expect(created.expiresAt).toBe('2026-05-04T08:15:00.000Z');
    const row = await db.knex('displays').where({ id: created.id }).first<Record<string, unknown>>();
    // HMAC under the secret key: a leaked table cannot be searched over all 8.5 × 10^11 codes without the key.
    const code = created.pairingCode.replace('-', '');
    expect(row.pairing_code_hash).toBe(secrets.keyedHash('pairing-code', code));
    expect(row.pairing_code_hash).not.toBe(sha256(code));
    expect(JSON.stringify(row)).not.toContain(created.pairingCode.replace('-', ''));
    expect((await list()).find((d) => d.id === created.id)).toMatchObject({
      roomId,
      roomName: 'Fjord',
      status: 'awaiting-pairing',
      online: false,
      lastSeenAt: null,
      pairingExpiresAt: '2026-05-04T08:15:00.000Z',
    });
  });

  it('pairs a tablet once with the typed code (any case, with or without the dash)', async () => {
    const created = await addDisplay(t.app, admin, roomId);
    const typed = created.pairingCode.replace('-', '').toLowerCase();
    const paired = await pairDisplay(t.app, typed);
    expect(paired.roomId).toBe(roomId);
    expect(paired.token).toMatch(/^rs_dsp_[A-Za-z0-9_-]{40,}$/);
    const row = await db.knex('displays').where({ id: created.id }).first<Record<string, unknown>>();
    expect(row.token_hash).toBe(sha256(paired.token));
    expect(row.pairing_code_hash).toBeNull();

    const again = await request(t.app).post('/api/display/pair').send({ code: created.pairingCode });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ error: { code: 'unprocessable' } });
    expect(JSON.stringify(again.body)).not.toContain('rs_dsp_');
  });

  it('shows the admin when a paired display was last seen, whether it is online, and its app version', async () => {
    const created = await addDisplay(t.app, admin, roomId);
    const { token } = await pairDisplay(t.app, created.pairingCode);
    expect((await list()).find((d) => d.id === created.id)).toMatchObject({ status: 'paired', online: false });
    const state = await asDisplay(request(t.app).get('/api/display/state'), token).set('X-Display-Version', '1.4.2');
    expect(state.status).toBe(200);
    expect((await list()).find((d) => d.id === created.id)).toMatchObject({
      status: 'paired',
      online: true,
      lastSeenAt: '2026-05-04T08:00:00.000Z',
      appVersion: '1.4.2',
      pairingExpiresAt: null,
    });
    clock.advance(3 * MINUTE);
    expect((await list()).find((d) => d.id === created.id)).toMatchObject({ online: false });
    clock.advance(-3 * MINUTE);
  });

  it('refuses a wrong code and one that expired after 15 minutes, and pairs nothing', async () => {
    const wrong = await request(t.app).post('/api/display/pair').send({ code: 'AAAA-AAAA' });
    expect(wrong.status).toBe(422);
    const garbage = await request(t.app).post('/api/display/pair').send({ code: '0000' });
    expect(garbage.status).toBe(422);
    const missing = await request(t.app).post('/api/display/pair').send({});
    expect(missing.status).toBe(400);

    const created = await addDisplay(t.app, admin, roomId);
    clock.advance(15 * MINUTE);
    try {
      const late = await request(t.app).post('/api/display/pair').send({ code: created.pairingCode });
      expect(late.status).toBe(422);
      expect((await list()).find((d) => d.id === created.id)?.status).toBe('pairing-expired');
    } finally {
      clock.advance(-15 * MINUTE);
    }
    const row = await db.knex('displays').where({ id: created.id }).first<{ token_hash: string | null }>();
    expect(row.token_hash).toBeNull();
  });

  it('lets only admins add, list and revoke displays, and refuses an unknown room', async () => {
    const employee = await t.tokenFor('employee');
    const facility = await t.tokenFor('facility');
    for (const bearer of [employee, facility]) {
      const add = await request(t.app)
        .post('/api/admin/displays')
        .set('Authorization', `Bearer ${bearer}`)
        .send({ roomId });
      expect(add.status).toBe(403);
      const get = await request(t.app).get('/api/admin/displays').set('Authorization', `Bearer ${bearer}`);
      expect(get.status).toBe(403);
    }
    expect((await request(t.app).get('/api/admin/displays')).status).toBe(401);
    const before = await db.knex('displays').count<{ n: number }[]>('* as n');
    const unknown = await request(t.app)
      .post('/api/admin/displays')
      .set('Authorization', `Bearer ${admin}`)
      .send({ roomId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(await db.knex('displays').count<{ n: number }[]>('* as n')).toEqual(before);
  });

  describe('attacks with a device token', () => {
    let token: string;
    let displayId: string;

    beforeAll(async () => {
      const created = await addDisplay(t.app, admin, roomId);
      displayId = created.id;
      token = (await pairDisplay(t.app, created.pairingCode)).token;
    });

    it.each([
      ['get', '/api/rooms'],
      ['get', '/api/auth/me'],
      ['get', '/api/admin/displays'],
      ['post', '/api/admin/displays'],
      ['get', '/api/bookings'],
      ['post', '/api/bookings'],
      ['get', '/api/users'],
      ['get', '/api/locations/buildings'],
      ['get', '/api/no-such-endpoint'],
      ['post', '/api/auth/logout'],
    ] as const)('%s %s answers 403', async (method, path) => {
      const res = await asDisplay(request(t.app)[method](path), token).send({ roomId });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    });

    it('cannot add a display with its token, nor revoke one', async () => {
      const before = await db.knex('displays').count<{ n: number }[]>('* as n');
      const revoke = await asDisplay(request(t.app).delete(`/api/admin/displays/${displayId}`), token);
      expect(revoke.status).toBe(403);
      expect(await db.knex('displays').count<{ n: number }[]>('* as n')).toEqual(before);
    });

    it('reads only its own room: there is no way to name another room', async () => {
      const otherRoom = await buildRoom(db.knex, { name: 'Other' });
      const res = await asDisplay(request(t.app).get(`/api/display/state?roomId=${otherRoom}&id=${otherRoom}`), token);
      expect(res.status).toBe(200);
      expect((res.body as { room: { id: string } }).room.id).toBe(roomId);
      const schedule = await asDisplay(request(t.app).get(`/api/rooms/${otherRoom}/schedule`), token);
      expect(schedule.status).toBe(403);
    });

    it('is not a user: a personal API token or a session cannot read display endpoints', async () => {
      const bearer = await t.tokenFor('admin');
      expect((await request(t.app).get('/api/display/state').set('Authorization', `Bearer ${bearer}`)).status).toBe(
        403,
      );
      const session = await t.loginAs('employee');
      const withCookie = await request(t.app).get('/api/display/state').set('Cookie', session.cookie);
      expect(withCookie.status).toBe(403);
      expect((await request(t.app).get('/api/display/state')).status).toBe(401);
    });

    it('answers 401 to a made-up token of the device kind', async () => {
      const res = await asDisplay(request(t.app).get('/api/display/state'), `rs_dsp_${'x'.repeat(43)}`);
      expect(res.status).toBe(401);
    });

    it('answers 401 once revoked, and the display leaves the list', async () => {
      const revoke = await request(t.app)
        .delete(`/api/admin/displays/${displayId}`)
        .set('Authorization', `Bearer ${admin}`);
      expect(revoke.status).toBe(204);
      const res = await asDisplay(request(t.app).get('/api/display/state'), token);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
      expect((await list()).map((d) => d.id)).not.toContain(displayId);
      const twice = await request(t.app)
        .delete(`/api/admin/displays/${displayId}`)
        .set('Authorization', `Bearer ${admin}`);
      expect(twice.status).toBe(404);
    });

    it('cannot pair with the code of a display revoked before pairing', async () => {
      const created = await addDisplay(t.app, admin, roomId);
      await request(t.app).delete(`/api/admin/displays/${created.id}`).set('Authorization', `Bearer ${admin}`);
      const res = await request(t.app).post('/api/display/pair').send({ code: created.pairingCode });
      expect(res.status).toBe(422);
    });
  });
});
