/**
 * `npm run bench:taskpane [-- --runs=7 --screenshots]`: time to interactive of the Outlook taskpane
 * preview (`/taskpane.html?preview=1`) in headless Chromium, and its bundle sizes.
 *
 * Serves the production build (built first unless dist is fresh; test/e2e/support/taskpaneBuild.ts)
 * from the real application (createTestApp: real services and database, PGlite in memory) on
 * localhost, signed in by session cookie, with 24 rooms, a booking at the preview meeting's time
 * and a caterer. Each run opens a new browser context (empty cache) at 320 × 640 px.
 *
 * Time to interactive: from navigation start to the moment the first room result's "Add to
 * meeting" button exists and is enabled, taken in the page by a MutationObserver
 * (performance.now()). Also prints First Contentful Paint and DOMContentLoaded. Goal: ≤ 500 ms.
 * With --screenshots, saves the rooms, floor plan, catering and attendee views to test-results/.
 *
 * Chromium: /usr/bin/chromium (Debian's package; CHROMIUM_PATH to override), driven by playwright-core.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createTestApp } from '../test/support/testApp';
import { createTestDatabase } from '../test/support/testDatabase';
import { ROOT, WEB_DIR, ensureTaskpaneBuild, initialScripts } from '../test/e2e/support/taskpaneBuild';
import { seedTaskpaneData } from '../test/e2e/support/taskpaneFixture';

const TTI_GOAL_MS = 500;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 320, height: 640 };

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function bundleSizes(): { file: string; raw: number; gzip: number }[] {
  return initialScripts().map((file) => {
    const content = readFileSync(path.join(WEB_DIR, file));
    return { file, raw: content.length, gzip: gzipSync(content).length };
  });
}

/** Installed before any page script: notes when the first enabled "Add to meeting" button appears. */
const TTI_PROBE = `
  window.__tti = undefined;
  new MutationObserver((_m, observer) => {
    const ready = [...document.querySelectorAll('button')].some(
      (b) => b.textContent === 'Add to meeting' && !b.disabled,
    );
    if (ready) { window.__tti = performance.now(); observer.disconnect(); }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface Run {
  readonly tti: number;
  readonly fcp: number;
  readonly dcl: number;
}

async function measure(context: BrowserContext, url: string): Promise<Run> {
  const page = await context.newPage();
  await page.addInitScript(TTI_PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __tti?: number }).__tti !== undefined, undefined, {
    timeout: 30_000,
  });
  const run = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      tti: (window as unknown as { __tti: number }).__tti,
      fcp: fcp?.startTime ?? Number.NaN,
      dcl: nav?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
  await page.close();
  return run;
}

async function screenshots(context: BrowserContext, url: string): Promise<string[]> {
  const dir = path.join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  const page = await context.newPage();
  const saved: string[] = [];
  const shoot = async (name: string) => {
    const file = path.join(dir, `taskpane-${name}.png`);
    await page.screenshot({ path: file, fullPage: name === 'catering' });
    saved.push(file);
  };
  await page.goto(url);
  await page.getByRole('button', { name: 'Add to meeting' }).first().waitFor();
  await shoot('rooms');
  await page.getByRole('button', { name: 'Show floor plan' }).first().click();
  const plan = page.getByRole('img', { name: /^Floor plan of/ }).first();
  await plan.waitFor();
  await plan.scrollIntoViewIfNeeded();
  await shoot('floor-plan');
  const free = page.locator('li', { has: page.getByText('Free', { exact: true }) }).first();
  await free.getByRole('button', { name: 'Add to meeting' }).click();
  await page.getByText(/was added as an attendee/).waitFor();
  await page.getByRole('tab', { name: 'Catering' }).click();
  await page.getByRole('heading', { name: 'Drinks' }).waitFor();
  await page.getByLabel('Quantity of Coffee and tea').fill('1');
  await page.getByLabel('Quantity of Sandwich platter').fill('2');
  await shoot('catering');
  await page.goto(`${url}&mode=attendee`);
  await page.getByRole('heading', { name: 'Room and catering of this meeting' }).waitFor();
  await shoot('attendee');
  await page.close();
  return saved;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 7);
  const { rebuilt } = ensureTaskpaneBuild();
  console.log(rebuilt ? 'built the taskpane (production)' : 'using the fresh production build in dist/web');
  const sizes = bundleSizes();
  for (const s of sizes)
    console.log(`initial ${s.file}: ${(s.raw / 1000).toFixed(1)} kB raw, ${(s.gzip / 1000).toFixed(1)} kB gzip`);
  const gzipTotal = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`initial JavaScript: ${(gzipTotal / 1000).toFixed(1)} kB gzip (budget 250 kB)`);

  const db = await createTestDatabase();
  await seedTaskpaneData(db.knex);
  const roomserve = createTestApp(db.knex, { webDir: WEB_DIR });
  const session = await roomserve.loginAs('employee');
  const server = roomserve.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const url = `${origin}/taskpane.html?preview=1`;
  const [name = '', value = ''] = session.cookie.split('=');
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const results: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addCookies([{ name, value, url: origin }]);
      results.push(await measure(context, url));
      await context.close();
    }
    results.forEach((r, i) => console.log(`run ${i + 1}: tti ${ms(r.tti)}, fcp ${ms(r.fcp)}, dcl ${ms(r.dcl)}`));
    const tti = median(results.map((r) => r.tti));
    console.log(
      `time to interactive (median of ${runs}, cold cache, 320 px): ${ms(tti)} ` +
        `(first paint ${ms(median(results.map((r) => r.fcp)))}); goal <= ${TTI_GOAL_MS} ms: ${tti <= TTI_GOAL_MS ? 'met' : 'missed'}`,
    );
    if (process.argv.includes('--screenshots')) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addCookies([{ name, value, url: origin }]);
      for (const file of await screenshots(context, url)) console.log(`screenshot: ${path.relative(ROOT, file)}`);
      await context.close();
    }
  } finally {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
