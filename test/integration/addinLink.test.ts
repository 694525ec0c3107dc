import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Composition } from '../../server/compose/app';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { loadSeedFile } from '../exchange-sim/model/seed';
import { buildUser, type BuiltUser } from '../factories/users';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { createAddinApp, TASKPANE_URL } from './addinHarness';

/**
 * The one-time link of the Outlook add-in, end to end: real server and database, the Exchange
 * simulator as Exchange. Lukas's identity tokens carry an msexchuid that ResolveNames does not
 * find (seed `identityTokenUid: mailboxGuidAtServer`, the form of Microsoft's example token), so
 * Roomserve asks him to sign in once; Emma's resolve through EWS as before.
 */

const EMMA = 'emma.schmidt@northwind.test';
const LUKAS = 'lukas.meyer@northwind.test';
const SIM_PASSWORD = 'Roomserve-demo-1';

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: Composition;
let resolveNamesCalls = 0;
let lukas: BuiltUser;

beforeAll(async () => {
  const seed = loadSeedFile('demo');
  const accounts = seed.accounts.map((a) =>
    a.email === LUKAS ? { ...a, identityTokenUid: 'mailboxGuidAtServer' as const } : a,
  );
  sim = await startExchangeSim({
    http: true,
    seed: { ...seed, accounts },
    validateRequests: false,
    onRequest: (operation) => {
      if (operation === 'ResolveNames') resolveNamesCalls += 1;
    },
  });
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
  await sim.close();
});

/** A fresh composition: empty metadata and identity caches, as after a restart. */
async function compose(): Promise<void> {
  t = createAddinApp(db.knex);
  await t.services.exchange.configure({
    url: sim.url,
    username: 'NORTHWIND\\svc-roomserve',
    password: SIM_PASSWORD,
    authMethod: 'basic',
    caBundlePem: null,
    skipTlsVerification: false,
  });
}

beforeEach(async () => {
  await db.knex('addin_identity_links').delete();
  await db.knex('users').delete();
  lukas = await buildUser(db.knex, { email: LUKAS, name: 'Lukas Meyer', role: 'facility' });
  await compose();
});
afterEach(() => t.services.exchange.close());

const mint = (mailbox: string): string => sim.control.identity.mint({ mailbox, audience: TASKPANE_URL });
const me = (token: string) => request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
const link = (token: string | undefined, body: unknown) => {
  const req = request(t.app).post('/api/addin/link');
  return (token === undefined ? req : req.set('Authorization', `Bearer ${token}`)).send(body as object);
};

interface ErrorBody {
  error: { code: string; message: string; details?: { reason?: string } };
}
const errorOf = (res: request.Response) => (res.body as ErrorBody).error;
const links = () => db.knex('addin_identity_links').select<{ user_id: string; metadata_url: string }[]>();

describe('an Outlook user Exchange cannot resolve', () => {
  it('is asked to sign in once, and afterwards signs in by token alone without asking Exchange', async () => {
    const token = mint(LUKAS);
    const refused = await me(token).expect(401);
    expect(errorOf(refused)).toMatchObject({ code: 'unauthenticated', details: { reason: 'link-required' } });

    const linked = await link(token, { email: LUKAS, password: lukas.password }).expect(200);
    expect(linked.body).toMatchObject({ user: { id: lukas.id, email: LUKAS, role: 'facility' }, csrfToken: null });
    expect(await links()).toEqual([
      expect.objectContaining({ user_id: lukas.id, metadata_url: sim.control.identity.metadataUrl() }),
    ]);

    const before = resolveNamesCalls;
    await me(token).expect(200);
    // A restart forgets every cache; the link is in the database.
    t.services.exchange.close();
    await compose();
    const after = await me(mint(LUKAS)).expect(200);
    expect(after.body).toMatchObject({ user: { id: lukas.id, role: 'facility' } });
    await request(t.app)
      .post('/api/auth/tokens')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'from Outlook' })
      .expect(201);
    expect(resolveNamesCalls).toBe(before);
  });

  it('is refused with a wrong password, and nothing is linked', async () => {
    const res = await link(mint(LUKAS), { email: LUKAS, password: 'not his password' }).expect(401);
    const wrongEmail = await link(mint(LUKAS), { email: 'nobody@northwind.test', password: 'x' }).expect(401);
    // The same answer as the sign-in's: no telling which accounts exist.
    expect(errorOf(res)).toEqual({ code: 'invalid_credentials', message: 'The email or password is not correct' });
    expect(errorOf(wrongEmail)).toEqual(errorOf(res));
    expect(await links()).toEqual([]);
    expect(errorOf(await me(mint(LUKAS)).expect(401)).details).toEqual({ reason: 'link-required' });
  });

  it('answers 400 for bad input, and nothing is linked', async () => {
    const token = mint(LUKAS);
    await link(token, { email: LUKAS }).expect(400);
    await link(token, { email: LUKAS, password: lukas.password, role: 'admin' }).expect(400);
    await link(token, { email: '', password: lukas.password }).expect(400);
    expect(await links()).toEqual([]);
  });

  it('needs the identity token: without it, or with a forged one, the password is not even checked', async () => {
    const missing = await link(undefined, { email: LUKAS, password: lukas.password }).expect(401);
    expect(errorOf(missing).code).toBe('unauthenticated');
    const [header, payload] = mint(LUKAS).split('.');
    const forged = await link(`${header}.${payload}.AAAA`, { email: LUKAS, password: lukas.password }).expect(401);
    expect(errorOf(forged).details).toEqual({ reason: 'signature' });
    expect(await links()).toEqual([]);
  });

  it('cannot link a deactivated account, and a linked account deactivated later is locked out', async () => {
    await db.knex('users').where({ id: lukas.id }).update({ active: false });
    const refused = await link(mint(LUKAS), { email: LUKAS, password: lukas.password }).expect(401);
    expect(errorOf(refused).code).toBe('invalid_credentials');
    expect(await links()).toEqual([]);

    await db.knex('users').where({ id: lukas.id }).update({ active: true });
    await link(mint(LUKAS), { email: LUKAS, password: lukas.password }).expect(200);
    await db.knex('users').where({ id: lukas.id }).update({ active: false });
    expect(errorOf(await me(mint(LUKAS)).expect(401)).details).toEqual({ reason: 'deactivated' });
  });

  it('keeps a link to one account: linking again to it is fine, to another account 409', async () => {
    const other = await buildUser(db.knex, { email: 'mia.wagner@example.test' });
    await link(mint(LUKAS), { email: LUKAS, password: lukas.password }).expect(200);
    await link(mint(LUKAS), { email: LUKAS, password: lukas.password }).expect(200);
    const conflict = await link(mint(LUKAS), { email: other.email, password: other.password }).expect(409);
    expect(errorOf(conflict)).toMatchObject({ code: 'conflict', details: { reason: 'linked-to-another-account' } });
    expect((await links()).map((l) => l.user_id)).toEqual([lukas.id]);
    expect(await me(mint(LUKAS)).expect(200)).toMatchObject({ body: { user: { id: lukas.id } } });
  });

  it('loses its link with its account', async () => {
    await link(mint(LUKAS), { email: LUKAS, password: lukas.password }).expect(200);
    await db.knex('users').where({ id: lukas.id }).delete();
    expect(await links()).toEqual([]);
    expect(errorOf(await me(mint(LUKAS)).expect(401)).details).toEqual({ reason: 'link-required' });
  });

  it('shares the sign-in’s limit on failed password attempts', async () => {
    for (let i = 0; i < 3; i += 1) {
      await request(t.app).post('/api/auth/login').send({ email: LUKAS, password: 'guess' }).expect(401);
    }
    for (let i = 0; i < 2; i += 1) {
      await link(mint(LUKAS), { email: LUKAS, password: 'guess' }).expect(401);
    }
    const limited = await link(mint(LUKAS), { email: LUKAS, password: lukas.password }).expect(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    expect(await links()).toEqual([]);
  });
});

describe('an Outlook user Exchange resolves', () => {
  it('is linked on first sight, so later requests (even after a restart) do not ask Exchange', async () => {
    const asked = resolveNamesCalls;
    const first = await me(mint(EMMA)).expect(200);
    expect(resolveNamesCalls).toBe(asked + 1);
    expect(first.body).toMatchObject({ user: { email: EMMA, role: 'employee' } });
    expect((await links()).map((l) => l.user_id)).toEqual([(first.body as { user: { id: string } }).user.id]);
    t.services.exchange.close();
    await compose();
    const before = resolveNamesCalls;
    await me(mint(EMMA)).expect(200);
    expect(resolveNamesCalls).toBe(before);
  });
});
