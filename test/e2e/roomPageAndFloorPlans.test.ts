import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CHROMIUM, horizontalOverflow, screenshot, startDemoProduct, type DemoProduct } from './support/demoProduct';

/**
 * The room page and Admin → Floor plans in a browser, on the demo product as `npm start` runs it:
 * a person finds a room, opens its page, sees where it is on the floor plan and books it; an admin
 * moves a corner of a room's outline by keyboard and by mouse, undoes one, saves, and finds the
 * saved one after a reload (and on the room's page).
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/roomPageAndFloorPlans: skipped, no Chromium at ${CHROMIUM}`);

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

/** "Corner 2 of 4 at 51, 20" → [51, 20]. */
async function selectedCorner(page: Page): Promise<[number, number]> {
  const words = (await page.getByTestId('plan-selection').textContent()) ?? '';
  const match = /at (\d+), (\d+)$/.exec(words.trim());
  if (!match) throw new Error(`no corner selected: "${words}"`);
  return [Number(match[1]), Number(match[2])];
}

(haveChromium ? describe : describe.skip)('the room page and the floor-plan editor in a browser', () => {
  let product: DemoProduct;

  beforeAll(async () => {
    product = await startDemoProduct();
  }, 900_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('search → a room page with the room on its floor plan → Book', async () => {
    const page = await product.signedIn('employee', 'desktop');
    await page.goto(`${product.origin}/`);
    await settle(page);
    // A room free in the slot booked below: the demo's meetings move with the day the demo starts.
    const date = await nextWeekday(page);
    await page.getByLabel('Date').fill(date);
    await page.getByLabel('From').fill('07:30');
    await page.getByLabel('To').fill('08:00');
    await page.getByLabel('Only available rooms').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(/^\d+ rooms?$/).waitFor({ timeout: 30_000 });
    await settle(page);
    const link = page.locator('main ul li h3 a').first();
    const name = ((await link.textContent()) ?? '').trim();
    expect(name).not.toBe('');

    await link.click();
    await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    // The search page stays until the room page's chunk has loaded.
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30_000 });
    await settle(page);
    const plan = page.getByRole('img', { name: new RegExp(`with ${name} highlighted$`) });
    const highlighted = plan.getByTestId('highlighted-room');
    const box = await highlighted.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(10);
    expect(box?.height ?? 0).toBeGreaterThan(10);
    expect(await page.locator('[data-testid^="day-"]').count()).toBe(7);
    await screenshot(page, 'room-page-desktop');
    expect(await horizontalOverflow(page)).toEqual([]);

    await page.getByRole('button', { name: `Book ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Subject').fill('Room page check');
    await dialog.getByLabel('Date').fill(date);
    await dialog.getByLabel('From').fill('07:30');
    await dialog.getByLabel('To').fill('08:00');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await dialog.getByText(`${name} is yours`).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The week reloads when the dialog closes: the new booking shows at once.
    await page
      .getByTestId(`day-${date}`)
      .getByText(/Room page check/)
      .waitFor({ timeout: 15_000 });
    await page.context().close();
  }, 240_000);

  it('the room page fits a phone', async () => {
    const page = await product.signedIn('employee', 'phone');
    await page.goto(`${product.origin}/`);
    await settle(page);
    await page.locator('main ul li h3 a').first().click();
    await page.waitForURL(/\/rooms\//);
    await settle(page);
    await page.getByTestId('highlighted-room').waitFor();
    await screenshot(page, 'room-page-phone');
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('Admin → Floor plans: a corner moved by keyboard is saved and kept after a reload', async () => {
    const page = await product.signedIn('admin', 'desktop');
    await page.goto(`${product.origin}/admin`);
    await settle(page);
    await page.getByRole('link', { name: 'Floor plans' }).click();
    await page.waitForURL(/\/admin\/floor-plans/);
    await settle(page);

    const roomButton = page.getByRole('button', { name: /^Edit the outline of / }).first();
    const room = ((await roomButton.getAttribute('aria-label')) ?? '').replace('Edit the outline of ', '');
    await roomButton.click();
    const canvas = page.getByRole('application');
    await canvas.focus();
    await page.keyboard.press(']');
    const before = await selectedCorner(page);
    // Away from the plan's edges, so neither move is stopped by them.
    const dx = before[0] > 50 ? -1 : 1;
    const dy = before[1] > 50 ? -10 : 10;
    await page.keyboard.press(dx < 0 ? 'ArrowLeft' : 'ArrowRight');
    await page.keyboard.press(dy < 0 ? 'Shift+ArrowUp' : 'Shift+ArrowDown');
    const moved: [number, number] = [before[0] + dx, before[1] + dy];
    expect(await selectedCorner(page)).toEqual(moved);

    // A mouse drag of the next corner, then Undo: only the keyboard move is left to save.
    const handle = page.getByTestId('corner-1');
    const at = await handle.boundingBox();
    if (!at) throw new Error('corner 2 is not drawn');
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 30, at.y + at.height / 2 + 20, { steps: 5 });
    await page.mouse.up();
    const dragged = await selectedCorner(page);
    expect(dragged).not.toEqual(moved);
    await page.getByRole('button', { name: 'Undo' }).click();
    await canvas.focus();
    await page.keyboard.press('[');
    expect(await selectedCorner(page)).toEqual(moved);

    await screenshot(page, 'admin-floor-plans-desktop');
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save outlines' }).click();
    await page.getByText('The outlines were saved.').waitFor();

    await page.reload();
    await settle(page);
    await page.getByRole('button', { name: `Edit the outline of ${room}` }).click();
    await page.getByRole('application').focus();
    await page.keyboard.press(']');
    expect(await selectedCorner(page)).toEqual(moved);
    await page.context().close();
  }, 180_000);

  it('Admin → Floor plans fits a phone', async () => {
    const page = await product.signedIn('admin', 'phone');
    await page.goto(`${product.origin}/admin/floor-plans`);
    await settle(page);
    await page
      .getByRole('button', { name: /^Edit the outline of / })
      .first()
      .click();
    await screenshot(page, 'admin-floor-plans-phone');
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
