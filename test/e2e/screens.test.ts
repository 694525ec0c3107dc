import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  CHROMIUM,
  horizontalOverflow,
  screenshot,
  startDemoProduct,
  type DEMO_USERS,
  type DemoProduct,
  type VIEWPORTS,
} from './support/demoProduct';

/**
 * Every page as a new user sees it after `npm start` (demo organisation, simulated Exchange), at
 * 1280×800 and 390×844 (the taskpane at 350×700): a screenshot of each under
 * test-results/screenshots/, and no page wider than its viewport. Pages are listed here; a new
 * page joins the list.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/screens: skipped, no Chromium at ${CHROMIUM}`);

interface Screen {
  readonly name: string;
  readonly path: string;
  readonly user: keyof typeof DEMO_USERS;
  readonly viewports: readonly (keyof typeof VIEWPORTS)[];
}

const BOTH = ['desktop', 'phone'] as const;

const SCREENS: readonly Screen[] = [
  { name: 'search', path: '/', user: 'employee', viewports: BOTH },
  { name: 'search-external', path: '/', user: 'external', viewports: BOTH },
  { name: 'my-bookings', path: '/bookings', user: 'employee', viewports: BOTH },
  { name: 'catalog', path: '/catalog', user: 'facility', viewports: BOTH },
  { name: 'facility-board', path: '/facility', user: 'facility', viewports: BOTH },
  { name: 'admin-integration', path: '/admin/integration', user: 'admin', viewports: BOTH },
  { name: 'admin-exchange', path: '/admin/exchange', user: 'admin', viewports: BOTH },
  { name: 'admin-rooms', path: '/admin/rooms', user: 'admin', viewports: BOTH },
  { name: 'admin-locations', path: '/admin/locations', user: 'admin', viewports: BOTH },
  { name: 'not-found', path: '/no-such-page', user: 'employee', viewports: BOTH },
  { name: 'taskpane', path: '/taskpane.html?preview=1', user: 'employee', viewports: ['taskpane'] },
  {
    name: 'taskpane-attendee',
    path: '/taskpane.html?preview=1&mode=attendee',
    user: 'employee',
    viewports: ['taskpane'],
  },
  { name: 'taskpane-outside-outlook', path: '/taskpane.html', user: 'employee', viewports: ['taskpane'] },
];

/** Loaded: a heading is shown and no spinner is left. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1, h2').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, {
    timeout: 30_000,
  });
}

(haveChromium ? describe : describe.skip)('every page, as a new user sees it', () => {
  let product: DemoProduct;

  beforeAll(async () => {
    product = await startDemoProduct();
  }, 600_000);

  afterAll(async () => {
    await product?.stop();
  });

  it.each(SCREENS.map((s) => [s.name, s] as const))(
    '%s fits its viewports',
    async (_name, screen) => {
      for (const viewport of screen.viewports) {
        const page = await product.signedIn(screen.user, viewport);
        await page.goto(`${product.origin}${screen.path}`);
        await settle(page);
        await screenshot(page, `${screen.name}-${viewport}`);
        expect({ page: `${screen.name} at ${viewport}`, overflow: await horizontalOverflow(page) }).toEqual({
          page: `${screen.name} at ${viewport}`,
          overflow: [],
        });
        await page.context().close();
      }
    },
    120_000,
  );
});
