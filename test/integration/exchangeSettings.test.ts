import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { buildFloor } from '../factories/locations';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The admin's Exchange integration through the HTTP API and the real EWS adapter, against the
 * Exchange simulator over https (its generated CA given as the settings' CA bundle).
 */

const PASSWORD = 'Roomserve-demo-1';
const ROOM = 'room.harbour.0.elbe@northwind.test';
const ROOM2 = 'room.harbour.0.alster@northwind.test';
const EMMA = 'emma.schmidt@northwind.test';

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: TestApp;
let admin: string;
const key = randomBytes(32);

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 20, validateRequests: false });
  db = await createTestDatabase();
  t = createTestApp(db.knex, { secrets: createSecretBox(key) });
  admin = await t.tokenFor('admin');
});
afterAll(async () => {
  t.deps.exchange.close();
  await db.close();
  await sim.close();
});
beforeEach(async () => {
  // One database for the file (setting one up is slow); each test starts unconfigured and roomless.
  await db.knex('rooms').del();
  await db.knex('exchange_settings').del();
});

const settings = (overrides: Record<string, unknown> = {}) => ({
  ewsUrl: sim.url,
  username: 'NORTHWIND\\svc-roomserve',
  password: PASSWORD,
  authMethod: 'ntlm',
  caBundlePem: sim.control.caCertPem,
  ...overrides,
});

const put = (body: unknown) =>
  request(t.app)
    .put('/api/admin/exchange')
    .set('Authorization', `Bearer ${admin}`)
    .send(body as object);
const test = (body: unknown = {}) =>
  request(t.app)
    .post('/api/admin/exchange/test')
    .set('Authorization', `Bearer ${admin}`)
    .send(body as object);

describe('Exchange settings', () => {
  it('round-trips the settings and never returns the password', async () => {
    const before = await request(t.app).get('/api/admin/exchange').set('Authorization', `Bearer ${admin}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ configured: false, passwordSet: false });

    const saved = await put(settings());
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.body)).not.toContain(PASSWORD);

    const read = await request(t.app).get('/api/admin/exchange').set('Authorization', `Bearer ${admin}`);
    expect(read.body).toEqual({
      configured: true,
      ewsUrl: sim.url,
      username: 'NORTHWIND\\svc-roomserve',
      authMethod: 'ntlm',
      caBundlePem: sim.control.caCertPem,
      skipTlsVerification: false,
      passwordSet: true,
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(read.body)).not.toContain(PASSWORD);

    // Saving without a password keeps the stored one (same server, same method).
    const { password: _omit, ...withoutPassword } = settings();
    expect((await put(withoutPassword)).status).toBe(200);
    expect((await test()).body).toMatchObject({ ok: true });
    // A new authentication method needs the password again (issue #20): with it, Basic works.
    expect((await put(settings({ authMethod: 'basic' }))).status).toBe(200);
    expect((await test()).body).toMatchObject({ ok: true });
  });

  it('stores the password encrypted (AES-256-GCM with the configured key)', async () => {
    await put(settings());
    const row = (await db.knex('exchange_settings').first()) as { password_sealed: string };
    expect(row.password_sealed).not.toContain(PASSWORD);
    expect(createSecretBox(key).open(row.password_sealed)).toBe(PASSWORD);
    expect(() => createSecretBox(randomBytes(32)).open(row.password_sealed)).toThrow();
  });

  it('asks for the password the first time', async () => {
    const { password: _omit, ...withoutPassword } = settings();
    const res = await put(withoutPassword);
    expect(res.status).toBe(400);
  });

  it('is for admins only', async () => {
    const employee = await t.tokenFor('employee');
    expect((await request(t.app).get('/api/admin/exchange').set('Authorization', `Bearer ${employee}`)).status).toBe(
      403,
    );
  });
});

describe('connection test', () => {
  it('succeeds with NTLM and with Basic, trusting the CA bundle', async () => {
    for (const authMethod of ['ntlm', 'basic']) {
      await put(settings({ authMethod }));
      const res = await test();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        ok: true,
        failure: null,
        roomMailboxes: 40,
        checkedMailbox: expect.stringContaining('@northwind.test'),
      });
    }
  });

  it('says in words that the password was refused', async () => {
    await put(settings({ password: 'not-the-password' }));
    expect((await test()).body).toMatchObject({
      ok: false,
      failure: 'auth',
      message: expect.stringContaining('refused the username or password'),
    });
  });

  it('says that the certificate is not trusted without the CA bundle', async () => {
    await put(settings({ caBundlePem: null }));
    expect((await test()).body).toMatchObject({
      ok: false,
      failure: 'tls',
      message: expect.stringContaining('CA bundle'),
    });
  });

  it('says that impersonation is denied', async () => {
    await put(settings({ username: 'NORTHWIND\\emma.schmidt' }));
    expect((await test()).body).toMatchObject({
      ok: false,
      failure: 'impersonation',
      message: expect.stringContaining('ApplicationImpersonation'),
    });
  });

  it('says that the EWS URL is wrong or the host unknown', async () => {
    await put(settings({ ewsUrl: `${sim.baseUrl}/owa/` }));
    expect((await test()).body).toMatchObject({
      ok: false,
      failure: 'ews-url',
      message: expect.stringContaining('/EWS/Exchange.asmx'),
    });
    await put(settings({ ewsUrl: 'https://exchange.does-not-exist.invalid/EWS/Exchange.asmx' }));
    expect((await test()).body).toMatchObject({ ok: false, failure: 'dns', message: expect.stringContaining('DNS') });
  });

  it('checks a chosen mailbox and says when it does not exist', async () => {
    await put(settings());
    expect((await test({ mailbox: 'nobody@northwind.test' })).body).toMatchObject({
      ok: false,
      failure: 'mailbox',
      message: expect.stringContaining('no mailbox'),
    });
  });
});

describe('connecting rooms', () => {
  const patchRoom = async (email: string) => {
    const floorId = await buildFloor(db.knex);
    const created = await request(t.app)
      .post('/api/rooms')
      .set('Authorization', `Bearer ${admin}`)
      .send({ floorId, name: `Room for ${email}`, capacity: 6 });
    expect(created.status).toBe(201);
    const res = await request(t.app)
      .patch(`/api/rooms/${(created.body as { id: string }).id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ exchangeEmail: email });
    return { res };
  };

  beforeEach(async () => {
    await put(settings());
  });

  // The verifier gives up after 2 s (a failure in words), so "verified" also means "within 2 s".
  it('verifies a room mailbox when its address is saved', async () => {
    const { res } = await patchRoom(ROOM);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      exchange: { email: ROOM, state: 'verified', checkedAt: expect.any(String), error: null },
    });
  });

  it('refuses a user mailbox as not a room, and an unknown address as no such mailbox', async () => {
    expect((await patchRoom(EMMA)).res.body).toMatchObject({
      exchange: { email: EMMA, state: 'failed', error: expect.stringContaining('not a room') },
    });
    expect((await patchRoom('nobody@northwind.test')).res.body).toMatchObject({
      exchange: { state: 'failed', error: expect.stringContaining('no mailbox') },
    });
  });

  it('lists the room mailboxes and imports rooms, skipping connected ones', async () => {
    await patchRoom(ROOM);
    const listed = await request(t.app)
      .get('/api/admin/exchange/room-mailboxes')
      .set('Authorization', `Bearer ${admin}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(40);
    expect(listed.body).toContainEqual({ email: ROOM, name: 'Elbe', roomList: 'Harbour House', connected: true });
    expect(listed.body).toContainEqual(expect.objectContaining({ email: ROOM2, connected: false }));

    const floorId = await buildFloor(db.knex);
    const imported = await request(t.app)
      .post('/api/admin/exchange/import-rooms')
      .set('Authorization', `Bearer ${admin}`)
      .send({ floorId, mailboxes: [ROOM, ROOM2, EMMA] });
    expect(imported.status).toBe(201);
    const body = imported.body as { created: unknown; skipped: unknown };
    expect(body.created).toEqual([
      expect.objectContaining({ floorId, exchange: expect.objectContaining({ email: ROOM2, state: 'verified' }) }),
    ]);
    expect(body.skipped).toEqual([
      { email: ROOM, reason: 'Already connected to a room' },
      { email: EMMA, reason: 'Not in any room list of Exchange' },
    ]);
  });
});
