import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CompactSign, decodeProtectedHeader, generateKeyPair } from 'jose';
import request from 'supertest';
import type { Composition } from '../../server/compose/app';
import { startExchangeSim, type MintIdentityTokenInput, type RunningExchangeSim } from '../exchange-sim';
import { buildUser } from '../factories/users';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { createAddinApp, TASKPANE_URL } from './addinHarness';

/**
 * The Outlook add-in signs in with the Exchange identity token its host hands out
 * (getUserIdentityTokenAsync), sent as `Authorization: Bearer <token>`. Tokens come from the
 * Exchange simulator, which publishes its signing certificate at /autodiscover/metadata/json/1;
 * Roomserve is connected to the simulator as its Exchange (the default allow-list: that host).
 */

const EMMA = 'emma.schmidt@northwind.test';
const PASSWORD = 'Roomserve-demo-1';
const HOUR_S = 3600;

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: Composition;

beforeAll(async () => {
  sim = await startExchangeSim({ http: true, seed: 'demo', validateRequests: false });
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
  await sim.close();
});
beforeEach(async () => {
  // A fresh composition per test: an empty metadata cache and identity cache.
  t = createAddinApp(db.knex);
  await t.services.exchange.configure({
    url: sim.url,
    username: 'NORTHWIND\\svc-roomserve',
    password: PASSWORD,
    authMethod: 'basic',
    caBundlePem: null,
    skipTlsVerification: false,
  });
});
afterEach(() => t.services.exchange.close());

const mint = (input: Partial<MintIdentityTokenInput> = {}): string =>
  sim.control.identity.mint({ mailbox: EMMA, audience: TASKPANE_URL, ...input });

const me = (token: string) => request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`);

const rejectionOf = (res: request.Response): unknown =>
  (res.body as { error: { details?: { reason?: string } } }).error.details?.reason;

describe('a valid identity token', () => {
  it('signs in as the mailbox owner, creating an employee account on first sight', async () => {
    const res = await me(mint()).expect(200);
    expect(res.body).toMatchObject({ user: { email: EMMA, name: 'Emma Schmidt', role: 'employee' } });
    const stored = await db
      .knex('users')
      .where({ email: EMMA })
      .first<{ role: string; password_hash: string | null }>();
    expect(stored).toMatchObject({ role: 'employee', password_hash: null });
  });

  it('signs in as the existing Roomserve user with that email, keeping their role', async () => {
    const mailbox = 'lukas.meyer@northwind.test';
    await buildUser(db.knex, { email: mailbox, role: 'facility' });
    const res = await me(mint({ mailbox })).expect(200);
    expect(res.body).toMatchObject({ user: { email: mailbox, role: 'facility' } });
  });

  it('needs no CSRF token for writes (a browser never attaches it by itself)', async () => {
    await request(t.app)
      .post('/api/auth/tokens')
      .set('Authorization', `Bearer ${mint()}`)
      .send({ name: 'from the add-in' })
      .expect(201);
  });

  it('is refused for a deactivated account', async () => {
    const mailbox = 'jonas.becker@northwind.test';
    await buildUser(db.knex, { email: mailbox, active: false });
    const res = await me(mint({ mailbox })).expect(401);
    expect(rejectionOf(res)).toBe('deactivated');
  });

  it('is accepted up to 5 minutes after it expired (clock skew), not later', async () => {
    const now = Date.now();
    await me(mint({ issuedAt: now - (8 * HOUR_S + 4 * 60) * 1000 })).expect(200);
    const res = await me(mint({ issuedAt: now - (8 * HOUR_S + 6 * 60) * 1000 })).expect(401);
    expect(rejectionOf(res)).toBe('expired');
  });
});

describe('a token Roomserve must not trust', () => {
  it('is refused when the signature is forged', async () => {
    const genuine = mint();
    // Signed by someone else's key under the genuine certificate's thumbprint.
    const { privateKey } = await generateKeyPair('RS256');
    const payload = Buffer.from(genuine.split('.')[1] ?? '', 'base64url');
    const forged = await new CompactSign(payload)
      .setProtectedHeader({ ...decodeProtectedHeader(genuine), alg: 'RS256' })
      .sign(privateKey);
    const res = await me(forged).expect(401);
    expect(rejectionOf(res)).toBe('signature');
  });

  it('is refused when the payload was changed after signing', async () => {
    const [header, , signature] = mint().split('.');
    const otherPayload = mint({ mailbox: 'lukas.meyer@northwind.test' }).split('.')[1];
    const res = await me(`${header}.${otherPayload}.${signature}`).expect(401);
    expect(rejectionOf(res)).toBe('signature');
  });

  it('is refused when it was issued for another add-in', async () => {
    const res = await me(mint({ audience: 'https://elsewhere.example/taskpane.html' })).expect(401);
    expect(rejectionOf(res)).toBe('audience');
  });

  it('is refused when it has expired (exp arrives as a string)', async () => {
    const token = mint({ issuedAt: Date.now() - 9 * HOUR_S * 1000 });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: unknown };
    expect(typeof claims.exp).toBe('string');
    const res = await me(token).expect(401);
    expect(rejectionOf(res)).toBe('expired');
  });

  it('is refused, without fetching its metadata, when the amurl host is not allowed', async () => {
    const before = sim.control.identity.metadataRequests();
    // The very same simulator under another name: only the allow-list stops the fetch.
    const amurl = sim.control.identity.metadataUrl().replace('127.0.0.1', 'localhost');
    const res = await me(mint({ amurl })).expect(401);
    expect(rejectionOf(res)).toBe('metadata-host-not-allowed');
    expect(sim.control.identity.metadataRequests()).toBe(before);
  });

  it('is refused when it is not an Exchange identity token at all', async () => {
    const res = await me('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.').expect(401);
    expect(rejectionOf(res)).toBe('malformed');
  });
});

describe('the allow-list', () => {
  it('may name other hosts (ADDIN_TOKEN_ALLOWED_HOSTS)', async () => {
    t.services.exchange.close();
    t = createAddinApp(db.knex, { tokenAllowedHosts: ['localhost'] });
    await t.services.exchange.configure({
      url: sim.url,
      username: 'NORTHWIND\\svc-roomserve',
      password: PASSWORD,
      authMethod: 'basic',
      caBundlePem: null,
      skipTlsVerification: false,
    });
    const viaLocalhost = sim.control.identity.metadataUrl().replace('127.0.0.1', 'localhost');
    await me(mint({ amurl: viaLocalhost })).expect(200);
    const res = await me(mint()).expect(401);
    expect(rejectionOf(res)).toBe('metadata-host-not-allowed');
  });
});

describe('the metadata document', () => {
  it('is fetched once and then reused', async () => {
    const before = sim.control.identity.metadataRequests();
    await me(mint()).expect(200);
    await me(mint({ mailbox: 'lukas.meyer@northwind.test' })).expect(200);
    await me(mint()).expect(200);
    expect(sim.control.identity.metadataRequests()).toBe(before + 1);
  });

  it('is published as Exchange does, and tokens come from the control API too', async () => {
    const doc = (await fetch(sim.control.identity.metadataUrl()).then((r) => r.json())) as {
      keys: Array<{ keyinfo: { x5t: string }; keyvalue: { type: string; value: string } }>;
    };
    expect(doc.keys[0]?.keyvalue.type).toBe('x509Certificate');
    const minted = await fetch(`${sim.baseUrl}/sim/identity-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mailbox: EMMA, audience: TASKPANE_URL }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    expect(decodeProtectedHeader(minted.token)).toEqual({ typ: 'JWT', alg: 'RS256', x5t: doc.keys[0]?.keyinfo.x5t });
    await me(minted.token).expect(200);
  });
});
