import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { HttpBrowser } from '../support/httpBrowser';
import { startOidcPeer, type OidcPeer, type Person } from '../support/oidcPeer';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, asDisplay, pairDisplay } from './displaysHarness';

/**
 * Single sign-on end to end over HTTP: Roomserve listening on a port, a real OpenID provider
 * (oidc-provider, configured like AD FS: pairwise sub, upn, group claims, allatclaims) on another,
 * and a cookie-keeping client that follows every redirect and fills in the provider's login form.
 */

let db: TestDatabase;
let t: TestApp;
let roomserve: Server;
let base: string;
let peer: OidcPeer;
let admin: string;

const people = new Map<string, Person>([
  ['ann', { upn: 'ann.lee@northwind.test', name: 'Ann Lee', groups: ['Staff', 'Roomserve-Admins'] }],
  ['bo', { upn: 'bo.berg@northwind.test', email: 'Bo.Berg@northwind.test', name: 'Bo Berg', groups: ['Staff'] }],
  ['cy', { upn: 'cy.ho@northwind.test', name: 'Cy Ho', groups: ['Facility'] }],
  ['dee', { upn: 'dee.out@northwind.test', name: 'Dee Out', groups: ['Staff'] }],
  ['noname', { upn: 'DOMAIN\\noname', name: 'No Name', groups: [] }],
]);
const key = randomBytes(32);

beforeAll(async () => {
  db = await createTestDatabase();
  // Roomserve's public URL must be known before the app is composed: listen first, bind the app after.
  const bound: { app?: Express } = {};
  roomserve = createServer((req, res) => {
    if (bound.app) bound.app(req, res);
    else res.end();
  });
  await new Promise<void>((resolve) => roomserve.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(roomserve.address() as AddressInfo).port}`;
  t = createTestApp(db.knex, { secrets: createSecretBox(key), sso: { publicUrl: base } });
  bound.app = t.app;
  peer = await startOidcPeer(
    { redirectUri: `${base}/api/auth/sso/callback`, postLogoutRedirectUri: `${base}/`, otherClientId: 'room-kiosk' },
    people,
  );
  admin = await t.tokenFor('admin');
}, 120_000);
afterAll(async () => {
  await peer.close();
  roomserve.closeAllConnections();
  await new Promise((resolve) => roomserve.close(resolve));
  await db.close();
});

const settingsBody = (overrides: Record<string, unknown> = {}) => ({
  enabled: true,
  displayName: 'Northwind AD FS',
  issuerUrl: peer.issuer,
  clientId: peer.clientId,
  clientSecret: peer.clientSecret,
  scopes: ['openid', 'profile', 'email', 'allatclaims'],
  userClaim: 'upn',
  roleMappings: [
    { claim: 'group', value: 'Roomserve-Admins', role: 'admin' },
    { claim: 'group', value: 'Facility', role: 'facility' },
  ],
  ...overrides,
});

const saveSettings = (body: object) =>
  request(t.app).put('/api/admin/sso').set('Authorization', `Bearer ${admin}`).send(body);

beforeEach(async () => {
  const saved = await saveSettings(settingsBody());
  expect(saved.body).toMatchObject({ configured: true });
});

interface Body {
  user: { id: string; email: string; name: string; role: string };
  error: { code: string; message: string };
  claims: Record<string, unknown>;
}
/** The JSON answer, typed loosely enough for assertions. */
const body = (res: { body: unknown }): Body => res.body as Body;

const isCallback = (next: URL) => next.pathname === '/api/auth/sso/callback';

/** Clicks "Sign in with…" and signs in at the provider as `login`; stops before the callback. */
async function toCallback(browser: HttpBrowser, login: string): Promise<URL> {
  const { next } = await browser.follow(`${base}/api/auth/sso/login`, login, isCallback);
  if (!next) throw new Error('the provider did not redirect back to Roomserve');
  return next;
}

async function signIn(login: string) {
  const browser = new HttpBrowser();
  const callback = await toCallback(browser, login);
  const landed = await browser.request(callback);
  return { browser, callback, landed };
}

const me = (browser: HttpBrowser) =>
  request(t.app)
    .get('/api/auth/me')
    .set('Cookie', `rs_session=${browser.cookie(base, 'rs_session') ?? ''}`);

function expectRefusedWithoutSession(
  hop: { status: number; body: string; setCookies: readonly string[] },
  status: number,
) {
  expect(hop.status).toBe(status);
  expect(hop.body).toContain('Sign-in failed');
  expect(hop.setCookies.some((c) => c.startsWith('rs_session=') && !c.startsWith('rs_session=;'))).toBe(false);
}

describe('single sign-on with an AD FS-like OpenID provider', () => {
  it('signs a new person in by upn (the pairwise sub ignored), with the role of their group and the usual session cookie', async () => {
    const { browser, landed } = await signIn('ann');
    expect(landed.status).toBe(302);
    expect(landed.location).toBe('/');
    const cookie = landed.setCookies.find((c) => c.startsWith('rs_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    const res = await me(browser);
    expect(res.status).toBe(200);
    expect(body(res).user).toMatchObject({ email: 'ann.lee@northwind.test', name: 'Ann Lee', role: 'admin' });
    // Cookie writes still need the CSRF token the session was given.
    const write = await request(t.app)
      .post('/api/auth/tokens')
      .set('Cookie', `rs_session=${browser.cookie(base, 'rs_session') ?? ''}`)
      .send({ name: 'script' });
    expect(write.status).toBe(403);
    expect(body(write).error.code).toBe('csrf_failed');
  });

  it('reads the role again at every sign-in: leaving the group takes the admin role away', async () => {
    await signIn('cy');
    const cy = await db.knex('users').where({ email: 'cy.ho@northwind.test' }).first<{ role: string }>();
    expect(cy.role).toBe('facility');
    people.set('cy', { upn: 'cy.ho@northwind.test', name: 'Cy Ho', groups: ['Staff'] });
    const { browser } = await signIn('cy');
    expect(body(await me(browser)).user.role).toBe('employee');
    expect(await db.knex('users').whereRaw('lower(email) = ?', ['cy.ho@northwind.test'])).toHaveLength(1);
  });

  it('matches an existing account by its email instead of creating a second one', async () => {
    const existing = await buildUser(db.knex, { email: 'bo.berg@northwind.test', role: 'facility' });
    await saveSettings(settingsBody({ userClaim: 'email', roleMappings: [] }));
    const { browser } = await signIn('bo');
    const res = await me(browser);
    // No mapping configured: the role set in Roomserve stays.
    expect(body(res).user).toMatchObject({ id: existing.id, role: 'facility' });
    expect(await db.knex('users').whereRaw('lower(email) = ?', ['bo.berg@northwind.test'])).toHaveLength(1);
  });

  it('keeps a person deactivated in Roomserve out, whatever the provider says', async () => {
    await buildUser(db.knex, { email: 'dee.out@northwind.test', active: false });
    const { landed } = await signIn('dee');
    expectRefusedWithoutSession(landed, 403);
    expect(landed.body).toContain('deactivated');
  });

  it('refuses someone without a upn or email claim to match', async () => {
    const { landed } = await signIn('noname');
    expectRefusedWithoutSession(landed, 403);
    expect(landed.body).toContain('no-account-claim');
  });

  it('refuses a callback whose state was not started in this browser', async () => {
    const browser = new HttpBrowser();
    const callback = await toCallback(browser, 'ann');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'state-of-another-sign-in');
    expectRefusedWithoutSession(await browser.request(forged), 400);
    // Another browser replaying the genuine callback (login CSRF) is refused too.
    expectRefusedWithoutSession(await new HttpBrowser().request(callback), 400);
  });

  it('refuses a replayed callback and a replayed authorization code', async () => {
    const { browser, callback, landed } = await signIn('ann');
    expect(landed.status).toBe(302);
    // The very same callback again: its state was used up.
    const again = await browser.request(callback);
    expectRefusedWithoutSession(again, 400);
    // The used code under a fresh, genuine state of another browser: the provider refuses the code.
    const mixed = new URL(callback);
    const other = new HttpBrowser();
    const start = await other.request(`${base}/api/auth/sso/login`);
    const state = new URL(start.location ?? '').searchParams.get('state') ?? '';
    mixed.searchParams.set('state', state);
    const replayed = await other.request(mixed);
    expectRefusedWithoutSession(replayed, 401);
    expect(replayed.body).toContain('invalid_grant');
  });

  it('refuses a code the provider issued to another application (wrong audience)', async () => {
    // Roomserve's own authorization request, with the client id of another application of the same provider.
    const browser = new HttpBrowser();
    const start = await browser.request(`${base}/api/auth/sso/login`);
    const forOther = new URL(start.location ?? '');
    forOther.searchParams.set('client_id', 'room-kiosk');
    const { next } = await browser.follow(forOther, 'ann', isCallback);
    if (!next) throw new Error('no callback');
    const hop = await browser.request(next);
    expectRefusedWithoutSession(hop, 401);
    expect(hop.body).toContain('invalid_grant');
  });

  it('refuses an answer from another provider than the configured issuer', async () => {
    const stranger = await startOidcPeer(
      { redirectUri: `${base}/api/auth/sso/callback`, postLogoutRedirectUri: `${base}/` },
      people,
    );
    try {
      const browser = new HttpBrowser();
      const start = await browser.request(`${base}/api/auth/sso/login`);
      const asked = new URL(start.location ?? '');
      const { next } = await browser.follow(new URL(`${stranger.issuer}/auth${asked.search}`), 'ann', isCallback);
      if (!next) throw new Error('no callback');
      const hop = await browser.request(next);
      expectRefusedWithoutSession(hop, 401);
      expect(hop.body).toContain('issuer');
    } finally {
      await stranger.close();
    }
  });

  it('shows the provider refusing the sign-in on the error page', async () => {
    const browser = new HttpBrowser();
    const start = await browser.request(`${base}/api/auth/sso/login`);
    const state = new URL(start.location ?? '').searchParams.get('state') ?? '';
    const hop = await browser.request(`${base}/api/auth/sso/callback?error=access_denied&state=${state}`);
    expectRefusedWithoutSession(hop, 401);
    expect(hop.body).toContain('access_denied');
  });

  it('runs a test sign-in that shows the claims without signing the admin out', async () => {
    const session = await t.loginAs('admin');
    const browser = new HttpBrowser();
    const adminCookie = session.cookie.replace(/^rs_session=/, '');
    browser.setCookie(base, 'rs_session', adminCookie);
    const started = await browser.request(`${base}/api/admin/sso/test`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(started.status).toBe(200);
    const { url } = JSON.parse(started.body) as { url: string };
    const callback = await browser.follow(url, 'bo', isCallback);
    const landed = await browser.request(callback.next ?? '');
    expect(landed.status).toBe(302);
    expect(landed.location).toMatch(/^\/admin\/sign-in\?test=/);
    expect(landed.setCookies.some((c) => c.startsWith('rs_session='))).toBe(false);
    const id = new URL(landed.location ?? '', base).searchParams.get('test') ?? '';
    const result = await request(t.app).get(`/api/admin/sso/test/${id}`).set('Cookie', session.cookie);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ email: 'bo.berg@northwind.test', role: 'employee', problem: null });
    expect(body(result).claims).toMatchObject({ upn: 'bo.berg@northwind.test', group: ['Staff'] });
    expect(body(result).claims.sub).not.toBe('bo');
    // Still the admin; and another admin cannot read this result.
    expect(body(await request(t.app).get('/api/auth/me').set('Cookie', session.cookie)).user.id).toBe(session.user.id);
    const other = await t.loginAs('admin');
    expect((await request(t.app).get(`/api/admin/sso/test/${id}`).set('Cookie', other.cookie)).status).toBe(404);
  });

  it('sends a signed-out browser to the provider’s end-session endpoint (RP-initiated logout)', async () => {
    const hop = await new HttpBrowser().request(`${base}/api/auth/sso/logout`);
    expect(hop.status).toBe(302);
    const to = new URL(hop.location ?? '');
    expect(to.href.startsWith(`${peer.issuer}/session/end`)).toBe(true);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
  });

  it('sends the ID token as id_token_hint at logout, kept sealed, once', async () => {
    const { browser } = await signIn('bo');
    const handle = browser.cookie(base, 'rs_sso_logout') ?? '';
    expect(handle).not.toBe('');
    const row = await db.knex('sso_logout_hints').first<{ id_token_sealed: string }>();
    expect(row.id_token_sealed).not.toMatch(/^eyJ/);
    const hop = await browser.request(`${base}/api/auth/sso/logout`);
    const hint = new URL(hop.location ?? '').searchParams.get('id_token_hint') ?? '';
    const payload = JSON.parse(Buffer.from(hint.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ upn: 'bo.berg@northwind.test', aud: peer.clientId });
    // The provider accepts it: its end-session page answers instead of refusing the hint.
    expect((await new HttpBrowser().request(hop.location ?? '')).status).toBe(200);
    expect(hop.setCookies.some((c) => c.startsWith('rs_sso_logout=;'))).toBe(true);
    const again = await new HttpBrowser().request(`${base}/api/auth/sso/logout`, {
      headers: { cookie: `rs_sso_logout=${handle}` },
    });
    expect(new URL(again.location ?? '').searchParams.has('id_token_hint')).toBe(false);
  });
});

describe('the admin’s single sign-on settings', () => {
  it('never returns the client secret and keeps it sealed at rest', async () => {
    const res = await request(t.app).get('/api/admin/sso').set('Authorization', `Bearer ${admin}`);
    expect(res.body).toMatchObject({ clientSecretSet: true, redirectUri: `${base}/api/auth/sso/callback` });
    expect(JSON.stringify(res.body)).not.toContain(peer.clientSecret);
    const row = await db.knex('sso_settings').first<{ client_secret_sealed: string }>();
    expect(JSON.stringify(row)).not.toContain(peer.clientSecret);
    expect(createSecretBox(key).open(row.client_secret_sealed)).toBe(peer.clientSecret);
  });

  it('answers 422 for an unreachable issuer and 400 for an unknown role, keeping the earlier settings', async () => {
    const unreachable = await saveSettings(
      settingsBody({ issuerUrl: 'http://127.0.0.1:9/adfs', displayName: 'Broken' }),
    );
    expect(unreachable.status).toBe(422);
    expect(body(unreachable).error.message).toMatch(/Discovery at http:\/\/127\.0\.0\.1:9\/adfs/);
    const unknownRole = await saveSettings(
      settingsBody({ roleMappings: [{ claim: 'group', value: 'X', role: 'superuser' }], displayName: 'Broken' }),
    );
    expect(unknownRole.status).toBe(400);
    const now = await request(t.app).get('/api/admin/sso').set('Authorization', `Bearer ${admin}`);
    expect(now.body).toMatchObject({ displayName: 'Northwind AD FS', issuerUrl: peer.issuer });
  });

  it('turns password sign-in off for everyone but the break-glass admin', async () => {
    const rescue = await buildUser(db.knex, { role: 'admin' });
    const someone = await buildUser(db.knex, { role: 'employee' });
    expect((await saveSettings(settingsBody({ passwordSignIn: false }))).status).toBe(400);
    expect((await saveSettings(settingsBody({ passwordSignIn: false, breakGlassEmail: someone.email }))).status).toBe(
      422,
    );
    expect((await saveSettings(settingsBody({ passwordSignIn: false, breakGlassEmail: rescue.email }))).status).toBe(
      200,
    );
    const options = await request(t.app).get('/api/auth/sign-in-options');
    expect(options.body).toEqual({
      sso: { displayName: 'Northwind AD FS', loginUrl: '/api/auth/sso/login' },
      passwordSignIn: false,
    });
    const refused = await request(t.app)
      .post('/api/auth/login')
      .send({ email: someone.email, password: someone.password });
    expect(refused.status).toBe(403);
    const wrong = await request(t.app)
      .post('/api/auth/login')
      .send({ email: someone.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    const allowed = await request(t.app)
      .post('/api/auth/login')
      .send({ email: rescue.email, password: rescue.password });
    expect(allowed.status).toBe(200);
    // API tokens and displays' device tokens are not passwords: they keep working.
    expect((await request(t.app).get('/api/admin/sso').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    const display = await addDisplay(t.app, admin, await buildRoom(db.knex));
    const { token } = await pairDisplay(t.app, display.pairingCode);
    expect((await asDisplay(request(t.app).get('/api/display/state'), token)).status).toBe(200);
  });
});
