import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { externalsStrings as admin } from '../../addin/web/pages/admin/externals/strings';
import { externalLinkStrings as linkText } from '../../addin/web/pages/externals/strings';
import { EXTERNAL_MIN_CAPACITY } from '../../demo/database/locations';
import { allDemoRooms, DEMO_EXTERNAL_GUEST, DEMO_INVITED_CONTRACTOR } from '../../demo/organisation/organisation';
import {
  CHROMIUM,
  horizontalOverflow,
  screenshot,
  startDemoProduct,
  stopStrayServers,
  VIEWPORTS,
  type DemoProduct,
} from './support/demoProduct';

/**
 * Externals in the product as `npm start` runs it (demo organisation, simulated Exchange): an
 * admin invites a contractor and copies the link; the contractor opens it, sets a password, sees
 * only the rooms open to externals and books one; the admin sees the booking and deactivates the
 * contractor after a confirmation naming the booking it cancels. The demo's own guest has a booking.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/externals: skipped, no Chromium at ${CHROMIUM}`);

const WAIT = { timeout: 30_000 };
const GUEST = { name: 'Tara Lind', email: 'tara.lind@werft-sued.example', company: 'Werft Süd' };
const EXTERNAL_ROOMS = allDemoRooms()
  .filter((room) => room.capacity >= EXTERNAL_MIN_CAPACITY)
  .map((room) => room.name)
  .sort();

const SPINNERS_GONE = () => document.querySelectorAll('.fui-Spinner').length === 0;

async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor(WAIT);
  await page.waitForFunction(SPINNERS_GONE, undefined, WAIT);
}

const row = (page: Page, name: string) =>
  page.getByRole('list', { name: admin.list.label }).getByRole('listitem', { name, exact: true });

/** The next Monday–Friday on the browser's clock, as YYYY-MM-DD: every demo building is open then. */
function nextWeekday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const day = new Date();
    do day.setDate(day.getDate() + 1);
    while (day.getDay() === 0 || day.getDay() === 6);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  });
}

async function roomNames(page: Page): Promise<string[]> {
  return (await page.locator('main ul li h3 a').allTextContents()).map((name) => name.trim()).sort();
}

(haveChromium ? describe : describe.skip)('externals, from the invitation to a booking', () => {
  let product: DemoProduct;
  let invitationPath = '';

  beforeAll(async () => {
    product = await startDemoProduct();
  }, 900_000);

  afterAll(async () => {
    await product?.stop();
    await stopStrayServers();
  });

  it('an admin invites a contractor and gets the link to pass on', async () => {
    const page = await product.signedIn('admin');
    await page.goto(`${product.origin}/admin`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: admin.tab }).click();
    await page.getByRole('list', { name: admin.list.label }).waitFor(WAIT);
    // The demo's contractor whose invitation waits.
    await row(page, DEMO_INVITED_CONTRACTOR.name).getByText(admin.list.status.invited, { exact: true }).waitFor(WAIT);

    const form = page.getByRole('form', { name: admin.invite.title });
    await form.getByRole('textbox', { name: admin.invite.name }).fill(GUEST.name);
    await form.getByRole('textbox', { name: admin.invite.email }).fill(GUEST.email);
    await form.getByRole('textbox', { name: admin.invite.company }).fill(GUEST.company);
    await form.getByRole('button', { name: admin.invite.submit }).click();
    await page.getByText(admin.invite.sent(GUEST.name, GUEST.email)).waitFor(WAIT);
    const link = await form.getByRole('textbox', { name: admin.invite.linkLabel }).inputValue();
    expect(link).toMatch(/\/externals\/accept\?token=[A-Za-z0-9_-]{43}$/);
    invitationPath = new URL(link).pathname + new URL(link).search;
    await row(page, GUEST.name).getByText(admin.list.status.invited, { exact: true }).waitFor(WAIT);
    await screenshot(page, 'admin-externals-invited-desktop');
  }, 120_000);

  it('the contractor opens the link, sets a password, sees only rooms for externals and books one', async () => {
    expect(invitationPath).not.toBe('');
    const context = await product.browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${product.origin}${invitationPath}`);
    await page.getByRole('heading', { name: linkText.accept.title }).waitFor(WAIT);
    await page.getByLabel(linkText.accept.password, { exact: true }).fill('werft-sued-2026!');
    await page.getByLabel(linkText.accept.repeat).fill('werft-sued-2026!');
    await screenshot(page, 'external-accept-desktop');
    await page.getByRole('button', { name: linkText.accept.submit }).click();

    await page.waitForURL(`${product.origin}/`, WAIT);
    await settle(page);
    await page.getByText(`${EXTERNAL_ROOMS.length} rooms`, { exact: true }).waitFor(WAIT);
    expect(await roomNames(page)).toEqual(EXTERNAL_ROOMS);

    // A slot one of them has free: the demo's meetings move with the day it starts.
    const date = await nextWeekday(page);
    await page.getByLabel('Date').fill(date);
    await page.getByLabel('From').fill('07:30');
    await page.getByLabel('To').fill('08:00');
    await page.getByLabel('Only available rooms').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(/^\d+ rooms?$/).waitFor(WAIT);
    await settle(page);
    const free = await roomNames(page);
    expect(free.length).toBeGreaterThan(0);
    expect(EXTERNAL_ROOMS).toEqual(expect.arrayContaining(free));
    await screenshot(page, 'external-search-desktop');
    expect(await horizontalOverflow(page)).toEqual([]);

    const name = free[0] ?? '';
    await page.locator('main ul li h3 a', { hasText: name }).first().click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor(WAIT);
    await page.getByRole('button', { name: `Book ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Subject').fill('Hull inspection briefing');
    await dialog.getByLabel('Date').fill(date);
    await dialog.getByLabel('From').fill('07:30');
    await dialog.getByLabel('To').fill('08:00');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await dialog.getByText(`${name} is yours`).waitFor({ timeout: 60_000 });
    await screenshot(page, 'external-booked-desktop');
    await context.close();
  }, 240_000);

  it('the admin sees the booking and deactivates the contractor after being told it is cancelled', async () => {
    const page = await product.signedIn('admin');
    await page.goto(`${product.origin}/admin/externals`);
    const guest = row(page, GUEST.name);
    await guest.getByText(admin.list.status.active, { exact: true }).waitFor(WAIT);
    await guest.getByText(admin.list.bookings(1, 1), { exact: false }).waitFor(WAIT);
    // The demo's own guest booked a room through Roomserve once the demo ran (demo/guestBooking.ts).
    await expect(row(page, DEMO_EXTERNAL_GUEST.name).getByText(admin.list.bookings(1, 1)).count()).resolves.toBe(1);

    await page.getByRole('button', { name: admin.list.deactivateFor(GUEST.name) }).click();
    const dialog = page.getByRole('dialog', { name: admin.deactivate.title(GUEST.name) });
    await dialog.getByText(admin.deactivate.consequence(1)).waitFor(WAIT);
    await screenshot(page, 'admin-externals-deactivate-desktop');
    await dialog.getByRole('button', { name: admin.deactivate.confirm(1) }).click();
    await page.getByText(admin.deactivate.done(GUEST.name, 1, 0)).waitFor({ timeout: 60_000 });
    await guest.getByText(admin.list.status.deactivated, { exact: true }).waitFor(WAIT);
  }, 120_000);
});
