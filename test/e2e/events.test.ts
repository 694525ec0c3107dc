import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { EventView } from '../../shared/schemas/events';
import { readRoomCalendar } from '../support/exchangeCalendars';
import { CHROMIUM, screenshot, startDemoProduct, type DemoProduct } from './support/demoProduct';

/**
 * Event management in a browser, on the demo product as `npm start` runs it (the demo books in
 * events mode; Emma starred Elbe, Alster and Speicher): the favourites grid for a day, a drag over
 * free time on a room, the event form with the directory attendee picker and a guest, sent to
 * Exchange (the bundled simulator) and confirmed by the room, with the attendees listed; a weekly
 * series with one occurrence changed from the event view ("This occurrence"), read back over EWS.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/events: skipped, no Chromium at ${CHROMIUM}`);

const SPINNERS_GONE = () => document.querySelectorAll('.fui-Spinner').length === 0;

async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(SPINNERS_GONE, undefined, { timeout: 30_000 });
}

/** The next Monday–Friday after today on the browser's clock, as YYYY-MM-DD: every demo building is open then. */
function nextWeekday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const day = new Date();
    do day.setDate(day.getDate() + 1);
    while (day.getDay() === 0 || day.getDay() === 6);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  });
}

/** Drags across the first two free half hours next to each other on a favourite; answers the room's id. */
async function dragOverFreeHour(page: Page, grid: Locator): Promise<string> {
  const free = grid.locator('button:not([disabled])');
  const cells = await free.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-cell') ?? ''));
  const start = cells.find((c) => {
    const [room, index] = c.split(':');
    return cells.includes(`${room}:${Number(index) + 1}`);
  });
  if (!start) throw new Error('no two free half hours next to each other');
  const [roomId = '', index] = start.split(':');
  const from = await grid.locator(`[data-cell="${start}"]`).boundingBox();
  const to = await grid.locator(`[data-cell="${roomId}:${Number(index) + 1}"]`).boundingBox();
  if (!from || !to) throw new Error('cells not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
  await page.mouse.up();
  return roomId;
}

/** GET on the API with the page's session. */
async function apiGet<T>(page: Page, origin: string, path: string): Promise<T> {
  const res = await page.request.get(`${origin}/api${path}`);
  if (res.status() !== 200) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

(haveChromium ? describe : describe.skip)('events in a browser', () => {
  let product: DemoProduct;

  beforeAll(async () => {
    product = await startDemoProduct();
  }, 900_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('favourites grid → drag over free time → event form with the attendee picker → confirmed', async () => {
    const page = await product.signedIn('employee', 'desktop');
    await page.goto(`${product.origin}/events`);
    await settle(page);
    await page.getByLabel('Day').fill(await nextWeekday(page));
    const grid = page.getByRole('table', { name: 'Availability of your favourite rooms' });
    await grid.waitFor({ timeout: 30_000 });
    await settle(page);
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual(['Alster', 'Elbe', 'Speicher']);
    await screenshot(page, 'events-favourites-grid');

    // Two free half hours next to each other on one of the favourites, dragged across by mouse.
    await dragOverFreeHour(page, grid);

    const form = page.getByRole('form', { name: /^New event in / });
    await form.waitFor({ timeout: 10_000 });
    await form.getByLabel('Title').fill('Roadmap review');
    const picker = form.getByRole('textbox', { name: 'Attendees' });
    await picker.pressSequentially('luk', { delay: 30 });
    await form.getByRole('button', { name: 'Add Lukas Meyer <lukas.meyer@northwind.test>' }).click();
    await picker.fill('guest@partner.example');
    await picker.press('Enter');
    await form.getByLabel('Description').fill('Where we are, where we go.');
    await form.getByLabel('Online meeting link').fill('https://meet.example/roadmap');
    await expect(form.getByRole('list', { name: 'Attendees' }).getByRole('listitem').count()).resolves.toBe(2);
    await screenshot(page, 'events-form-with-picker');
    await form.getByRole('button', { name: 'Send invitations' }).click();

    const details = page.getByRole('region', { name: 'Event' });
    await details.getByText('Confirmed').waitFor({ timeout: 30_000 });
    const attendees = await details.getByRole('list', { name: 'Attendees and their answers' }).textContent();
    expect(attendees).toContain('Lukas Meyer');
    expect(attendees).toContain('guest@partner.example');
    // Times to the minute on the 24-hour clock, never with seconds.
    expect(await details.textContent()).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    await screenshot(page, 'events-confirmed');
    await details.getByRole('button', { name: 'Close' }).click();

    // The week: each favourite's free time per day; a day opens its grid.
    await page.getByRole('tab', { name: 'Week' }).click();
    const week = page.getByRole('table', { name: 'Availability of your favourite rooms this week' });
    await week.waitFor({ timeout: 30_000 });
    await settle(page);
    expect(await week.getByRole('rowheader').allTextContents()).toEqual(['Alster', 'Elbe', 'Speicher']);
    await screenshot(page, 'events-favourites-week');
    await week.locator('button').first().click();
    await grid.waitFor({ timeout: 30_000 });
  }, 120_000);

  it('a weekly series: one occurrence changed from the event view, the others kept (read over EWS)', async () => {
    const page = await product.signedIn('employee', 'desktop');
    await page.goto(`${product.origin}/events`);
    await settle(page);
    await page.getByLabel('Day').fill(await nextWeekday(page));
    const grid = page.getByRole('table', { name: 'Availability of your favourite rooms' });
    await grid.waitFor({ timeout: 30_000 });
    await settle(page);
    const roomId = await dragOverFreeHour(page, grid);

    const form = page.getByRole('form', { name: /^New event in / });
    await form.waitFor({ timeout: 10_000 });
    await form.getByLabel('Title').fill('Weekly planning');
    await form.getByLabel('Repeat').selectOption({ label: 'Weekly on this day' });
    const count = form.getByLabel('Occurrences');
    await count.fill('3');
    // The spin button takes a typed value when it loses focus.
    await count.press('Tab');
    await form.getByRole('button', { name: 'Send invitations' }).click();
    const details = page.getByRole('region', { name: 'Event' });
    await details.getByText('Confirmed').waitFor({ timeout: 30_000 });

    // The view offers the choice for a series: this occurrence, the second one, gets a new title.
    const editor = details.getByRole('region', { name: 'Change or cancel' });
    await editor.getByRole('radio', { name: 'This occurrence' }).check();
    const occurrence = editor.getByRole('combobox', { name: 'Occurrence' });
    const options = await occurrence.locator('option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
    expect(options).toHaveLength(3);
    await occurrence.selectOption(options[1] ?? '');
    await editor.getByRole('textbox', { name: 'Title' }).fill('Planning, second week');
    await screenshot(page, 'events-occurrence-edit');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText(/^The occurrence changed: /).waitFor({ timeout: 30_000 });
    await screenshot(page, 'events-occurrence-changed');

    // Over the API: the series keeps its title and its three occurrences.
    const mine = await apiGet<{ id: string; subject: string }[]>(page, product.origin, '/bookings');
    const booking = mine.find((b) => b.subject === 'Weekly planning');
    if (!booking) throw new Error('the series is not among my bookings');
    const series = await apiGet<EventView>(page, product.origin, `/events/${booking.id}`);
    expect(series.title).toBe('Weekly planning');
    expect(series.occurrences.map((o) => o.start)).toEqual(options);
    // Over EWS, as an independent reader: the room and the organizer hold the second week as an
    // exception (the organizer's with the new title), the first and third as plain occurrences.
    const admin = await product.signedIn('admin', 'desktop');
    const exchange = await apiGet<{ ewsUrl: string; caBundlePem: string | null }>(
      admin,
      product.origin,
      '/admin/exchange',
    );
    const room = await apiGet<{ exchange: { email: string | null } }>(admin, product.origin, `/rooms/${roomId}`);
    if (!room.exchange.email) throw new Error('the room has no mailbox');
    const first = series.occurrences[0];
    const last = series.occurrences[2];
    if (!first || !last) throw new Error('the series has not three occurrences');
    const account = { url: exchange.ewsUrl, caCertPem: exchange.caBundlePem ?? undefined };
    const window = { start: new Date(first.start), end: new Date(last.end) };
    const atOurTimes = async (mailbox: string): Promise<string[]> =>
      (await readRoomCalendar(account, mailbox, window))
        .filter((e) => e.type === 'Occurrence' || e.type === 'Exception')
        .filter((e) => series.occurrences.some((o) => Date.parse(o.start) === Date.parse(e.start)))
        .map((e) => `${e.subject} ${e.type}`);
    // The room's copy carries the organizer's name as its subject (as Exchange's rooms do).
    expect(await atOurTimes(room.exchange.email)).toEqual([
      'Emma Schmidt Occurrence',
      'Emma Schmidt Exception',
      'Emma Schmidt Occurrence',
    ]);
    expect(await atOurTimes('emma.schmidt@northwind.test')).toEqual([
      'Weekly planning Occurrence',
      'Planning, second week Exception',
      'Weekly planning Occurrence',
    ]);

    // My bookings leads to the event page.
    await page.goto(`${product.origin}/bookings`);
    await page.getByRole('link', { name: 'Attendees and event “Weekly planning”' }).click();
    await page.waitForURL(`**/events/${booking.id}`);
    // The third week cancelled there is no longer offered to be picked.
    const view = page.getByRole('region', { name: 'Change or cancel' });
    await view.getByRole('radio', { name: 'This occurrence' }).check();
    await view.getByRole('combobox', { name: 'Occurrence' }).selectOption(options[2] ?? '');
    await view.getByRole('button', { name: 'Cancel this occurrence' }).click();
    await view.getByRole('alertdialog').getByRole('button', { name: 'Yes, cancel' }).click();
    await view.getByText(/^The occurrence cancelled/).waitFor({ timeout: 30_000 });
    await page.reload();
    const again = page.getByRole('region', { name: 'Change or cancel' });
    await again.getByRole('radio', { name: 'This occurrence' }).check();
    const left = await again
      .getByRole('combobox', { name: 'Occurrence' })
      .locator('option')
      .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
    expect(left).toEqual(options.slice(0, 2));
  }, 240_000);

  it('fits a phone: the week and Invite a guest at 390 px', async () => {
    const page = await product.signedIn('employee', 'phone');
    await page.goto(`${product.origin}/events`);
    await settle(page);
    await screenshot(page, 'events-phone-day');
    await page.getByRole('tab', { name: 'Week' }).click();
    await page
      .getByRole('table', { name: 'Availability of your favourite rooms this week' })
      .waitFor({ timeout: 30_000 });
    await settle(page);
    // The page itself never scrolls sideways; the grids scroll in their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'events-phone-week');
    // The demo lets only admins invite guests (the installation's switch is off for employees).
    expect(await page.getByRole('button', { name: 'Invite a guest' }).count()).toBe(0);

    const admin = await product.signedIn('admin', 'phone');
    await admin.goto(`${product.origin}/events`);
    await settle(admin);
    await admin.getByRole('button', { name: 'Invite a guest' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite a guest' });
    await dialog.getByLabel('Name').fill('Petra Partner');
    await dialog.getByLabel('Email').fill('petra.partner@partner.example');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog
      .getByText('Invitation sent to Petra Partner (petra.partner@partner.example).')
      .waitFor({ timeout: 15_000 });
    await dialog.getByLabel('Invitation link').waitFor();
    await screenshot(admin, 'events-phone-invite-guest');
  }, 120_000);
});
