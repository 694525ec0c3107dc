import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { signInStrings } from '../../addin/web/pages/admin/signIn/strings';
import { uiStrings } from '../../addin/ui/strings';
import { DEMO_PASSWORD } from '../../demo/organisation/organisation';
import { startOidcPeer, type OidcPeer, type Person } from '../support/oidcPeer';
import { startSamlPeer, type SamlPeer } from '../support/samlPeer';
import { CHROMIUM, DEMO_USERS, VIEWPORTS, screenshot, startDemoProduct, type DemoProduct } from './support/demoProduct';

/**
 * Single sign-on in the product as `npm start` runs it, against a real OpenID provider set up like
 * AD FS (oidc-provider, in this process): the admin configures it on Admin → Sign-in and tests it
 * without being signed out, then an employee clicks "Sign in with …", signs in at the provider's
 * page and is back in Roomserve signed in.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/sso: skipped, no Chromium at ${CHROMIUM}`);

const PROVIDER_NAME = 'Northwind AD FS';

const people = new Map<string, Person>([
  ['emma', { upn: DEMO_USERS.employee, name: 'Emma Schmidt', groups: ['Staff'] }],
  ['nora', { upn: 'nora.neu@northwind.test', name: 'Nora Neu', groups: ['Staff', 'Roomserve-Facility'] }],
]);

(haveChromium ? describe : describe.skip)('single sign-on, as an admin sets it up and people use it', () => {
  let product: DemoProduct;
  let peer: OidcPeer;
  let samlPeer: SamlPeer;
  /** The demo's PUBLIC_URL is http://localhost:<port>: the redirect URI, and so the cookies, live there. */
  let origin: string;
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const context = await product.browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-GB' });
    contexts.push(context);
    // Only this machine: the provider's page would otherwise ask a font server on the internet.
    await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
    return context.newPage();
  }

  async function signInAsAdmin(): Promise<Page> {
    const admin = await newPage();
    await admin.goto(origin);
    await admin.getByLabel(uiStrings.signIn.email).fill(DEMO_USERS.admin);
    // exact: with SSO on, the divider "or with a Roomserve password" is labelled too.
    await admin.getByRole('textbox', { name: uiStrings.signIn.password }).fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: uiStrings.signIn.submit }).click();
    await admin.getByRole('link', { name: 'Admin' }).waitFor({ timeout: 30_000 });
    return admin;
  }

  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
  }

  beforeAll(async () => {
    product = await startDemoProduct();
    origin = product.origin.replace('127.0.0.1', 'localhost');
    peer = await startOidcPeer(
      { redirectUri: `${origin}/api/auth/sso/callback`, postLogoutRedirectUri: `${origin}/` },
      people,
    );
    const spMetadata = await fetch(`${origin}/api/auth/saml/metadata`);
    samlPeer = await startSamlPeer({
      spMetadataXml: await spMetadata.text(),
      people: new Map([['sam', { upn: 'sam.saml@northwind.test', name: 'Sam Saml', groups: ['Roomserve-Facility'] }]]),
    });
  }, 900_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await peer?.close();
    await samlPeer?.close();
    await product?.stop();
  });

  it('is set up and tested on Admin → Sign-in without signing the admin out', async () => {
    const admin = await newPage();
    await admin.goto(origin);
    await admin.getByLabel(uiStrings.signIn.email).fill(DEMO_USERS.admin);
    await admin.getByLabel(uiStrings.signIn.password).fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: uiStrings.signIn.submit }).click();
    await admin.getByRole('link', { name: 'Admin' }).waitFor({ timeout: 30_000 });
    await admin.goto(`${origin}/admin/sign-in`);
    const form = admin.getByRole('form', { name: signInStrings.formLabel });
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('switch', { name: signInStrings.enabled }).check();
    await form.getByLabel(signInStrings.displayName).fill(PROVIDER_NAME);
    await form.getByLabel(signInStrings.issuerUrl).fill(peer.issuer);
    await form.getByLabel(signInStrings.clientId).fill(peer.clientId);
    await form.getByLabel(signInStrings.clientSecret).fill(peer.clientSecret);
    await form.getByLabel(signInStrings.scopes).fill('openid profile email allatclaims');
    await form.getByRole('button', { name: signInStrings.addMapping }).click();
    await form.getByLabel(signInStrings.value).fill('Roomserve-Facility');
    await form.getByRole('combobox', { name: signInStrings.role }).selectOption('facility');
    await form.getByRole('button', { name: signInStrings.save }).click();
    await form.getByText(signInStrings.saved).waitFor({ timeout: 30_000 });
    await screenshot(admin, 'sso-admin-settings');

    await admin.getByRole('button', { name: signInStrings.testButton }).click();
    await signInAtProvider(admin, 'nora');
    const claims = admin.getByLabel(signInStrings.testResult);
    await claims.waitFor({ timeout: 30_000 });
    expect(await claims.textContent()).toContain('"upn": "nora.neu@northwind.test"');
    expect(await admin.getByText(signInStrings.testNew).isVisible()).toBe(true);
    await screenshot(admin, 'sso-admin-test-sign-in');
    // Still the admin: the admin tabs are there and the session answers as Ada.
    const me: unknown = await admin.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<unknown>);
    expect(me).toMatchObject({ user: { email: DEMO_USERS.admin, role: 'admin' } });
  }, 120_000);

  it('signs an employee in with "Sign in with …" and the provider’s page', async () => {
    const page = await newPage();
    await page.goto(origin);
    const button = page.getByRole('link', { name: uiStrings.signIn.ssoButton(PROVIDER_NAME) });
    await button.waitFor({ timeout: 30_000 });
    await screenshot(page, 'sso-sign-in-page');
    const clicked = performance.now();
    await button.click();
    await signInAtProvider(page, 'nora');
    await page.getByRole('button', { name: /Account of Nora Neu/ }).waitFor({ timeout: 30_000 });
    const signedInMs = performance.now() - clicked;
    // The click-to-signed-in time includes typing at the provider's page (playwright fills instantly).
    console.log(`SSO sign-in on localhost, click to signed in: ${Math.round(signedInMs)} ms`);
    await screenshot(page, 'sso-signed-in');
    const me: unknown = await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<unknown>);
    expect(me).toMatchObject({ user: { email: 'nora.neu@northwind.test', role: 'facility' } });
  }, 120_000);

  it('lands a forged callback on an error page with no session', async () => {
    const page = await newPage();
    const response = await page.goto(`${origin}/api/auth/sso/callback?code=stolen&state=forged`);
    expect(response?.status()).toBe(400);
    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    await screenshot(page, 'sso-error-page');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });

  it('switches to SAML 2.0 on Admin → Sign-in and signs someone in through the IdP’s page', async () => {
    const admin = await signInAsAdmin();
    await admin.goto(`${origin}/admin/sign-in`);
    const form = admin.getByRole('form', { name: signInStrings.formLabel });
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('radio', { name: signInStrings.protocolSaml }).check();
    await form.getByLabel(signInStrings.metadataXml).fill(samlPeer.metadataXml);
    await form.getByLabel(signInStrings.clockSkew).fill('120');
    await form.getByRole('button', { name: signInStrings.save }).click();
    await form.getByText(signInStrings.saved).waitFor({ timeout: 30_000 });
    // exact: the pasted metadata holds the entity ID too.
    await form.getByText(samlPeer.entityId, { exact: true }).waitFor();
    expect(await form.getByText(`${origin}/api/auth/sso/callback`, { exact: true }).isVisible()).toBe(true);
    await screenshot(admin, 'sso-admin-saml-settings');

    const page = await newPage();
    await page.goto(origin);
    const button = page.getByRole('link', { name: uiStrings.signIn.ssoButton(PROVIDER_NAME) });
    await button.waitFor({ timeout: 30_000 });
    const clicked = performance.now();
    await button.click();
    await page.locator('input[name="login"]').fill('sam');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /Account of Sam Saml/ }).waitFor({ timeout: 30_000 });
    const signedInMs = performance.now() - clicked;
    console.log(`SAML sign-in on localhost, click to signed in: ${Math.round(signedInMs)} ms`);
    await screenshot(page, 'sso-saml-signed-in');
    const me: unknown = await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<unknown>);
    expect(me).toMatchObject({ user: { email: 'sam.saml@northwind.test', role: 'facility' } });
  }, 120_000);
});
