import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../demo/organisation/organisation';
import { ROOT, WEB_DIR, ensureWebBuild } from './productBuild';
import { serverEntry } from '../../support/serverEntry';
import { copyMigratedPglite } from '../../support/testDatabase';

/**
 * The product as a new user meets it after `npm install && npm start`: the server with the demo
 * organisation and the bundled Exchange simulator, on a fresh embedded database, serving the
 * production web build; and headless Debian Chromium to walk it. The server runs from the build when
 * it is fresh (see serverEntry), and its database starts as a copy of a migrated one (see
 * copyMigratedPglite); the demo seed itself runs as at `npm start`.
 *
 * The server is a child process and not under the test's network seal; it is pointed at loopback
 * alone (HOST, its own simulator on 127.0.0.1).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
  taskpane: { width: 350, height: 700 },
} as const;

export const DEMO_USERS = {
  admin: 'ada.admin@northwind.test',
  facility: 'frieda.facility@northwind.test',
  employee: 'emma.schmidt@northwind.test',
  external: 'gina.guest@partner.example',
} as const;

export interface DemoProduct {
  readonly origin: string;
  readonly browser: Browser;
  /** A browser context signed in as a demo user (a fresh session cookie each time). */
  signedIn(user: keyof typeof DEMO_USERS, viewport?: keyof typeof VIEWPORTS): Promise<Page>;
  /** Stops the server alone (the browser stays); `restartServer` starts it again on the same port and data. */
  stopServer(): Promise<void>;
  restartServer(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Servers started and not yet stopped. A test file's beforeAll can time out while a server is
 * still starting (the web build before it takes minutes on a busy machine); its afterAll then
 * has no product to stop, and `stopStrayServers` ends them so that jest can exit.
 */
const running = new Set<ChildProcess>();

function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...serverEntry()], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Roomserve did not start: ${output.slice(-3000)}`));
    }, 420_000); // the demo start-up alone took over 3 minutes on a loaded 2-core machine
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Roomserve listening')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Roomserve exited (${String(code ?? signal)}): ${output.slice(-3000)}`));
    });
  });
}

/** Ends the servers of products whose start did not finish (see `running`). */
export async function stopStrayServers(): Promise<void> {
  await Promise.all([...running].map((child) => stopServer(child)));
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(force);
}

async function sessionCookie(origin: string, email: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`signing in ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rs_session='));
  if (!cookie) throw new Error(`signing in ${email} set no session cookie`);
  return cookie.split(';')[0]?.slice('rs_session='.length) ?? '';
}

export async function startDemoProduct(): Promise<DemoProduct> {
  ensureWebBuild(path.join(WEB_DIR, 'index.html'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roomserve-e2e-'));
  await copyMigratedPglite(path.join(dataDir, 'pglite'));
  const port = await freePort();
  // The browser starts while the server does: both take seconds on a busy machine. If the
  // server does not come up, the browser is closed again, or jest could not exit.
  const launching = chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  let server = await startServer(port, dataDir).catch(async (error: unknown) => {
    await (await launching).close();
    throw error;
  });
  const browser = await launching;
  const origin = `http://127.0.0.1:${port}`;
  const contexts: BrowserContext[] = [];
  return {
    origin,
    browser,
    async signedIn(user, viewport = 'desktop') {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'en-GB' });
      contexts.push(context);
      await context.addCookies([
        { name: 'rs_session', value: await sessionCookie(origin, DEMO_USERS[user]), url: origin },
      ]);
      return context.newPage();
    },
    async stopServer() {
      await stopServer(server);
    },
    async restartServer() {
      server = await startServer(port, dataDir);
    },
    async stop() {
      for (const context of contexts) await context.close();
      await browser.close();
      await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The widths of a page that are wider than its viewport: the page itself and the elements that stick out. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px viewport`);
    // Content inside a box that scrolls or clips sideways (a wide table in its scroller) is that box's
    // business: the box itself is checked like any other element.
    const contained = (el: Element): boolean => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1 || contained(el)) continue;
      // Only the outermost culprit: its parent fits.
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right > width + 1) continue;
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      found.push(
        `<${el.tagName.toLowerCase()} class="${el.className.toString().slice(0, 60)}"> "${label}" ends at ${Math.round(box.right)}px`,
      );
    }
    return found;
  });
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
