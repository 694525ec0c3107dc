import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { displaysStrings as text } from '../../addin/web/pages/admin/displays/strings';
import {
  CHROMIUM,
  horizontalOverflow,
  screenshot,
  startDemoProduct,
  stopStrayServers,
  type DemoProduct,
} from './support/demoProduct';

/**
 * Admin → Displays in the product as `npm start` runs it (demo organisation, simulated Exchange):
 * the demo's display is paired already and opens from the page; an admin adds a display and sees
 * its code and QR code, sets a PIN, changes what displays show (kept after a reload) and revokes.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/displayAdmin: skipped, no Chromium at ${CHROMIUM}`);

const NEW_ROOM = 'Alster';
const WAIT = { timeout: 30_000 };

const row = (page: Page, room: string) =>
  page.getByRole('list', { name: text.list.label }).getByRole('listitem', { name: room, exact: true });

async function openDisplays(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/admin/displays`);
  await page.getByRole('form', { name: text.settings.formLabel }).waitFor(WAIT);
  await page.getByRole('list', { name: text.list.label }).waitFor(WAIT);
}

(haveChromium ? describe : describe.skip)('Admin → Displays, as an admin uses it', () => {
  let product: DemoProduct;

  beforeAll(async () => {
    product = await startDemoProduct();
  }, 900_000);

  afterAll(async () => {
    await product?.stop();
    await stopStrayServers();
  });

  it('opens the demo’s paired display, whose token reads its room, and shows it online once it called', async () => {
    const admin = await product.signedIn('admin');
    await admin.goto(`${product.origin}/admin`);
    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: text.tab }).click();
    await admin.getByRole('form', { name: text.settings.formLabel }).waitFor(WAIT);

    const open = admin.getByRole('link', { name: text.openDisplay });
    await open.waitFor(WAIT);
    const href = (await open.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/display#token=rs_dsp_[A-Za-z0-9_-]+$/);
    await expect(row(admin, 'Elbe').getByText(text.list.status.paired).count()).resolves.toBe(1);

    // The tablet calls with the token: the server answers Elbe's state, and the admin sees it online.
    const token = href.split('#token=')[1] ?? '';
    const state = await fetch(`${product.origin}/api/display/state`, {
      headers: { authorization: `Bearer ${token}`, 'x-display-version': 'e2e-build' },
    });
    expect(state.status).toBe(200);
    expect(((await state.json()) as { room: { name: string } }).room.name).toBe('Elbe');
    await admin.reload();
    await row(admin, 'Elbe').getByText(text.list.online, { exact: true }).waitFor(WAIT);
    await expect(row(admin, 'Elbe').getByText('e2e-build').count()).resolves.toBe(1);
  }, 300_000);

  it('adds a display (code, QR code, address), sets its PIN, and revokes it after confirming', async () => {
    const admin = await product.signedIn('admin');
    await openDisplays(admin, product.origin);

    const add = admin.getByRole('form', { name: text.add.heading });
    await add
      .getByRole('combobox', { name: text.add.room })
      .selectOption({ label: `${NEW_ROOM} · Ground floor · Harbour House` });
    await add.getByRole('button', { name: text.add.submit }).click();
    const panel = admin.getByRole('region', { name: text.add.panelLabel(NEW_ROOM) });
    await panel.waitFor(WAIT);
    const code = (await panel.getByLabel(text.add.code).textContent()) ?? '';
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const url = await panel.getByRole('textbox', { name: text.add.url }).inputValue();
    expect(url).toMatch(new RegExp(`/display\\?code=${code}$`));
    const qr = panel.getByRole('img', { name: text.add.qrAlt(url) });
    await qr.waitFor(WAIT);
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(150);
    await expect(panel.getByRole('timer').textContent()).resolves.toMatch(/^Expires in 1[45]:\d\d$/);
    await row(admin, NEW_ROOM).getByText(text.list.status['awaiting-pairing']).waitFor(WAIT);
    await screenshot(admin, 'admin-displays-pairing-desktop');

    await admin.getByRole('button', { name: text.list.setPinFor(NEW_ROOM) }).click();
    const pinDialog = admin.getByRole('dialog', { name: text.pin.title(NEW_ROOM) });
    await pinDialog.getByRole('textbox', { name: text.pin.field }).fill('4711');
    await pinDialog.getByRole('button', { name: text.pin.save }).click();
    await admin.getByText(text.pin.saved(NEW_ROOM)).waitFor(WAIT);
    await admin.reload();
    await row(admin, NEW_ROOM).getByText(text.list.pinSet, { exact: true }).waitFor(WAIT);

    await admin.getByRole('button', { name: text.list.revokeFor(NEW_ROOM) }).click();
    const confirm = admin.getByRole('dialog', { name: text.revoke.title(NEW_ROOM) });
    await confirm.getByRole('button', { name: text.revoke.confirm }).click();
    await admin.getByText(text.revoke.done(NEW_ROOM)).waitFor(WAIT);
    await row(admin, NEW_ROOM).waitFor({ state: 'detached', ...WAIT });
    await admin.reload();
    await admin.getByRole('list', { name: text.list.label }).waitFor(WAIT);
    await expect(row(admin, NEW_ROOM).count()).resolves.toBe(0);
  }, 300_000);

  it('at 390 px the pairing code, its QR code and address fit, and nothing covers Add display', async () => {
    const phone = await product.signedIn('admin', 'phone');
    await openDisplays(phone, product.origin);
    const add = phone.getByRole('form', { name: text.add.heading });
    await add
      .getByRole('combobox', { name: text.add.room })
      .selectOption({ label: 'Holländischer Brook · First floor · Harbour House' });
    const button = add.getByRole('button', { name: text.add.submit });
    // The button itself is what a tap at its centre reaches (a wide select once covered it).
    const onTop = await button.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit !== null && el.contains(hit);
    });
    expect(onTop).toBe(true);
    await button.click();
    const panel = phone.getByRole('region', { name: text.add.panelLabel('Holländischer Brook') });
    await panel.getByRole('img').waitFor(WAIT);
    await screenshot(phone, 'admin-displays-pairing-phone');
    expect(await horizontalOverflow(phone)).toEqual([]);
  }, 300_000);

  it('keeps a changed display setting and a room’s own setting after a reload', async () => {
    const admin = await product.signedIn('admin');
    await openDisplays(admin, product.origin);

    const form = admin.getByRole('form', { name: text.settings.formLabel });
    const organizers = form.getByRole('switch', { name: text.settings.showOrganizers });
    expect(await organizers.isChecked()).toBe(true);
    await organizers.click();
    await form.getByRole('spinbutton', { name: text.settings.releaseAfter }).fill('7');
    await form.getByRole('checkbox', { name: text.settings.durations[60] }).click();
    await form.getByRole('button', { name: text.settings.save }).click();
    await form.getByText(text.settings.saved).waitFor(WAIT);

    await admin
      .getByRole('combobox', { name: text.room.pick })
      .selectOption({ label: 'Elbe · Ground floor · Harbour House' });
    const elbe = admin.getByRole('form', { name: text.room.formLabel('Elbe') });
    await elbe.getByRole('combobox', { name: text.settings.checkInRequired }).selectOption({ label: text.room.yes });
    await elbe.getByRole('button', { name: text.settings.save }).click();
    await elbe.getByText(text.room.saved('Elbe')).waitFor(WAIT);

    await openDisplays(admin, product.origin);
    const again = admin.getByRole('form', { name: text.settings.formLabel });
    expect(await again.getByRole('switch', { name: text.settings.showOrganizers }).isChecked()).toBe(false);
    expect(await again.getByRole('spinbutton', { name: text.settings.releaseAfter }).inputValue()).toBe('7');
    expect(await again.getByRole('checkbox', { name: text.settings.durations[60] }).isChecked()).toBe(false);
    expect(await again.getByRole('checkbox', { name: text.settings.durations[30] }).isChecked()).toBe(true);
    await admin
      .getByRole('combobox', { name: text.room.pick })
      .selectOption({ label: 'Elbe · Ground floor · Harbour House' });
    const elbeAgain = admin.getByRole('form', { name: text.room.formLabel('Elbe') });
    await elbeAgain.waitFor(WAIT);
    const checkIn = elbeAgain.getByRole('combobox', { name: text.settings.checkInRequired });
    expect(await checkIn.locator('option:checked').textContent()).toBe(text.room.yes);
    await screenshot(admin, 'admin-displays-settings-desktop');
  }, 300_000);
});
