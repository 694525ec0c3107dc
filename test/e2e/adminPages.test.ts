import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { roomSettingsStrings } from '../../addin/web/pages/admin/roomSettings/strings';
import { usersStrings } from '../../addin/web/pages/admin/users/strings';
import { uiStrings } from '../../addin/ui/strings';
import { CHROMIUM, horizontalOverflow, screenshot, startDemoProduct, type DemoProduct } from './support/demoProduct';

/**
 * The admin pages of issue 13 in the product as `npm start` runs it: what an admin changes there
 * is what employees then meet, and a deactivated user is out at once.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/adminPages: skipped, no Chromium at ${CHROMIUM}`);

const ROOM = 'Lühe';
const NEW_TAG = 'Standing desks';
const NEW_CAPACITY = '9';

async function noSpinner(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, {
    timeout: 30_000,
  });
}

async function fits(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ page: name, overflow: await horizontalOverflow(page) }).toEqual({ page: name, overflow: [] });
}

(haveChromium ? describe : describe.skip)('the admin pages, as an admin uses them', () => {
  let product: DemoProduct;

  beforeAll(async () => {
    product = await startDemoProduct();
  }, 900_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('changes a room’s capacity and tags, and an employee’s search shows them', async () => {
    const admin = await product.signedIn('admin');
    await admin.goto(`${product.origin}/admin/room-settings`);
    await admin.getByRole('searchbox', { name: roomSettingsStrings.search }).fill(ROOM);
    await admin
      .getByRole('list', { name: roomSettingsStrings.listLabel })
      .getByRole('link', { name: new RegExp(ROOM) })
      .click();
    const form = admin.getByRole('form', { name: roomSettingsStrings.formLabel(ROOM) });
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel(roomSettingsStrings.capacity).fill(NEW_CAPACITY);
    await form.getByRole('combobox', { name: roomSettingsStrings.newTag }).fill(NEW_TAG);
    await form.getByRole('button', { name: roomSettingsStrings.addTag, exact: true }).click();
    await form.getByRole('button', { name: roomSettingsStrings.save }).click();
    await form.getByText(roomSettingsStrings.saved).waitFor({ timeout: 30_000 });
    await fits(admin, 'admin-room-settings-desktop');

    const phone = await product.signedIn('admin', 'phone');
    await phone.goto(admin.url());
    await phone.getByRole('form', { name: roomSettingsStrings.formLabel(ROOM) }).waitFor({ timeout: 30_000 });
    await noSpinner(phone);
    await fits(phone, 'admin-room-settings-phone');

    const employee = await product.signedIn('employee');
    await employee.goto(`${product.origin}/?tag=${encodeURIComponent(NEW_TAG)}`);
    const card = employee.getByRole('heading', { name: ROOM, exact: true });
    await card.waitFor({ timeout: 30_000 });
    const results = employee.locator('main');
    await expect(results.getByText(uiStrings.room.capacity(Number(NEW_CAPACITY))).count()).resolves.toBeGreaterThan(0);
    await expect(results.getByText(NEW_TAG, { exact: true }).count()).resolves.toBeGreaterThan(0);
    // The new tag filters: no other room carries it.
    await noSpinner(employee);
    const headings = await employee.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings).toContain(ROOM);
    expect(headings).not.toContain('Elbe');
  }, 300_000);

  it('deactivates a user, whose open session stops working at once', async () => {
    const employee = await product.signedIn('employee');
    await employee.goto(`${product.origin}/bookings`);
    await noSpinner(employee);
    const me = () => employee.context().request.get(`${product.origin}/api/auth/me`);
    expect((await me()).status()).toBe(200);

    const admin = await product.signedIn('admin');
    await admin.goto(`${product.origin}/admin/users`);
    await admin.getByRole('searchbox', { name: usersStrings.search }).fill('emma');
    await admin.getByRole('button', { name: usersStrings.deactivateFor('Emma Schmidt') }).click();
    await admin.getByText(usersStrings.deactivated('Emma Schmidt')).waitFor({ timeout: 30_000 });
    await fits(admin, 'admin-users-desktop');

    expect((await me()).status()).toBe(401);
    await employee.reload();
    await employee.getByRole('button', { name: uiStrings.signIn.submit }).waitFor({ timeout: 30_000 });
  }, 300_000);
});
