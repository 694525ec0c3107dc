/**
 * `npm run bench:scale` (issue 21): Roomserve's first sync and live changes at thousands of rooms.
 *   - floor: a bare EWS client issuing the same SyncFolderItems (from the start, 512 a page) and
 *     one streaming Subscribe per room at the same concurrency (8), doing nothing with the answers;
 *   - phase 1 (every room searchable, availability from the room calendars) and its ratio to the floor;
 *   - first room searchable; phase 2 (the organizers' details) complete;
 *   - a storm of changes across the rooms: p95 change -> booking stored, EWS requests per change;
 *   - RSS of the Roomserve process after both phases and after the storm, against its own base;
 *   - on PostgreSQL, three instances (bench/scale/instances.ts): the failover time when one is
 *     killed during a storm, and the p95 of the changes that waited for it.
 * The simulator runs in its own process without request validation (bench/sync/simProcess.ts), and
 * Roomserve in another (bench/sync/roomserveProcess.ts): the memory figures are Roomserve's alone,
 * not the bench's EWS clients'. On PGlite (no DATABASE_URL) its data directory is on disk, as in
 * the product; PGlite's WebAssembly memory is inside Roomserve's RSS and is printed as well.
 * BENCH_QUICK=1: 1,000 rooms and a shorter, slower storm (this machine's cores are shared).
 * Sizes: BENCH_ROOMS (5000), BENCH_MEETINGS (100), BENCH_STORM_RATE (100/s), BENCH_STORM_S (60).
 */
import { randomBytes } from 'node:crypto';
import * as ews from 'ews-javascript-api';
import { ewsService } from '../test/exchange-sim/ewsjs/client';
import { DEFAULT_SCHEDULER_OPTIONS } from '../server/sync/scheduler';
import { readOptions } from './sync/options';
import { percentile } from './sync/report';
import { startRoomserveProcess, type RoomserveProcess } from './sync/roomserveClient';
import type { ProcessMemory } from './sync/roomserveProcess';
import { difference, total, type BenchSim } from './sync/simClient';
import { BENCH_PASSWORD, SERVICE_ACCOUNT } from './sync/seed';
import { byOperation, firstSync, startScaleSim } from './scale/firstSync';
import { failoverLines, threeInstances } from './scale/instances';
import { changesAtRate, seenLatencies } from './scale/storm';
import { envNumber, log, megabytes, seconds } from './scale/terminal';

const QUICK = process.env.BENCH_QUICK === '1';
const ROOMS = envNumber('BENCH_ROOMS', QUICK ? 1000 : 5000);
const MEETINGS = envNumber('BENCH_MEETINGS', 100);
const STORM_RATE = envNumber('BENCH_STORM_RATE', QUICK ? 20 : 100);
const STORM_S = envNumber('BENCH_STORM_S', QUICK ? 20 : 60);
const CONCURRENCY = DEFAULT_SCHEDULER_OPTIONS.concurrency;

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

/** The floor: SyncFolderItems pages and a Subscribe per room, answers ignored. */
async function floor(url: string, mailboxes: readonly string[]): Promise<number> {
  const t0 = performance.now();
  await pool(mailboxes, CONCURRENCY, async (mailbox) => {
    const service = ewsService(url, SERVICE_ACCOUNT.username, BENCH_PASSWORD, 'basic');
    service.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, mailbox);
    const shape = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
      ews.AppointmentSchema.ICalUid,
      ews.AppointmentSchema.AppointmentType,
      ews.AppointmentSchema.Start,
      ews.AppointmentSchema.End,
      ews.AppointmentSchema.Organizer,
      ews.AppointmentSchema.IsCancelled,
      ews.AppointmentSchema.Subject,
      ews.AppointmentSchema.Location,
    ]);
    let state = '';
    for (;;) {
      const page = await service.SyncFolderItems(
        new ews.FolderId(ews.WellKnownFolderName.Calendar),
        shape,
        [],
        512,
        ews.SyncFolderItemsScope.NormalItems,
        state,
      );
      state = page.SyncState;
      if (!page.MoreChangesAvailable) break;
    }
    await service.SubscribeToStreamingNotifications(
      [new ews.FolderId(ews.WellKnownFolderName.Calendar)],
      ews.EventType.Created,
      ews.EventType.Modified,
      ews.EventType.Deleted,
    );
  });
  return performance.now() - t0;
}

/** Each operation's count less the other's, never below zero. */
function less(counts: Record<string, number>, background: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([op, n]) => [op, Math.max(0, n - (background[op] ?? 0))]));
}

/**
 * The storm: changes across the rooms at a steady rate, and the EWS requests they cost. The safety
 * syncs go on meanwhile (every room every 5 minutes, spread), so the requests Exchange received
 * over the same length of time without changes, just before, are taken off.
 */
async function storm(
  roomserve: RoomserveProcess,
  sim: BenchSim,
  url: string,
): Promise<{
  p95: number;
  perChange: number;
  backgroundPerChange: number;
  seen: number;
  made: number;
  byOperation: string;
}> {
  await sim.untilQuiet(300, 5000);
  const before = await sim.serviceRequests();
  const t0 = performance.now();
  const samples = await changesAtRate(roomserve, url, { rate: STORM_RATE, seconds: STORM_S, dayOffset: 40 });
  await sim.untilQuiet(400, 10_000);
  const windowMs = performance.now() - t0;
  const moved = difference(await sim.serviceRequests(), before);
  const quietFrom = await sim.serviceRequests();
  await new Promise((r) => setTimeout(r, windowMs));
  const background = difference(await sim.serviceRequests(), quietFrom);
  const made = Math.round(STORM_RATE * STORM_S);
  const byChanges = less(moved, background);
  const latencies = seenLatencies(samples);
  return {
    p95: percentile(latencies, 95),
    perChange: total(byChanges) / made,
    backgroundPerChange: total(background) / made,
    seen: latencies.length,
    made,
    byOperation: byOperation(byChanges, made),
  };
}

/**
 * RSS as the issue asks, and RSS less the heap's free space: V8 keeps a young generation grown
 * under load (up to 128 MB with --max-semi-space-size=64) until the process has been quiet a
 * while, so RSS taken busy against a base taken quiet counts that reservation as the rooms'.
 */
function memoryLines(when: string, memory: ProcessMemory, base: ProcessMemory): string {
  const inUse = (m: ProcessMemory): number => m.rss - (m.heapTotal - m.heapUsed);
  const perThousand = (bytes: number): string => megabytes((bytes * 1000) / ROOMS);
  const wasm = memory.pgliteWasm > 0 ? `; PGlite's WebAssembly memory ${megabytes(memory.pgliteWasm)}` : '';
  return (
    `RSS of the Roomserve process at ${ROOMS} rooms, ${when}: ${megabytes(memory.rss)} ` +
    `(base before the sync ${megabytes(base.rss)}; ${perThousand(memory.rss - base.rss)} per 1,000 rooms, goal <= 150 MB)\n` +
    `  in use (RSS less the heap's free space): ${megabytes(inUse(memory))}, base ${megabytes(inUse(base))}; ` +
    `${perThousand(inUse(memory) - inUse(base))} per 1,000 rooms. JS heap used ${megabytes(memory.heapUsed)} of ` +
    `${megabytes(memory.heapTotal)} (base ${megabytes(base.heapUsed)} of ${megabytes(base.heapTotal)}); outside the heap` +
    `${memory.pgliteWasm > 0 ? ' and PGlite' : ''} ${megabytes(memory.other)} (base ${megabytes(base.other)})${wasm}`
  );
}

async function main(): Promise<void> {
  const options = { ...readOptions(), rooms: ROOMS, meetingsPerRoom: MEETINGS };
  log(
    `bench:scale: ${ROOMS} rooms x ${MEETINGS} meetings, concurrency ${CONCURRENCY}, ${options.engine}${QUICK ? ' (BENCH_QUICK)' : ''}`,
  );
  const sim = await startScaleSim(ROOMS, MEETINGS);
  log(`  simulator seeded in ${seconds(sim.seedMs)}`);
  const mailboxes = Array.from({ length: ROOMS }, (_v, i) => `room${i}@bench.test`);
  const floorMs = await floor(sim.url, mailboxes);
  log(`  floor: ${seconds(floorMs)}`);
  // On PostgreSQL the rooms are leased through advisory locks, as main() does, so that two more
  // instances can join after the storm.
  const secretKey = options.engine === 'postgres' ? randomBytes(32).toString('base64') : undefined;
  const roomserve = await startRoomserveProcess(options, sim.url, secretKey ? { secretKey } : undefined);
  try {
    const base = await roomserve.memory();
    const phases = await firstSync(roomserve, sim);
    const afterPhases = await roomserve.memory();
    const result = await storm(roomserve, sim, sim.url);
    const afterStorm = await roomserve.memory();
    const stormSize = { rate: STORM_RATE, seconds: STORM_S };
    const failover = secretKey
      ? await threeInstances(roomserve, options, sim.url, secretKey, stormSize, log, () => sim.untilQuiet(1000, 30_000))
      : undefined;
    console.log('');
    console.log(`floor (bare SyncFolderItems + Subscribe per room, concurrency ${CONCURRENCY}): ${seconds(floorMs)}`);
    console.log(
      `phase 1 (every room searchable): ${seconds(phases.phase1Ms)} = ${(phases.phase1Ms / floorMs).toFixed(2)}x the floor (goal <= 2x)`,
    );
    console.log(`phase 1: EWS requests by operation: ${phases.phase1Requests}`);
    console.log(`first room searchable: ${seconds(phases.firstRoomMs)} (goal <= 5 s)`);
    console.log(
      `phase 2 (organizers' details) complete: ${seconds(phases.phase2Ms)} after the start, ${phases.requests} EWS requests in all`,
    );
    console.log(
      `storm: ${STORM_RATE} changes/s for ${STORM_S} s across ${ROOMS} rooms: p95 change -> stored ${Math.round(result.p95)} ms (goal <= 1 s), ` +
        `${result.perChange.toFixed(2)} EWS requests per change (goal <= 3), ${result.seen}/${result.made} seen`,
    );
    console.log(
      `storm: EWS requests per change by operation: ${result.byOperation} ` +
        `(the safety syncs' requests over as long without changes taken off: ${result.backgroundPerChange.toFixed(2)} per change)`,
    );
    console.log(memoryLines('after both phases', afterPhases, base));
    console.log(memoryLines('after the storm (steady state)', afterStorm, base));
    for (const line of failover
      ? failoverLines(failover, stormSize)
      : ['three instances: PostgreSQL only (DATABASE_URL)'])
      console.log(line);
  } finally {
    await roomserve.stop();
    await sim.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
