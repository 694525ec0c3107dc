/**
 * `npm run bench:display:soak [-- --minutes=30 --every=10 --warmup=6]`: one room display page in
 * headless Chromium for the given time, with a change to its room every 10 s, and the page's JS
 * heap (after a garbage collection each time) at load, at the start (after the first `warmup`
 * changes, once code and caches have settled), every 6 changes (a minute) and at the end, and its growth from
 * the start to the end. Goal: ≤ 10 %.
 *
 * The real application (createTestApp: real services, PGlite in memory) serves the production
 * build of /display (built first unless dist is fresh) on localhost; the display is added and
 * paired through the admin and pairing API and opened with `#token=`. The change: the room's
 * "show subjects" setting is flipped through the admin API, so the server pushes a new state over
 * the display's stream and the meetings' titles change on the wall; the bench waits to see each.
 *
 * Chromium: /usr/bin/chromium (CHROMIUM_PATH to override), driven by playwright-core.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import request from 'supertest';
import { buildBooking } from '../test/factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../test/factories/locations';
import { ensureWebBuild, WEB_DIR } from '../test/e2e/support/productBuild';
import { createTestApp } from '../test/support/testApp';
import { createTestDatabase } from '../test/support/testDatabase';

const GOAL_PERCENT = 10;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MINUTE = 60_000;
const SUBJECTS = ['Quarterly planning', 'Design review', 'Customer call', 'Retro'];

function option(name: string, fallback: number): number {
  const prefix = `--${name}=`;
  const raw = process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(2)} MB`;

async function main(): Promise<void> {
  const minutes = option('minutes', 30);
  const everySeconds = option('every', 10);
  const warmup = option('warmup', 6);
  ensureWebBuild(path.join(WEB_DIR, 'display', 'index.html'));

  const db = await createTestDatabase();
  const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { timeZone: 'UTC' }) });
  const roomId = await buildRoom(db.knex, { floorId, name: 'Elbe', capacity: 8, tags: ['Screen', 'Whiteboard'] });
  // Today's timeline: a meeting now, and a few later.
  const hour = Math.floor(Date.now() / (60 * MINUTE)) * 60 * MINUTE;
  for (const [i, subject] of SUBJECTS.entries()) {
    await buildBooking(db.knex, {
      roomId,
      start: new Date(hour + i * 2 * 60 * MINUTE).toISOString(),
      end: new Date(hour + (i * 2 + 1) * 60 * MINUTE).toISOString(),
      subject,
      status: 'confirmed',
    });
  }
  const t = createTestApp(db.knex, { webDir: WEB_DIR });
  const admin = await t.tokenFor('admin');
  const created = await request(t.app)
    .post('/api/admin/displays')
    .set('Authorization', `Bearer ${admin}`)
    .send({ roomId });
  const paired = await request(t.app)
    .post('/api/display/pair')
    .send({ code: (created.body as { pairingCode: string }).pairingCode });
  const token = (paired.body as { token: string }).token;
  const server = await new Promise<Server>((resolve) => {
    const listening = t.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.goto(`${origin}/display#token=${token}`);
    await page.getByRole('heading', { name: 'Elbe' }).waitFor({ timeout: 60_000 });
    const loaded = await heap();
    console.log(`display soak: ${minutes} min after ${warmup} warm-up changes, a change every ${everySeconds} s`);
    console.log(`JS heap at load: ${mb(loaded)}`);

    let showSubjects = true;
    const change = async (): Promise<void> => {
      await page.waitForTimeout(everySeconds * 1000);
      showSubjects = !showSubjects;
      const saved = await request(t.app)
        .put(`/api/admin/display-settings/rooms/${roomId}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ showSubjects });
      if (saved.status !== 200) throw new Error(`changing the room's settings answered ${saved.status}`);
      // The wall shows the change (pushed, or at worst the minute's poll).
      const title = showSubjects ? 'Quarterly planning' : 'Booked';
      await page.getByText(title, { exact: true }).first().waitFor({ timeout: 90_000 });
    };
    for (let i = 0; i < warmup; i += 1) await change();
    const start = await heap();
    console.log(`JS heap at start: ${mb(start)}`);
    const until = Date.now() + minutes * MINUTE;
    let changes = 0;
    while (Date.now() < until) {
      await change();
      changes += 1;
      if (changes % 6 === 0) console.log(`  ${changes} changes, heap ${mb(await heap())}`);
    }
    const end = await heap();
    const growth = ((end - start) / start) * 100;
    console.log(`changes shown: ${changes}`);
    console.log(`JS heap at end: ${mb(end)}`);
    console.log(`growth: ${growth.toFixed(1)} % (goal ≤ ${GOAL_PERCENT} %) ${growth <= GOAL_PERCENT ? 'OK' : 'OVER'}`);
    if (growth > GOAL_PERCENT) process.exitCode = 1;
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
