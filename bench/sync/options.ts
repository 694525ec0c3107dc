/**
 * Sizes and knobs of `npm run bench:sync`. The defaults are the sizes of issue #4; environment
 * variables make a quick run possible (e.g. BENCH_ROOMS=50 BENCH_MEETINGS=20 BENCH_CHANGES=20).
 */
export type Engine = 'postgres' | 'pglite';

export interface BenchOptions {
  readonly engine: Engine;
  readonly databaseUrl: string;
  readonly rooms: number;
  readonly meetingsPerRoom: number;
  /** Single-meeting changes for (a) and (b): alternately a new meeting and a move of it. */
  readonly changes: number;
  /** Changes to recurring series (created, then moved), reported apart from the single ones. */
  readonly recurringChanges: number;
  /** How often the schedule endpoint is polled while waiting for a change. */
  readonly pollMs: number;
  /** A change's EWS requests are counted until the service account has been quiet this long. */
  readonly settleMs: number;
  /** Give up on a change not visible after this long. */
  readonly changeTimeoutMs: number;
  /** (d): the runtime's periodic timers are divided by this; one hour then lasts 3600 / factor s. */
  readonly idleFactor: number;
  /** (d): rooms the idle runtime keeps (the others are switched inactive for that phase). */
  readonly idleRooms: number;
  /** (d): rooms whose daily full pass is measured (at full size) to amortise it over the day. */
  readonly fullPassSample: number;
  /** (c): give up waiting for the initial sync after this long and extrapolate. */
  readonly initialSyncCapMs: number;
  /** Meetings per room of the second organisation used for (a), (b), (d) when (c) did not finish. */
  readonly fallbackMeetings: number;
  readonly logLevel: string;
  /** BENCH_ONLY=c: measure the initial sync alone (a quick check of the slowest figure). */
  readonly onlyInitialSync: boolean;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

function positiveInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, not "${raw}"`);
  return value;
}

function engineOf(): Engine {
  const raw = process.env.BENCH_ENGINE;
  if (raw === 'postgres' || raw === 'pglite') return raw;
  if (raw !== undefined && raw !== '') throw new Error(`BENCH_ENGINE must be postgres or pglite, not "${raw}"`);
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

function onlyOf(): 'c' | undefined {
  const raw = process.env.BENCH_ONLY;
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'c') return raw;
  throw new Error(`BENCH_ONLY must be c (the initial sync), not "${raw}"`);
}

export function readOptions(): BenchOptions {
  return {
    engine: engineOf(),
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    rooms: positiveInt('BENCH_ROOMS', 500),
    meetingsPerRoom: positiveInt('BENCH_MEETINGS', 200),
    changes: positiveInt('BENCH_CHANGES', 200, 2),
    recurringChanges: positiveInt('BENCH_RECURRING_CHANGES', 20, 0),
    pollMs: positiveInt('BENCH_POLL_MS', 10),
    settleMs: positiveInt('BENCH_SETTLE_MS', 400),
    changeTimeoutMs: positiveInt('BENCH_CHANGE_TIMEOUT_MS', 15_000),
    idleFactor: positiveInt('BENCH_IDLE_FACTOR', 30),
    idleRooms: positiveInt('BENCH_IDLE_ROOMS', 50),
    fullPassSample: positiveInt('BENCH_FULL_PASS_SAMPLE', 2),
    initialSyncCapMs: positiveInt('BENCH_INITIAL_SYNC_CAP_S', 90) * 1000,
    fallbackMeetings: positiveInt('BENCH_FALLBACK_MEETINGS', 0, 0),
    logLevel: process.env.BENCH_LOG_LEVEL || 'error',
    onlyInitialSync: onlyOf() === 'c',
  };
}
