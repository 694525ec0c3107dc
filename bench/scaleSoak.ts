/**
 * `npm run bench:scale:soak` (issue 21): Roomserve's memory over a long stretch of changes at a
 * steady rate. N rooms sync to completion (both phases), then organizers book them over EWS at
 * BENCH_SOAK_RATE changes/s: first a warm-up, then the soak itself. Once a minute Roomserve's RSS
 * and JS heap are read after a forced GC (settledMemory in bench/sync/roomserveProcess.ts) and
 * printed; at the end, each against its value at the end of the warm-up (goal: within 10%), and
 * the p95 from a change in Exchange to stored in Roomserve over the soak.
 * Same machinery as bench:scale: the simulator and Roomserve in processes of their own, PostgreSQL
 * with DATABASE_URL (or BENCH_ENGINE=postgres), PGlite on disk otherwise.
 * Sizes: BENCH_ROOMS (1000), BENCH_MEETINGS (100), BENCH_SOAK_RATE (10/s),
 * BENCH_SOAK_WARMUP_MINUTES (5), BENCH_SOAK_MINUTES (30).
 */
import { readOptions } from './sync/options';
import { startRoomserveProcess, type RoomserveProcess } from './sync/roomserveClient';
import type { BenchSim } from './sync/simClient';
import { firstSync, startScaleSim } from './scale/firstSync';
import { stopOnSignal } from './scale/signals';
import { ChangeTally, memoryText, memoryTrendLines, type MemorySample } from './scale/soakFigures';
import { assertWithinHorizon, streamChanges } from './scale/storm';
import { envNumber, log, megabytes, seconds } from './scale/terminal';

const ROOMS = envNumber('BENCH_ROOMS', 1000);
const MEETINGS = envNumber('BENCH_MEETINGS', 100);
const RATE = envNumber('BENCH_SOAK_RATE', 10);
const WARM_UP_MINUTES = Math.ceil(envNumber('BENCH_SOAK_WARMUP_MINUTES', 5));
const SOAK_MINUTES = Math.ceil(envNumber('BENCH_SOAK_MINUTES', 30));
const MINUTE_MS = 60_000;
/**
 * The changes' meetings from tomorrow on, at 11:00 between the seeded ones (09:00 and 14:00): a room
 * gets one a day, so the days left in the sync's horizon bound the changes per room.
 */
const DAY_OFFSET = 1;

/** The warm-up, the soak, and a minute for the last reading, taken while the changes go on. */
const stormSeconds = (): number => (WARM_UP_MINUTES + SOAK_MINUTES + 1) * 60;

interface SoakResult {
  readonly samples: readonly MemorySample[];
  readonly warmUp: ChangeTally;
  readonly soak: ChangeTally;
  readonly made: number;
  readonly failed: number;
}

/** The bench's own heap after a collection: the storm keeps only its changes in flight, so this stays flat. */
function benchHeap(gc: () => void): number {
  gc();
  return process.memoryUsage().heapUsed;
}

async function untilTime(at: number, signal: AbortSignal): Promise<void> {
  while (!signal.aborted && performance.now() < at)
    await new Promise((r) => setTimeout(r, Math.min(1000, at - performance.now())));
}

/** Changes at RATE through the warm-up and the soak; Roomserve's memory once a minute meanwhile. */
async function soak(
  roomserve: RoomserveProcess,
  url: string,
  gc: () => void,
  signal: AbortSignal,
): Promise<SoakResult> {
  const minutes = WARM_UP_MINUTES + SOAK_MINUTES;
  const warmUp = new ChangeTally();
  const soakTally = new ChangeTally();
  let thisMinute = new ChangeTally();
  const t0 = performance.now();
  const soakStart = t0 + WARM_UP_MINUTES * MINUTE_MS;
  // The changes go on until the last reading is taken: a process gone quiet gives back its young
  // generation (up to 128 MB of RSS), so a reading after the last change is not comparable.
  const lastReadingTaken = new AbortController();
  const storm = streamChanges(
    roomserve,
    url,
    {
      rate: RATE,
      seconds: stormSeconds(),
      dayOffset: DAY_OFFSET,
      signal: AbortSignal.any([signal, lastReadingTaken.signal]),
    },
    (sample) => {
      (sample.savedAt < soakStart ? warmUp : soakTally).record(sample);
      thisMinute.record(sample);
    },
    log,
  );
  const sampling = (async () => {
    const samples: MemorySample[] = [];
    for (let minute = 1; minute <= minutes && !signal.aborted; minute++) {
      await untilTime(t0 + minute * MINUTE_MS, signal);
      const changes = thisMinute;
      thisMinute = new ChangeTally();
      const memory = await roomserve.memory();
      samples.push({ minute, memory });
      const stretch = minute <= WARM_UP_MINUTES ? 'warm-up' : 'soak';
      log(
        `minute ${minute}/${minutes} (${stretch}): ${memoryText(memory)}; the minute's changes: ${changes.describe()}; ` +
          `the bench's own heap ${megabytes(benchHeap(gc))}`,
      );
    }
    return samples;
  })().finally(() => lastReadingTaken.abort());
  const [{ made, failed }, samples] = await Promise.all([storm, sampling]);
  return { samples, warmUp, soak: soakTally, made, failed };
}

function report(result: SoakResult, engine: string): void {
  console.log('');
  console.log(
    `soak: ${ROOMS} rooms x ${MEETINGS} meetings, ${RATE} changes/s, ${WARM_UP_MINUTES} min warm-up then ` +
      `${SOAK_MINUTES} min, ${engine}; memory read after a forced GC`,
  );
  for (const line of memoryTrendLines(result.samples, WARM_UP_MINUTES)) console.log(line);
  console.log(
    `changes during the soak: ${result.soak.describe()} (not seen within 15 s: ${result.soak.notSeen}); ` +
      `during the warm-up: ${result.warmUp.describe()}; ${result.failed} of ${result.made} failed to save`,
  );
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Roomserve's process inherits the bench's node flags: without a GC its heap figures are noise.
  if (!gc) throw new Error('run as `npm run bench:scale:soak` (node --expose-gc): the heap is read after a GC');
  const options = { ...readOptions(), rooms: ROOMS, meetingsPerRoom: MEETINGS };
  assertWithinHorizon(ROOMS, { rate: RATE, seconds: stormSeconds(), dayOffset: DAY_OFFSET });
  log(
    `bench:scale:soak: ${ROOMS} rooms x ${MEETINGS} meetings, ${RATE} changes/s, ` +
      `${WARM_UP_MINUTES} min warm-up then ${SOAK_MINUTES} min, ${options.engine}`,
  );
  let sim: BenchSim | undefined;
  let roomserve: RoomserveProcess | undefined;
  let stopped: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopped ??= (async () => {
      await roomserve?.stop();
      await sim?.stop();
    })());
  const aborting = new AbortController();
  const release = stopOnSignal(() => {
    aborting.abort();
    return stopAll();
  }, log);
  try {
    sim = await startScaleSim(ROOMS, MEETINGS);
    log(`  simulator seeded in ${seconds(sim.seedMs)}`);
    roomserve = await startRoomserveProcess(options, sim.url);
    const phases = await firstSync(roomserve, sim);
    log(`  first sync: phase 1 after ${seconds(phases.phase1Ms)}, phase 2 complete after ${seconds(phases.phase2Ms)}`);
    await sim.untilQuiet(300, 5000);
    log(`minute 0 (after the first sync): ${memoryText(await roomserve.memory())}`);
    report(await soak(roomserve, sim.url, gc, aborting.signal), options.engine);
  } finally {
    release();
    await stopAll();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
