import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  CHROMIUM,
  horizontalOverflow,
  screenshot,
  startDemoProduct,
  stopStrayServers,
  type DEMO_USERS,
  type DemoProduct,
  type VIEWPORTS,
} from './support/demoProduct';

/**
 * Every page as a new user sees it after `npm start` (demo organisation, simulated Exchange), at
 * 1280×800 and 390×844 (the taskpane at 350×700): a screenshot of each under
 * test-results/screenshots/, and no page wider than its viewport. Pages are listed here; a new
 * page joins the list. Then the layout faults a user ran into, each checked where it showed.
 */
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/screens: skipped, no Chromium at ${CHROMIUM}`);

type Viewport = keyof typeof VIEWPORTS;

interface Screen {
  readonly name: string;
  readonly path: string;
  readonly user: keyof typeof DEMO_USERS;
  readonly viewports: readonly Viewport[];
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
  { name: 'admin-room-settings', path: '/admin/room-settings', user: 'admin', viewports: BOTH },
  { name: 'admin-floor-plans', path: '/admin/floor-plans', user: 'admin', viewports: BOTH },
  { name: 'admin-users', path: '/admin/users', user: 'admin', viewports: BOTH },
  { name: 'admin-displays', path: '/admin/displays', user: 'admin', viewports: BOTH },
  { name: 'admin-installation', path: '/admin/installation', user: 'admin', viewports: BOTH },
  { name: 'admin-addin', path: '/admin/addin', user: 'admin', viewports: BOTH },
  { name: 'admin-webhooks', path: '/admin/webhooks', user: 'admin', viewports: BOTH },
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

/** Loaded: a heading is shown, no spinner is left, and the pictures in sight have arrived. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1, h2').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, {
    timeout: 30_000,
  });
  await page
    .waitForFunction(
      () => Array.from(document.images).every((img) => img.complete || img.loading === 'lazy'),
      undefined,
      {
        timeout: 5_000,
      },
    )
    .catch(() => undefined); // a slow picture only makes a poorer screenshot
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not shown`);
  return found;
}

const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function inGroupsOf<T>(size: number, items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

(haveChromium ? describe : describe.skip)('every page, as a new user sees it', () => {
  let product: DemoProduct;

  /**
   * One signed-in browser context per user and viewport, shared by that user's pages: a page loads
   * the app from the context's cache instead of parsing it cold each time (the file's largest cost
   * on two cores). Each screen still gets a page of its own.
   */
  const contexts = new Map<string, Promise<BrowserContext>>();
  function contextOf(user: keyof typeof DEMO_USERS, viewport: Viewport): Promise<BrowserContext> {
    const key = `${user}:${viewport}`;
    let context = contexts.get(key);
    if (!context) {
      context = product.signedIn(user, viewport).then(async (first) => {
        const shared = first.context();
        await first.close();
        return shared;
      });
      contexts.set(key, context);
    }
    return context;
  }

  /** A page of the product, signed in, loaded and settled. */
  async function open(user: keyof typeof DEMO_USERS, viewport: Viewport, path: string): Promise<Page> {
    const page = await (await contextOf(user, viewport)).newPage();
    await page.goto(`${product.origin}${path}`);
    await settle(page);
    return page;
  }

  // A stale web build is rebuilt first: minutes on a busy machine.
  beforeAll(async () => {
    product = await startDemoProduct();
  }, 1_200_000);

  afterAll(async () => {
    await product?.stop();
    await stopStrayServers();
  });

  /** Each screen's viewports side by side; every screenshot is taken before anything is judged. */
  async function check(screen: Screen): Promise<{ page: string; overflow: string[] }[]> {
    return Promise.all(
      screen.viewports.map(async (viewport) => {
        const page = await open(screen.user, viewport, screen.path);
        await screenshot(page, `${screen.name}-${viewport}`);
        const overflow = await horizontalOverflow(page);
        await page.close();
        return { page: `${screen.name} at ${viewport}`, overflow };
      }),
    );
  }

  // Three screens at a time: most of a screen's time is waiting on the server and the network.
  it.each(inGroupsOf(3, SCREENS).map((group) => [group.map((s) => s.name).join(', '), group] as const))(
    '%s fit their viewports',
    async (_names, group) => {
      const found = (await Promise.all(group.map(check))).flat();
      expect(found).toEqual(found.map(({ page }) => ({ page, overflow: [] })));
    },
    180_000,
  );

  it('the Equipment picker keeps its chevron inside its field, and the search placeholder is read whole', async () => {
    for (const viewport of BOTH) {
      const page = await open('employee', viewport, '/');
      const equipment = page.getByRole('combobox', { name: 'Equipment' });
      const field = page.locator('.fui-Combobox').filter({ has: equipment });
      const chevron = field.locator('.fui-Combobox__expandIcon');
      expect({ viewport, chevronInField: inside(await box(chevron), await box(field)) }).toEqual({
        viewport,
        chevronInField: true,
      });

      const search = page.getByRole('searchbox', { name: 'Search' });
      const placeholderFits = await search.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) return false;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width <= room;
      });
      expect({ viewport, placeholderFits }).toEqual({ viewport, placeholderFits: true });
      await page.close();
    }
  }, 60_000);

  it('the room cards of a row keep their Book buttons level', async () => {
    const page = await open('employee', 'desktop', '/');
    const cards = page
      .getByRole('list')
      .filter({ has: page.getByRole('button', { name: /Book/ }) })
      .locator(':scope > li');
    const firstRowLevels = async (): Promise<number[]> => {
      const firstRow: Box[] = [];
      for (const card of (await cards.all()).slice(0, 4))
        firstRow.push(await box(card.getByRole('button', { name: /Book/ })));
      expect(firstRow).toHaveLength(4);
      return [...new Set(firstRow.map((b) => Math.round(b.y)))];
    };
    // The cards' day timelines arrive after the cards: measure once the row stops moving (up to 5 s),
    // so a row caught mid-layout is not taken for a row whose buttons sit at different heights.
    let levels = await firstRowLevels();
    for (const deadline = Date.now() + 5_000; levels.length > 1 && Date.now() < deadline;) {
      await page.waitForTimeout(250);
      levels = await firstRowLevels();
    }
    expect(levels).toHaveLength(1);
    await page.close();
  }, 60_000);

  it('the catalog: no empty first column, and Edit and Deactivate side by side', async () => {
    const page = await open('facility', 'desktop', '/catalog');
    for (const table of ['Providers', 'Items']) {
      const firstHeader = page.getByRole('table', { name: table }).locator('th').first();
      expect({ table, firstColumn: (await firstHeader.textContent())?.trim() }).toEqual({ table, firstColumn: 'Name' });
    }
    for (const [edit, deactivate] of [
      ['Edit provider Northwind Kitchen', 'Deactivate provider Northwind Kitchen'],
      ['Edit item Butter croissant', 'Deactivate item Butter croissant'],
    ] as const) {
      const a = await box(page.getByRole('button', { name: edit }));
      const b = await box(page.getByRole('button', { name: deactivate }));
      expect({ edit, sameRow: Math.abs(a.y - b.y) < 1 && b.x > a.x }).toEqual({ edit, sameRow: true });
    }
    // The contact email ends before the item count begins.
    const row = page.getByRole('row').filter({ hasText: 'orders.hafenkueche@northwind.test' });
    const email = await box(row.getByText('orders.hafenkueche@northwind.test'));
    const count = await box(row.getByText(/^\d+ items?$/));
    expect(overlap(email, count)).toBe(false);
    await page.close();
  }, 60_000);

  it('at 390 px the header is one row, its pages behind a Menu button that opens and closes', async () => {
    const page = await open('admin', 'phone', '/');
    const header = page.locator('header');
    const brand = await box(header.getByRole('link', { name: 'Roomserve' }));
    const menu = header.getByRole('button', { name: 'Menu' });
    const user = await box(header.getByRole('button', { name: /Ada Admin/ }));
    const menuBox = await box(menu);
    // One row: the three share a line, and the bar is no taller than one control plus padding.
    expect([menuBox, user].every((b) => Math.abs(b.y + b.height / 2 - (brand.y + brand.height / 2)) < 8)).toBe(true);
    expect((await box(header)).height).toBeLessThan(60);

    const catalog = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' });
    await expect(catalog.isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(catalog.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(catalog.isVisible()).resolves.toBe(false);
    await menu.click();
    await catalog.click();
    await page.waitForURL(/\/catalog$/);
    await expect(catalog.isVisible()).resolves.toBe(false);
    await page.close();

    const desktop = await open('admin', 'desktop', '/');
    await expect(desktop.getByRole('button', { name: 'Menu' }).isVisible()).resolves.toBe(false);
    await expect(desktop.getByRole('link', { name: 'Catalog' }).isVisible()).resolves.toBe(true);
    await desktop.close();
  }, 60_000);

  it('the integration overview breaks mailbox addresses only after "@" or a dot', async () => {
    for (const viewport of BOTH) {
      const page = await open('admin', viewport, '/admin/integration');
      // Each piece between two break opportunities is a text node of its own: none may wrap.
      const brokenMidWord = await page.getByRole('table').evaluate((table) =>
        Array.from(table.querySelectorAll('td span'))
          .filter((span) => /^[^\s@]+@[^\s@]+$/.test(span.textContent ?? ''))
          .flatMap((span) => Array.from(span.childNodes))
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .filter((node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1;
          })
          .map((node) => node.textContent),
      );
      expect({ viewport, brokenMidWord }).toEqual({ viewport, brokenMidWord: [] });
      await page.close();
    }
  }, 60_000);

  it('Rooms in Exchange at 390 px: Save in sight, and the state clear of the inputs', async () => {
    const page = await open('admin', 'phone', '/admin/rooms');
    const row = page.getByRole('row').filter({ has: page.getByRole('textbox', { name: /of Alster$/ }) });
    const input = await box(row.getByRole('textbox'));
    const save = await box(row.getByRole('button', { name: 'Save the email address of Alster' }));
    const state = await box(row.getByRole('status'));
    expect(save.x + save.width).toBeLessThanOrEqual(390);
    expect({ saveOverInput: overlap(save, input), stateOverInput: overlap(state, input) }).toEqual({
      saveOverInput: false,
      stateOverInput: false,
    });
    await page.close();
  }, 60_000);
});
