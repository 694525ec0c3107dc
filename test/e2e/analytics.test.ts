import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { analyticsStrings as text } from '../../addin/web/pages/analytics/strings';
import { CHROMIUM, horizontalOverflow, screenshot, startDemoProduct, type DemoProduct } from './support/demoProduct';

/**
 * The analytics page in the product as `npm start` runs it, over the demo's weeks of history:
 * an admin opens it from the menu, sees booked and checked-in use, the recommendations and the
 * charts, and downloads the exports.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/analytics: skipped, no Chromium at ${CHROMIUM}`);

(haveChromium ? describe : describe.skip)('room analytics, as an admin uses them', () => {
  let product: DemoProduct;

  beforeAll(async () => {
    product = await startDemoProduct();
  }, 900_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('renders the figures, charts and recommendations, and downloads the CSV and XLSX', async () => {
    const admin = await product.signedIn('admin');
    await admin.goto(product.origin);
    await admin.getByRole('link', { name: 'Analytics' }).first().click();
    await admin.getByRole('heading', { name: text.title, level: 1 }).waitFor({ timeout: 30_000 });
    const booked = admin.getByRole('group').or(admin.locator('[aria-label^="Booked: "]')).first();
    await booked.waitFor({ timeout: 60_000 });
    const bookedLabel = (await admin.locator('[aria-label^="Booked: "]').first().getAttribute('aria-label')) ?? '';
    expect(bookedLabel).toMatch(/^Booked: \d+%$/);
    expect(Number(/(\d+)%/.exec(bookedLabel)?.[1])).toBeGreaterThan(0);
    const checkedIn = (await admin.locator('[aria-label^="Checked in: "]').first().getAttribute('aria-label')) ?? '';
    expect(checkedIn).toMatch(/^Checked in: \d+%$/);
    await admin.getByRole('table', { name: text.rooms }).getByRole('row').nth(1).waitFor();
    expect(await admin.getByRole('heading', { name: text.recommendations }).count()).toBe(1);
    expect(await admin.getByRole('table', { name: text.trend }).getByRole('row').count()).toBeGreaterThan(2);
    // The Fluent charts arrive in their own chunk and draw as SVG.
    await admin.locator('#analytics-trend ~ div svg').first().waitFor({ timeout: 60_000 });
    await screenshot(admin, 'analytics-desktop');
    expect(await horizontalOverflow(admin)).toEqual([]);
    // The rooms table's Building column keeps each name on one line at desktop width.
    const buildingLines = await admin
      .getByRole('table', { name: text.rooms })
      .getByRole('row')
      .nth(1)
      .getByRole('cell')
      .nth(1)
      .evaluate((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    expect(buildingLines).toBe(1);
    // The weekly email's controls are there for admins.
    await admin.getByRole('button', { name: text.weekly.preview }).waitFor();
    // On a phone (here a window made narrow after the charts were drawn wide) the page fits its
    // width: the charts draw again at the new width, and wide tables scroll inside themselves.
    await admin.setViewportSize({ width: 390, height: 844 });
    // The charts redraw a frame or two after the resize; if the page never fits, the check below names the culprit.
    await admin
      .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    await screenshot(admin, 'analytics-phone');
    expect(await horizontalOverflow(admin)).toEqual([]);
    await admin.setViewportSize({ width: 1280, height: 900 });

    const [csv] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: text.exportCsv }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^analytics-.*\.rooms\.csv$/);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.split('\n')[0]).toContain('bookedUtilisation');
    expect(csvText).toContain('Elbe');
    const [xlsx] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: text.exportXlsx }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX is a zip: it starts with "PK".
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 300_000);
});
