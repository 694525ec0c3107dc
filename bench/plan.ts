/**
 * `npm run bench:plan`: the live office plan (issue 15), each figure printed beside its goal.
 *   (a) GET /api/floors/:id/occupancy on PostgreSQL with 2,000 rooms and 200,000 bookings on
 *       floors of 200 rooms, BENCH_PLAN_CLIENTS (20) clients for BENCH_PLAN_SECONDS (15) s:
 *       p50/p95 per request                                                    goal p95 <= 30 ms
 *       and, for scale, GET /api/auth/me with the same clients (the machine's own cost of a request)
 *   (b) a 200-room floor drawn by the production web build in headless Chromium: from the
 *       occupancy answer's last byte to 200 rooms on screen (the page's own JSON parse, schema
 *       check and React render), p50/p95 over BENCH_PLAN_RENDERS (10) loads  goal <= 100 ms
 *   (c) BENCH_PLAN_STREAMS (300) open plans (GET .../occupancy/events over real HTTP): one booking
 *       change (RoomChanges on LISTEN/NOTIFY, as with several instances) reaches all of them,
 *       p50/p95 over BENCH_PLAN_CHANGES (20) changes                          goal p95 <= 1 s
 *
 * The server is the real composition (createTestApp: composeApp) in this process. The clients of
 * (a) and (a') run in a child process (bench/plan/loadClients.ts), as browsers are other processes:
 * inflating and parsing 20 clients' ~100 KB answers on the server's event loop would count the load
 * generator's work as the server's. They still inflate and parse each answer (in their process), and
 * a latency runs from request sent to answer parsed; they use node:http over kept-alive connections,
 * not fetch, whose web streams cost more CPU than the inflating and parsing (loadClients.ts). The 300 streams of (c) share this process, so
 * (c) includes their cost. Database: a throwaway schema
 * on DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), filled by bench/searchFixture.ts
 * and regrouped into floors of 200 rooms with an outline each. (a) and (a') print the server's CPU
 * time per request (this process: HTTP, routing, session, handler, database client); with
 * BENCH_PLAN_PROFILE=<dir> they also write its CPU profiles there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Knex } from 'knex';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { migrateToLatest, openDatabase } from '../server/adapters/db/database';
import { createPgRoomChanges } from '../server/adapters/roomChanges/postgres';
import { buildImageFile } from '../test/factories/locations';
import { createTestApp } from '../test/support/testApp';
import type { FromLoadClients, LoadRun } from './plan/loadClients';
import { fillBenchDatabase } from './searchFixture';

const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/test';
const CLIENTS = Number(process.env.BENCH_PLAN_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_PLAN_SECONDS ?? 15);
const RENDERS = Number(process.env.BENCH_PLAN_RENDERS ?? 10);
const STREAMS = Number(process.env.BENCH_PLAN_STREAMS ?? 300);
const CHANGES = Number(process.env.BENCH_PLAN_CHANGES ?? 20);
/** A directory: the server's CPU profiles of (a) and (a') are written there (open them in Chrome's DevTools). */
const PROFILE_DIR = process.env.BENCH_PLAN_PROFILE;
const ROOMS_PER_FLOOR = 200;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIR = path.resolve(__dirname, '..', 'dist', 'web');

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const pct = (share: number): string => `${(share * 100).toFixed(0)}%`;
/** This process's CPU time (the server's, with the database client) since `since`, per request answered. */
const cpuMsPerRequest = (since: NodeJS.CpuUsage, requests: number): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1_000 / requests;
};
const log = (message: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Floors of 200 rooms (10 of them), each room a 90 px square on a 20 × 10 grid of its floor's plan. */
async function regroupIntoFloors(knex: Knex): Promise<string[]> {
  const floors = await knex('floors').orderBy('id').select<{ id: string }[]>('id');
  const keep = floors.slice(0, Math.ceil(2_000 / ROOMS_PER_FLOOR)).map((f) => f.id);
  await knex.raw(
    `WITH numbered AS (SELECT id, CAST(row_number() OVER (ORDER BY id) - 1 AS int) AS n FROM rooms)
     UPDATE rooms r SET floor_id = (CAST(? AS uuid[]))[1 + numbered.n / ${ROOMS_PER_FLOOR}],
       shape = jsonb_build_array(
         jsonb_build_array(10 + (numbered.n % ${ROOMS_PER_FLOOR}) % 20 * 100, 10 + (numbered.n % ${ROOMS_PER_FLOOR}) / 20 * 100),
         jsonb_build_array(100 + (numbered.n % ${ROOMS_PER_FLOOR}) % 20 * 100, 10 + (numbered.n % ${ROOMS_PER_FLOOR}) / 20 * 100),
         jsonb_build_array(100 + (numbered.n % ${ROOMS_PER_FLOOR}) % 20 * 100, 100 + (numbered.n % ${ROOMS_PER_FLOOR}) / 20 * 100),
         jsonb_build_array(10 + (numbered.n % ${ROOMS_PER_FLOOR}) % 20 * 100, 100 + (numbered.n % ${ROOMS_PER_FLOOR}) / 20 * 100))
     FROM numbered WHERE numbered.id = r.id`,
    [keep],
  );
  const plan = await buildImageFile(knex, { width: 2010, height: 1010 });
  await knex('floors').whereIn('id', keep).update({ plan_file_id: plan, plan_width: 2010, plan_height: 1010 });
  await knex.raw('ANALYZE');
  return keep;
}

interface LoadResult {
  readonly times: readonly number[];
  readonly encodings: readonly string[];
  readonly busy: number;
}

interface LoadClients {
  /** `paths` in turn from CLIENTS clients for SECONDS s: each request's latency (ms), the encodings seen. */
  run(origin: string, cookie: string, paths: readonly string[]): Promise<LoadResult>;
  stop(): void;
}

/** The clients of (a) and (a') in a child process (bench/plan/loadClients.ts), one run at a time. */
function forkLoadClients(): LoadClients {
  const child: ChildProcess = fork(path.join(__dirname, 'plan', 'loadClients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  return {
    run: (origin, cookie, paths) =>
      new Promise<LoadResult>((resolve, reject) => {
        const exited = (code: number | null): void => reject(new Error(`the load clients exited (code ${code})`));
        child.once('exit', exited);
        child.once('message', (message: FromLoadClients) => {
          child.off('exit', exited);
          if (message.type === 'failed') reject(new Error(`the load clients failed: ${message.message}`));
          else resolve(message);
        });
        const run: LoadRun = { origin, cookie, paths, clients: CLIENTS, seconds: SECONDS };
        child.send(run);
      }),
    stop: () => child.disconnect(),
  };
}

/** Runs `work`, with this process's CPU profile written to PROFILE_DIR/<name>.cpuprofile when asked. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (PROFILE_DIR === undefined) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function renderTimes(origin: string, cookie: string, buildingId: string, floorId: string): Promise<number[]> {
  if (!existsSync(CHROMIUM) || !existsSync(path.join(WEB_DIR, 'index.html'))) {
    log(`(b) skipped: needs ${CHROMIUM} and the web build (npm run build:web)`);
    return [];
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const times: number[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addCookies([{ name: 'rs_session', value: cookie.replace(/^rs_session=/, ''), url: origin }]);
    await context.addInitScript(
      ([b, f]) => window.localStorage.setItem('roomserve.plan.place', JSON.stringify({ buildingId: b, floorId: f })),
      [buildingId, floorId],
    );
    const page = await context.newPage();
    for (let i = 0; i < RENDERS + 1; i += 1) {
      await page.goto(`${origin}/plan`);
      // From the answer's last byte to the 200th room in the DOM, polled every animation frame.
      const took = await page.evaluate(async (expected) => {
        for (;;) {
          const drawn = document.querySelectorAll('[data-testid="floor-plan"] [data-room]').length;
          const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/occupancy'));
          if (drawn >= expected && entry) return performance.now() - (entry as PerformanceResourceTiming).responseEnd;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      }, ROOMS_PER_FLOOR);
      if (i > 0) times.push(took); // the first load also compiles the chunks
    }
  } finally {
    await browser.close();
  }
  return times;
}

async function streamDelivery(
  origin: string,
  cookie: string,
  floorId: string,
  roomId: string,
  publish: () => Promise<void>,
): Promise<number[]> {
  const waiting = new Set<(at: number) => void>();
  const aborts: AbortController[] = [];
  const open = async (): Promise<void> => {
    const abort = new AbortController();
    aborts.push(abort);
    const res = await fetch(`${origin}/api/floors/${floorId}/occupancy/events`, {
      headers: { cookie },
      signal: abort.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let opened!: () => void;
    const ready = new Promise<void>((resolve) => (opened = resolve));
    void (async () => {
      let text = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
          if (text.includes('retry:')) opened();
          if (text.includes(roomId)) {
            text = '';
            const now = performance.now();
            for (const resolve of [...waiting]) resolve(now);
          }
        }
      } catch {
        // aborted at the end
      }
    })();
    await ready;
  };
  for (let i = 0; i < STREAMS; i += 10) await Promise.all(Array.from({ length: Math.min(10, STREAMS - i) }, open));
  const delivered: number[] = [];
  for (let c = 0; c < CHANGES; c += 1) {
    let left = STREAMS;
    const arrivals: number[] = [];
    const all = new Promise<void>((resolve) => {
      const hear = (at: number): void => {
        arrivals.push(at);
        left -= 1;
        if (left === 0) {
          waiting.delete(hear);
          resolve();
        }
      };
      // One waiter per stream event: every stream's event calls it once.
      waiting.add(hear);
    });
    const sent = performance.now();
    await publish();
    await all;
    for (const at of arrivals) delivered.push(at - sent);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  for (const abort of aborts) abort.abort();
  return delivered;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? URL_DEFAULT;
  const schema = `bench_plan_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openDatabase({ engine: 'postgres', url, schema });
  const changes = createPgRoomChanges({ connectionString: url, knex: db.knex });
  try {
    await migrateToLatest(db.knex);
    const filling = performance.now();
    // Bookings around "now", so every floor has meetings under way and coming.
    await fillBenchDatabase(db.knex, new Date());
    const floorIds = await regroupIntoFloors(db.knex);
    const [counts] = await db.knex
      .raw<{ rows: { rooms: number; bookings: number }[] }>(
        'SELECT (SELECT count(*) FROM rooms)::int AS rooms, (SELECT count(*) FROM bookings)::int AS bookings',
      )
      .then((r) => r.rows);
    log(
      `filled ${counts?.rooms} rooms, ${counts?.bookings} bookings, ${floorIds.length} floors of ${ROOMS_PER_FLOOR} rooms in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );
    await changes.ready();
    const t = createTestApp(db.knex, { webDir: WEB_DIR, displays: { roomChanges: () => changes } });
    const session = await t.loginAs('employee');
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const clients = forkLoadClients();
    try {
      const occupancyPaths = floorIds.map((id) => `/api/floors/${id}/occupancy`);
      await clients.run(origin, session.cookie, occupancyPaths.slice(0, 2)); // warm-up
      const loadCpu = process.cpuUsage();
      const {
        times: load,
        encodings,
        busy,
      } = await profiled('occupancy', () => clients.run(origin, session.cookie, occupancyPaths));
      const loadCpuMs = cpuMsPerRequest(loadCpu, load.length);
      // The browser's case: a gzipped answer to inflate, not plain JSON.
      if (encodings.join() !== 'gzip') throw new Error(`occupancy answered with ${encodings.join(', ')}, not gzip`);
      log(
        `(a) occupancy of a 200-room floor, ${CLIENTS} clients, ${load.length} requests in ${SECONDS} s: ` +
          `p50 ${ms(percentile(load, 50))}, p95 ${ms(percentile(load, 95))}  (goal p95 <= 30 ms; ` +
          `server CPU ${loadCpuMs.toFixed(2)} ms per request; client process busy ${pct(busy)})`,
      );
      // The same clients on the smallest signed-in read: what this machine's load costs any request.
      const meCpu = process.cpuUsage();
      const { times: me, busy: meBusy } = await profiled('me', () =>
        clients.run(origin, session.cookie, ['/api/auth/me']),
      );
      const meCpuMs = cpuMsPerRequest(meCpu, me.length);
      log(
        `(a') GET /api/auth/me, same clients, ${me.length} requests: p50 ${ms(percentile(me, 50))}, ` +
          `p95 ${ms(percentile(me, 95))}; occupancy p95 / me p95 = ${(percentile(load, 95) / percentile(me, 95)).toFixed(1)}` +
          ` (server CPU ${meCpuMs.toFixed(2)} ms per request; client process busy ${pct(meBusy)})`,
      );
      const floorId = floorIds[0] ?? '';
      const building = await db.knex('floors').where({ id: floorId }).first<{ building_id: string }>('building_id');
      const renders = await renderTimes(origin, session.cookie, building.building_id, floorId);
      if (renders.length > 0)
        log(
          `(b) 200-room floor drawn after its data arrived, ${renders.length} loads: ` +
            `p50 ${ms(percentile(renders, 50))}, p95 ${ms(percentile(renders, 95))}  (goal <= 100 ms)`,
        );
      const room = await db.knex('rooms').where({ floor_id: floorId }).first<{ id: string }>('id');
      const delivery = await streamDelivery(origin, session.cookie, floorId, room.id, () =>
        changes.publish({ kind: 'room', roomId: room.id }),
      );
      log(
        `(c) ${STREAMS} open plans, ${CHANGES} changes: delivery p50 ${ms(percentile(delivery, 50))}, ` +
          `p95 ${ms(percentile(delivery, 95))}, max ${ms(Math.max(...delivery))}  (goal p95 <= 1 s)`,
      );
    } finally {
      clients.stop();
      server.closeAllConnections();
      server.close();
    }
  } finally {
    await changes.close();
    await db.close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
    await cleanup.end();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
