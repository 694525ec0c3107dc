import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';
import { HttpBrowser, type Hop } from '../support/httpBrowser';
import { startSamlPeer, type SamlPeer, type SamlPerson } from '../support/samlPeer';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * SAML 2.0 single sign-on end to end over HTTP: Roomserve listening on a port and a real SAML
 * identity provider (samlify in IdP mode, set up like AD FS) on another. The browser is a
 * cookie-keeping client that takes each hop by hand, so any answer can be kept and replayed.
 */

let db: TestDatabase;
let t: TestApp;
let roomserve: Server;
let base: string;
let peer: SamlPeer;
let admin: string;

const people = new Map<string, SamlPerson>([
  ['ann', { upn: 'ann.saml@northwind.test', name: 'Ann Saml', groups: ['Staff', 'Roomserve-Admins'] }],
  ['cy', { upn: 'cy.saml@northwind.test', name: 'Cy Saml', groups: ['Facility'] }],
  ['dee', { upn: 'dee.saml@northwind.test', name: 'Dee Saml', groups: [] }],
]);

beforeAll(async () => {
  db = await createTestDatabase();
  const bound: { app?: Express } = {};
  roomserve = createServer((req, res) => {
    if (bound.app) bound.app(req, res);
    else res.end();
  });
  await new Promise<void>((resolve) => roomserve.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(roomserve.address() as AddressInfo).port}`;
  t = createTestApp(db.knex, { sso: { publicUrl: base } });
  bound.app = t.app;
  admin = await t.tokenFor('admin');
  const spMetadata = await request(t.app).get('/api/auth/saml/metadata');
  peer = await startSamlPeer({ spMetadataXml: spMetadata.text, people });
}, 120_000);
afterAll(async () => {
  await peer.close();
  roomserve.closeAllConnections();
  await new Promise((resolve) => roomserve.close(resolve));
  await db.close();
});

const settingsBody = (saml: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
  enabled: true,
  protocol: 'saml',
  displayName: 'Northwind AD FS',
  saml: { clockSkewSeconds: 60, ...saml },
  roleMappings: [
    { claim: 'group', value: 'Roomserve-Admins', role: 'admin' },
    { claim: 'http://schemas.xmlsoap.org/claims/Group', value: 'Facility', role: 'facility' },
  ],
  ...overrides,
});

const saveSettings = (body: object) =>
  request(t.app).put('/api/admin/sso').set('Authorization', `Bearer ${admin}`).send(body);

beforeEach(async () => {
  peer.tweaks = {};
  const saved = await saveSettings(settingsBody({ idpMetadataXml: peer.metadataXml }));
  expect(saved.status).toBe(200);
});

/** Starts at Roomserve, signs in at the IdP's page; returns the IdP's auto-posting answer. */
async function toAnswer(browser: HttpBrowser, login: string, start = `${base}/api/auth/sso/login`) {
  let idpUrl = new URL(start);
  if (start.startsWith(base)) {
    const started = await browser.request(start);
    expect(started.status).toBe(302);
    idpUrl = new URL(started.location ?? '', started.url);
  }
  const signInPage = await browser.request(idpUrl);
  expect(signInPage.status).toBe(200);
  const field = (name: string, html: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  const posted = await browser.request(signInPage.url, {
    form: {
      login,
      password: 'any',
      requestId: field('requestId', signInPage.body),
      RelayState: field('RelayState', signInPage.body),
    },
  });
  expect(posted.status).toBe(200);
  const acs = /<form method="post" action="([^"]+)"/.exec(posted.body)?.[1] ?? '';
  expect(acs).toBe(`${base}/api/auth/sso/callback`);
  const form: Record<string, string> = { SAMLResponse: field('SAMLResponse', posted.body) };
  const relay = field('RelayState', posted.body);
  if (relay !== '') form.RelayState = relay;
  return form;
}

/** The IdP's page posts the answer; the cross-site POST carries no cookies, the GET after it does. */
async function deliver(browser: HttpBrowser, form: Record<string, string>): Promise<{ post: Hop; landed?: Hop }> {
  const post = await new HttpBrowser().request(`${base}/api/auth/sso/callback`, { form });
  if (post.status !== 303) return { post };
  return { post, landed: await browser.request(new URL(post.location ?? '', post.url)) };
}

async function signIn(login: string) {
  const browser = new HttpBrowser();
  const answer = await toAnswer(browser, login);
  return { browser, answer, ...(await deliver(browser, answer)) };
}

const me = (browser: HttpBrowser) =>
  request(t.app)
    .get('/api/auth/me')
    .set('Cookie', `rs_session=${browser.cookie(base, 'rs_session') ?? ''}`);

function expectRefused(hop: Hop, status: number, code: string, reason?: RegExp) {
  expect(hop.status).toBe(status);
  expect(hop.body).toContain('Sign-in failed');
  expect(hop.body).toContain(`<code>${code}</code>`);
  if (reason) expect(hop.body).toMatch(reason);
  expect(hop.setCookies.some((c) => c.startsWith('rs_session=') && !c.startsWith('rs_session=;'))).toBe(false);
}

interface Me {
  user: { email: string; name: string; role: string };
}

describe('single sign-on with an AD FS-like SAML identity provider', () => {
  it('signs a new person in from an assertion-only signature (AD FS default), with the role of their group', async () => {
    const { browser, post, landed } = await signIn('ann');
    expect(post.status).toBe(303);
    expect(landed?.status).toBe(302);
    expect(landed?.location).toBe('/');
    expect(landed?.setCookies.find((c) => c.startsWith('rs_session='))).toMatch(/HttpOnly/);
    const res = await me(browser);
    expect(res.status).toBe(200);
    expect((res.body as Me).user).toMatchObject({ email: 'ann.saml@northwind.test', name: 'Ann Saml', role: 'admin' });
  });

  it('accepts a whole signed response (the assertion inside unsigned) and reads the role again at every sign-in', async () => {
    peer.tweaks = { signing: 'response' };
    const first = await signIn('cy');
    expect((await me(first.browser)).body).toMatchObject({
      user: { email: 'cy.saml@northwind.test', role: 'facility' },
    });
    people.set('cy', { upn: 'cy.saml@northwind.test', name: 'Cy Saml', groups: [] });
    const again = await signIn('cy');
    expect((await me(again.browser)).body).toMatchObject({ user: { role: 'employee' } });
  });

  it('keeps a person deactivated in Roomserve out', async () => {
    const first = await signIn('dee');
    expect((await me(first.browser)).status).toBe(200);
    await db.knex('users').where({ email: 'dee.saml@northwind.test' }).update({ active: false });
    const { landed } = await signIn('dee');
    expectRefused(landed as Hop, 403, 'deactivated');
  });

  it('refuses an expired assertion, beyond the clock skew; accepts one just within it', async () => {
    peer.tweaks = { shiftMinutes: -70 };
    const { post } = await signIn('ann');
    // node-saml's words: the subject confirmation's NotOnOrAfter has passed, beyond the skew.
    expectRefused(post, 401, 'assertion-refused', /No valid subject confirmation/);
    // NotOnOrAfter of the subject confirmation 5 minutes after issue: 5.5 minutes old is 30 s late.
    peer.tweaks = { shiftMinutes: -5.5 };
    const { landed } = await signIn('ann');
    expect(landed?.status).toBe(302);
  });

  it('refuses a replayed answer and a replayed assertion ID', async () => {
    const { browser, answer, landed } = await signIn('ann');
    expect(landed?.status).toBe(302);
    const replay = await deliver(browser, answer);
    expectRefused(replay.post, 400, 'state-mismatch');
    // The same assertion in a new sign-in (new request, new InResponseTo): its ID is remembered.
    peer.tweaks = { assertionId: `_${randomUUID()}` };
    expect((await signIn('ann')).landed?.status).toBe(302);
    const again = await signIn('ann');
    expectRefused(again.post, 401, 'assertion-replayed');
    expect(await db.knex('saml_assertion_ids').where({ assertion_id: peer.tweaks.assertionId }).first()).toBeDefined();
  });

  it('refuses an unsigned assertion and a signature by another key', async () => {
    peer.tweaks = { signing: 'none' };
    expectRefused((await signIn('ann')).post, 401, 'assertion-refused', /Invalid signature/);
    peer.tweaks = { otherKey: true };
    expectRefused((await signIn('ann')).post, 401, 'assertion-refused', /Invalid signature/);
    peer.tweaks = { otherKey: true, signing: 'response' };
    expectRefused((await signIn('ann')).post, 401, 'assertion-refused', /Invalid signature/);
  });

  it('refuses an answer the IdP made for another SP (wrong audience)', async () => {
    peer.tweaks = { audience: 'https://other-app.northwind.test/saml' };
    expectRefused((await signIn('ann')).post, 401, 'assertion-refused', /audience/i);
  });

  it('refuses a wrong InResponseTo, an unsolicited (IdP-initiated) answer and one claimed by another browser', async () => {
    peer.tweaks = { inResponseTo: '_not-the-request' };
    expectRefused((await signIn('ann')).post, 401, 'assertion-refused', /InResponseTo/);
    peer.tweaks = {};
    const browser = new HttpBrowser();
    const answer = await toAnswer(browser, 'ann');
    const unsolicited = await deliver(browser, { SAMLResponse: answer.SAMLResponse ?? '' });
    expectRefused(unsolicited.post, 400, 'state-mismatch', /IdP-initiated/);
    // Login CSRF: someone else's genuine answer, delivered to a victim's browser.
    const attacker = new HttpBrowser();
    const stolen = await toAnswer(attacker, 'ann');
    const victim = new HttpBrowser();
    const { landed } = await deliver(victim, stolen);
    expectRefused(landed as Hop, 400, 'state-mismatch');
    expect((await me(victim)).status).toBe(401);
  });

  it('runs a test sign-in that shows the attributes without signing the admin out', async () => {
    const adminBrowser = new HttpBrowser();
    const started = await request(t.app).post('/api/admin/sso/test').set('Authorization', `Bearer ${admin}`);
    expect(started.status).toBe(200);
    const stateCookie = /rs_sso_state=([^;]+)/.exec(String(started.headers['set-cookie']))?.[1] ?? '';
    adminBrowser.setCookie(base, 'rs_sso_state', stateCookie);
    const answer = await toAnswer(adminBrowser, 'cy', (started.body as { url: string }).url);
    const { landed } = await deliver(adminBrowser, answer);
    expect(landed?.location).toMatch(/^\/admin\/sign-in\?test=/);
    expect(landed?.setCookies.some((c) => c.startsWith('rs_session='))).toBe(false);
    const id = /test=([^&]+)/.exec(landed?.location ?? '')?.[1] ?? '';
    const result = await request(t.app).get(`/api/admin/sso/test/${id}`).set('Authorization', `Bearer ${admin}`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      email: 'cy.saml@northwind.test',
      claims: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': 'cy.saml@northwind.test' },
    });
  });
});

describe('the admin’s SAML settings', () => {
  it('serves the SP metadata at a fixed URL, with the entity ID and ACS shown on the admin page', async () => {
    const metadata = await request(t.app).get('/api/auth/saml/metadata');
    expect(metadata.status).toBe(200);
    expect(metadata.headers['content-type']).toMatch(/application\/samlmetadata\+xml/);
    expect(metadata.text).toContain(`entityID="${base}/api/auth/saml/metadata"`);
    expect(metadata.text).toContain(`Location="${base}/api/auth/sso/callback"`);
    expect(metadata.text).toContain('WantAssertionsSigned="true"');
    const settings = await request(t.app).get('/api/admin/sso').set('Authorization', `Bearer ${admin}`);
    expect(settings.body).toMatchObject({
      protocol: 'saml',
      saml: {
        idpEntityId: peer.entityId,
        spEntityId: `${base}/api/auth/saml/metadata`,
        acsUrl: `${base}/api/auth/sso/callback`,
        clockSkewSeconds: 60,
      },
    });
  });

  it('fetches the metadata from its URL only with the address on the allow-list; a bad URL or XML keeps the earlier settings', async () => {
    const byUrl = settingsBody({ idpMetadataUrl: peer.metadataUrl }, { displayName: 'By URL' });
    const refused = await saveSettings(byUrl);
    expect(refused.status).toBe(422);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/allow-list/);
    const allow = await request(t.app)
      .put('/api/catalog/webhook-allow-list')
      .set('Authorization', `Bearer ${admin}`)
      .send({ entries: ['127.0.0.1'] });
    expect(allow.status).toBe(200);
    const unreachable = await saveSettings(
      settingsBody({ idpMetadataUrl: 'http://127.0.0.1:9/metadata.xml' }, { displayName: 'Broken' }),
    );
    expect(unreachable.status).toBe(422);
    const malformed = await saveSettings(
      settingsBody({ idpMetadataXml: '<EntityDescriptor' }, { displayName: 'Broken' }),
    );
    expect(malformed.status).toBe(422);
    expect((malformed.body as { error: { message: string } }).error.message).toMatch(/not well-formed/);
    const notIdp = await saveSettings(settingsBody({ idpMetadataXml: '<a/>' }, { displayName: 'Broken' }));
    expect(notIdp.status).toBe(422);
    const both = await saveSettings(
      settingsBody({ idpMetadataXml: peer.metadataXml, idpMetadataUrl: peer.metadataUrl }),
    );
    expect(both.status).toBe(400);
    expect((await request(t.app).get('/api/admin/sso').set('Authorization', `Bearer ${admin}`)).body).toMatchObject({
      displayName: 'Northwind AD FS',
      saml: { idpMetadataUrl: null },
    });
    const saved = await saveSettings(byUrl);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      displayName: 'By URL',
      saml: { idpMetadataUrl: peer.metadataUrl, idpEntityId: peer.entityId },
    });
    await request(t.app)
      .put('/api/catalog/webhook-allow-list')
      .set('Authorization', `Bearer ${admin}`)
      .send({ entries: [] });
  });
});
