import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, horizontalOverflow, screenshot, startDemoProduct, type DemoProduct } from './support/demoProduct';

/**
 * The taskpane preview as a new user tries it after `npm start`: the demo organisation and the
 * bundled Exchange simulator, signed in as Emma at the taskpane's 350×700. The headline flow of
 * the product — choose a room, order catering for the appointment, send it — must work here,
 * because in the demo it is the only way to try it (issue #13, defect 1).
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/taskpaneDemo: skipped, no Chromium at ${CHROMIUM}`);

/** The live region (role=status/alert or aria-live) that announces `note`, or null. */
const liveRegionOf = (note: Locator) =>
  note.evaluate((el) => el.closest('[aria-live], [role="status"], [role="alert"]')?.getAttribute('aria-live') ?? null);

/** Vertical distance in px between two elements (0 when they overlap vertically). */
async function gapBetween(a: Locator, b: Locator): Promise<number> {
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  if (!boxA || !boxB) throw new Error('an element has no box');
  if (boxA.y + boxA.height < boxB.y) return boxB.y - (boxA.y + boxA.height);
  if (boxB.y + boxB.height < boxA.y) return boxA.y - (boxB.y + boxB.height);
  return 0;
}

const textStyle = (el: Locator) =>
  el.evaluate((node) => {
    const style = getComputedStyle(node);
    return { weight: Number(style.fontWeight), size: parseFloat(style.fontSize), family: style.fontFamily };
  });

(haveChromium ? describe : describe.skip)('the taskpane preview of the demo', () => {
  let product: DemoProduct;
  let page: Page;

  beforeAll(async () => {
    product = await startDemoProduct();
    page = await product.signedIn('employee', 'taskpane');
    await page.goto(`${product.origin}/taskpane.html?preview=1`);
  }, 600_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('adds a free room, saying so in the room’s card', async () => {
    const free = page
      .locator('li')
      .filter({ has: page.getByText('Free', { exact: true }) })
      .filter({ hasText: 'Harbour House' })
      .filter({ has: page.getByRole('button', { name: 'Add to meeting' }) })
      .first();
    await free.waitFor({ timeout: 60_000 });
    expect(await horizontalOverflow(page)).toEqual([]);
    // Once added, the card has no "Add" button any more: find it again by its name.
    const name = (await free.getByRole('heading').first().textContent()) ?? '';
    const card = page.locator('li').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await free.getByRole('button', { name: 'Add to meeting' }).click();
    // The confirmation is in the card whose button was pressed, and announced.
    const added = card.getByText(/was added as an attendee/);
    await added.waitFor();
    expect(await liveRegionOf(added)).toBe('polite');
  }, 120_000);

  it('opens the floor plan large over the pane, and Escape brings the pane back', async () => {
    const card = page
      .locator('li')
      .filter({ has: page.getByText('In this meeting') })
      .first();
    await card.getByRole('button', { name: 'Show floor plan' }).click();
    const enlarge = card.getByRole('button', { name: 'Enlarge plan' });
    await enlarge.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Measure the dialog as it stands, not while Fluent's opening animation still scales it up.
    await dialog.evaluate((el) =>
      Promise.all(el.getAnimations({ subtree: true }).map(async (animation) => animation.finished)),
    );
    const plan = dialog.getByRole('img', { name: /^Floor plan of/ });
    const box = await plan.boundingBox();
    // At the plan's own size (the demo's are 1200 px wide), larger than the 350 px pane it covers.
    expect(box?.width).toBeGreaterThanOrEqual(1000);
    const surface = await dialog.boundingBox();
    expect(surface?.width).toBeGreaterThanOrEqual(340);
    // The plan scrolls inside the dialog; the page itself stays as wide as the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await screenshot(page, 'taskpane-floor-plan-large');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(enlarge.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  }, 120_000);

  it('orders catering: the meeting is saved in Emma’s mailbox and the order is placed, said beside the button', async () => {
    await page.getByRole('tab', { name: 'Catering' }).click();
    await page.getByRole('heading', { name: 'Drinks' }).waitFor({ timeout: 60_000 });
    // Harbour House has more than one caterer: the kitchen's water has a one-hour lead time.
    const caterer = page.getByLabel('Caterer', { exact: true });
    if ((await caterer.count()) > 0) await caterer.selectOption({ label: 'Northwind Kitchen' });
    await page.getByLabel('Quantity of Still and sparkling water').fill('2');
    const order = page.getByRole('button', { name: 'Order catering' });
    await order.click();
    const cart = page.getByRole('region', { name: 'Your order' });
    const placed = cart.getByText(/Your catering order was placed/);
    await placed.waitFor({ timeout: 60_000 });
    await expect(cart.getByText(/could not be placed/).count()).resolves.toBe(0);
    expect(await liveRegionOf(placed)).toBe('polite');
    // Beside the button that placed it, not at the top of the pane.
    expect(await gapBetween(order, placed)).toBeLessThan(250);
    const orders = page.getByRole('region', { name: 'Orders for this meeting' });
    await orders.getByText('Waiting for the meeting to be sent').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'taskpane-order-placed');
  }, 120_000);

  it('sends the meeting as Outlook would: the room accepts and the order follows its booking', async () => {
    const bar = page.getByRole('region', { name: 'Outlook (preview)' });
    await bar.getByRole('button', { name: 'Send the meeting' }).click();
    const sent = bar.getByText(/The meeting was sent/);
    await sent.waitFor({ timeout: 60_000 });
    expect(await liveRegionOf(sent)).toBe('polite');
    const orders = page.getByRole('region', { name: 'Orders for this meeting' });
    const started = Date.now();
    while (await orders.getByText('Waiting for the meeting to be sent').isVisible()) {
      if (Date.now() - started > 60_000) throw new Error('the order was not linked to the room’s booking');
      await page.getByRole('button', { name: 'Refresh from Outlook' }).click();
      await page.waitForTimeout(1_000);
    }
    await orders.getByText('Status: Requested').waitFor();
  }, 120_000);

  it('outside Outlook, says how to open the add-in, styled, with the preview one click away', async () => {
    const outside = await product.signedIn('employee', 'taskpane');
    await outside.goto(`${product.origin}/taskpane.html`);
    const heading = outside.getByRole('heading', { name: 'Roomserve for Outlook' });
    await heading.waitFor({ timeout: 30_000 });
    expect((await textStyle(heading)).family).toMatch(/Segoe UI/);
    await expect(
      outside
        .getByText(/Find a room/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    const link = outside.getByRole('link', { name: 'Try the preview in this browser' });
    expect(await link.getAttribute('href')).toBe('/taskpane.html?preview=1');
    expect(await horizontalOverflow(outside)).toEqual([]);
  }, 120_000);

  it('in attendee mode, says "nothing here" as text under the section headings, not as headings', async () => {
    const attendee = await product.signedIn('employee', 'taskpane');
    await attendee.goto(`${product.origin}/taskpane.html?preview=1&mode=attendee`);
    const empty = attendee.getByText('Catering shows here once the meeting is saved in Outlook.');
    await empty.waitFor({ timeout: 30_000 });
    const heading = await textStyle(attendee.getByRole('heading', { name: 'Catering', exact: true }));
    const sentence = await textStyle(empty);
    expect(sentence.weight).toBeLessThan(600);
    expect(sentence.size).toBeLessThan(heading.size);
  }, 120_000);
});
