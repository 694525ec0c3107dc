/**
 * npm run bench:search [-- --engine=postgres|pglite|both --rooms=2000,10000 --duration=10 --connections=20
 *                         --explain --no-baseline --profile=DIR]
 *
 * For each set (default: 2,000 rooms / 200,000 bookings and 10,000 rooms / 1,000,000 bookings, on
 * PostgreSQL), fills a fresh database, serves the real application (test/support/testApp.ts: real
 * services, real authentication by session cookie) and drives GET /api/rooms?start&end&onlyAvailable=true
 * with one-hour windows from concurrent clients (autocannon). Prints p50, p95, p99, requests per
 * second and CPU per request for each set; the larger set's p95 and CPU per request as a ratio of
 * the smaller's (goal <= 1.3x); and, as the floor, the same figures for GET /api/auth/me (the
 * cheapest signed-in request) at the same concurrency.
 *
 * The server runs in a child process so that the load generator does not share its event loop.
 * PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a throwaway
 * schema that is dropped afterwards. PGlite: in memory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { Knex } from 'knex';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Database } from '../server/adapters/db/database';
import { loadConfig } from '../server/config';
import { createTestApp } from '../test/support/testApp';
import { BENCH_DAYS, benchSizeOf, fillBenchDatabase } from './searchFixture';

type Engine = 'postgres' | 'pglite';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const P95_GOAL_MS = 30;
/** The larger set's p95 and CPU per request, as a multiple of the smaller set's (issue 21). */
const GROWTH_GOAL = 1.3;
const BASELINE_PATH = '/api/auth/me';

interface Options {
  readonly engines: readonly Engine[];
  /** The sets' room counts, smallest first; each room has BENCH_SIZE.bookingsPerRoom bookings. */
  readonly roomCounts: readonly number[];
  readonly durationSeconds: number;
  readonly connections: number;
  readonly explain: boolean;
  /** Also drive BASELINE_PATH, a signed-in request without the search, for comparison. */
  readonly baseline: boolean;
  /** Write a V8 CPU profile of the server process into this directory. */
  readonly profileDir: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const engine = value('engine') ?? 'postgres';
  if (!['postgres', 'pglite', 'both'].includes(engine)) throw new Error(`--engine must be postgres, pglite or both`);
  const roomCounts = (value('rooms') ?? '2000,10000').split(',').map(Number);
  if (roomCounts.some((n) => !Number.isInteger(n) || n < 20)) throw new Error('--rooms must be room counts >= 20');
  return {
    engines: engine === 'both' ? ['postgres', 'pglite'] : [engine as Engine],
    roomCounts: [...roomCounts].sort((a, b) => a - b),
    durationSeconds: Number(value('duration') ?? 10),
    connections: Number(value('connections') ?? 20),
    explain: argv.includes('--explain'),
    baseline: !argv.includes('--no-baseline'),
    profileDir: value('profile'),
  };
}

function databaseUrl(): string {
  const config = loadConfig();
  return config.database.engine === 'postgres' ? config.database.url : DEFAULT_DATABASE_URL;
}

// ---- the server side (child process) ------------------------------------------------------

type ToServer =
  { readonly type: 'explain'; readonly path: string } | { readonly type: 'cpu' } | { readonly type: 'stop' };
type FromServer =
  | {
      readonly type: 'ready';
      readonly port: number;
      readonly cookie: string;
      readonly anchor: string;
      readonly fill: string;
    }
  | { readonly type: 'explained'; readonly plan: string }
  /** CPU time (user + system) the server process and its database backends have used so far, in µs. */
  | { readonly type: 'cpu'; readonly micros: number; readonly databaseMicros: number | null };

type Ready = Extract<FromServer, { type: 'ready' }>;

interface BenchDatabase {
  readonly db: Database;
  /** CPU the database server has spent for us so far, when it can be seen (a local PostgreSQL). */
  cpuMicros(): Promise<number | undefined>;
  dispose(): Promise<void>;
}

// Linux reports process CPU in clock ticks of 1/100 s (USER_HZ) on every common platform.
const MICROS_PER_TICK = 10_000;

/** utime + stime of a local process from /proc, or undefined where there is no /proc. */
function processCpuMicros(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK;
  } catch {
    return undefined;
  }
}

/** The backends serving our pool, found by the application_name our connection string sets. */
async function backendCpuMicros(db: Database, applicationName: string): Promise<number | undefined> {
  const result = await db.knex.raw<{ rows: { pid: number }[] }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = ?',
    [applicationName],
  );
  const times = result.rows.map((row) => processCpuMicros(row.pid));
  if (times.length === 0 || times.some((t) => t === undefined)) return undefined;
  return times.reduce<number>((sum, t) => sum + (t ?? 0), 0);
}

async function postgresDatabase(url: string): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Extensions are database-wide; the test runner installs btree_gist in public the same way.
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const named = new URL(url);
  named.searchParams.set('application_name', schema);
  const db = await openDatabase({ engine: 'postgres', url: named.toString(), schema });
  return {
    db,
    cpuMicros: () => backendCpuMicros(db, schema),
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

async function openBenchDatabase(engine: Engine): Promise<BenchDatabase> {
  if (engine === 'postgres') return postgresDatabase(databaseUrl());
  const db = await openDatabase({ engine: 'pglite' });
  // PGlite runs inside the server process: its CPU is part of the server's.
  return { db, cpuMicros: () => Promise.resolve(undefined), dispose: () => db.close() };
}

/** Records the SQL of the next search so that --explain can show its plan. */
interface CapturedQuery {
  readonly sql: string;
  readonly bindings: readonly Knex.RawBinding[];
}

function captureSearchSql(knex: Knex): () => CapturedQuery | undefined {
  let captured: CapturedQuery | undefined;
  knex.on('query', (query: { sql: string; bindings?: readonly Knex.RawBinding[] }) => {
    if (query.sql.includes('page AS (')) captured = { sql: query.sql, bindings: query.bindings ?? [] };
  });
  return () => captured;
}

async function explain(knex: Knex, query: CapturedQuery | undefined): Promise<string> {
  if (!query) return '(no search query seen)';
  // The driver-level SQL numbers its placeholders ($1, $2, ... once each, in order); knex.raw wants ?.
  const sql = query.sql.replace(/\$\d+/g, '?');
  const result = await knex.raw<{ rows: Record<string, unknown>[] }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [
    ...query.bindings,
  ]);
  return result.rows.map((row) => String(Object.values(row)[0])).join('\n');
}

async function serve(engine: Engine, roomCount: number): Promise<void> {
  const send = (message: FromServer): void => {
    process.send?.(message);
  };
  const bench = await openBenchDatabase(engine);
  const { db } = bench;
  const anchor = new Date();
  const filling = Date.now();
  try {
    await migrateToLatest(db.knex);
    await fillBenchDatabase(db.knex, anchor, benchSizeOf(roomCount));
  } catch (err) {
    await bench.dispose(); // leave no half-filled schema behind
    throw err;
  }
  const [rooms] = await db.knex('rooms').count<{ n: number }[]>('* as n');
  const [bookings] = await db.knex('bookings').count<{ n: number }[]>('* as n');
  const fill = `${rooms?.n ?? 0} rooms, ${bookings?.n ?? 0} bookings in ${((Date.now() - filling) / 1000).toFixed(1)} s`;
  const testApp = createTestApp(db.knex);
  const { cookie } = await testApp.loginAs('employee');
  const lastSearch = captureSearchSql(db.knex);
  const server = testApp.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      server.closeAllConnections();
      server.close();
      await bench.dispose();
      process.exit(0);
    })());
  // The parent went away (Ctrl-C, crash): still drop the throwaway schema.
  process.once('disconnect', () => void stop());
  process.on('message', (message: ToServer) => {
    void (async () => {
      if (message.type === 'explain') {
        await fetch(`http://127.0.0.1:${port}${message.path}`, { headers: { cookie } });
        send({ type: 'explained', plan: await explain(db.knex, lastSearch()) });
        return;
      }
      if (message.type === 'cpu') {
        const usage = process.cpuUsage();
        send({ type: 'cpu', micros: usage.user + usage.system, databaseMicros: (await bench.cpuMicros()) ?? null });
        return;
      }
      await stop();
    })();
  });
  send({ type: 'ready', port, cookie, anchor: anchor.toISOString(), fill });
}

// ---- the load side (parent process) -------------------------------------------------------

const HOUR_MS = 60 * 60 * 1000;

/** One-hour windows on working hours (07:00-17:00 UTC) of days spread over the booked period. */
function searchPaths(anchor: Date, count: number): string[] {
  const firstDay = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate() - BENCH_DAYS / 2);
  return Array.from({ length: count }, (_, i) => {
    const day = (i * 7) % BENCH_DAYS;
    const quarter = (i * 13) % 40; // 07:00 .. 16:45
    const start = new Date(firstDay + day * 24 * HOUR_MS + 7 * HOUR_MS + quarter * 15 * 60 * 1000);
    const end = new Date(start.getTime() + HOUR_MS);
    return `/api/rooms?start=${start.toISOString()}&end=${end.toISOString()}&onlyAvailable=true`;
  });
}

interface Figures {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly failures: number;
  /** CPU spent per request by the Node server process, the database backends and the load generator. */
  readonly cpuMs?: { readonly server: number; readonly database: number | undefined; readonly load: number };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function load(
  port: number,
  cookie: string,
  paths: readonly string[],
  options: Options,
  seconds: number,
): Promise<Figures> {
  let next = 0;
  const latencies: number[] = [];
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: options.connections,
        duration: seconds,
        headers: { cookie },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              next = (next + 1) % paths.length;
              return { ...request, path: paths[next] ?? '/api/rooms' };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)),
    );
  });
  instance?.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await finished;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requestsPerSecond: result.requests.total / seconds,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function startServer(engine: Engine, rooms: number, options: Options): { child: ChildProcess; ready: Promise<Ready> } {
  const profiling = options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`];
  const child = fork(__filename, ['--serve', engine, String(rooms)], {
    execArgv: [...process.execArgv, ...profiling],
    stdio: 'inherit',
  });
  const ready = new Promise<Ready>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${engine} server exited early (code ${String(code)})`)));
    child.on('message', (message: FromServer) => {
      if (message.type === 'ready') resolve(message);
    });
  });
  return { child, ready };
}

function request<T extends FromServer['type']>(
  child: ChildProcess,
  message: ToServer,
  answer: T,
): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (reply: FromServer): void => {
      if (reply.type !== answer) return;
      child.off('message', onMessage);
      resolve(reply as Extract<FromServer, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** One measured run against a running server: latency, throughput and CPU per request. */
async function measure(
  child: ChildProcess,
  server: Ready,
  paths: readonly string[],
  options: Options,
): Promise<Figures> {
  await load(server.port, server.cookie, paths, options, 2); // warm-up: JIT, caches, pool
  const before = await request(child, { type: 'cpu' }, 'cpu');
  const loadBefore = process.cpuUsage();
  const measured = await load(server.port, server.cookie, paths, options, options.durationSeconds);
  const loadUsed = process.cpuUsage(loadBefore);
  const after = await request(child, { type: 'cpu' }, 'cpu');
  const perRequest = (micros: number): number => micros / 1000 / Math.max(1, measured.requests);
  return {
    ...measured,
    cpuMs: {
      server: perRequest(after.micros - before.micros),
      database:
        after.databaseMicros === null || before.databaseMicros === null
          ? undefined
          : perRequest(after.databaseMicros - before.databaseMicros),
      load: perRequest(loadUsed.user + loadUsed.system),
    },
  };
}

const runName = (engine: Engine, rooms: number): string => `${engine} ${rooms} rooms`;

/** Rows of the report: "postgres 2000 rooms", and unless --no-baseline "postgres 2000 rooms /api/auth/me" etc. */
async function benchSet(engine: Engine, rooms: number, options: Options, results: Map<string, Figures>): Promise<void> {
  const run = runName(engine, rooms);
  console.log(`\n== ${run}: filling and starting the server ...`);
  const { child, ready } = startServer(engine, rooms, options);
  const server = await ready;
  console.log(`   ${server.fill}`);
  const paths = searchPaths(new Date(server.anchor), 400);
  results.set(run, await measure(child, server, paths, options));
  // The same signed-in round trip without the search: what the framework and sign-in cost alone.
  if (options.baseline) results.set(`${run} ${BASELINE_PATH}`, await measure(child, server, [BASELINE_PATH], options));
  if (options.explain) console.log((await request(child, { type: 'explain', path: paths[0] ?? '' }, 'explained')).plan);
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' } satisfies ToServer);
  await exited;
}

function report(results: ReadonlyMap<string, Figures>, options: Options): void {
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  console.log(
    `\nGET /api/rooms, one-hour windows, onlyAvailable=true; ${options.connections} connections, ${options.durationSeconds} s`,
  );
  console.log(
    'run                                    p50        p95        p99        req/s     requests  failures  CPU/req: server  database  load generator',
  );
  for (const [run, f] of results) {
    const cpu = f.cpuMs;
    console.log(
      [
        run.padEnd(38),
        ms(f.p50).padEnd(10),
        ms(f.p95).padEnd(10),
        ms(f.p99).padEnd(10),
        f.requestsPerSecond.toFixed(0).padEnd(9),
        String(f.requests).padEnd(9),
        String(f.failures).padEnd(18),
        (cpu ? ms(cpu.server) : '-').padEnd(9),
        (cpu?.database === undefined ? '(in server)' : ms(cpu.database)).padEnd(11),
        cpu ? ms(cpu.load) : '-',
      ].join(' '),
    );
  }
  for (const [run, f] of results) {
    if (!f.cpuMs) continue;
    const total = f.cpuMs.server + (f.cpuMs.database ?? 0) + f.cpuMs.load;
    // The Node server is one thread (PGlite runs inside it); everything together shares the CPUs.
    const rps = Math.min(1000 / f.cpuMs.server, (cpus().length * 1000) / total);
    console.log(
      `${run}: ${total.toFixed(1)} ms CPU per request in all; on ${cpus().length} otherwise idle CPUs that caps ` +
        `throughput near ${rps.toFixed(0)} req/s, i.e. about ${((options.connections / rps) * 1000).toFixed(0)} ms per request at ${options.connections} connections`,
    );
  }
  // Other work on the machine skews every figure; say how busy it was.
  console.log(
    `load average at the end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  const smallest = options.roomCounts[0] ?? 0;
  const postgres = results.get(runName('postgres', smallest));
  if (postgres)
    console.log(
      `PostgreSQL p95 goal <= ${P95_GOAL_MS} ms at ${smallest} rooms: ${postgres.p95 <= P95_GOAL_MS ? 'met' : 'MISSED'}`,
    );
  for (const engine of options.engines) reportGrowth(engine, results, options);
}

/** Database and server CPU of one request: what grows with the data (the load generator does not). */
const servingCpu = (f: Figures): number => (f.cpuMs ? f.cpuMs.server + (f.cpuMs.database ?? 0) : Number.NaN);

/** The larger sets against the smallest: the search should cost no more with 5x the rooms and bookings. */
function reportGrowth(engine: Engine, results: ReadonlyMap<string, Figures>, options: Options): void {
  const [smallest, ...larger] = options.roomCounts;
  const small = smallest === undefined ? undefined : results.get(runName(engine, smallest));
  if (!small || smallest === undefined) return;
  const floor = results.get(`${runName(engine, smallest)} ${BASELINE_PATH}`);
  for (const rooms of larger) {
    const big = results.get(runName(engine, rooms));
    if (!big) continue;
    const p95Ratio = big.p95 / small.p95;
    const cpuRatio = servingCpu(big) / servingCpu(small);
    const verdict = (ratio: number): string => (ratio <= GROWTH_GOAL ? 'met' : 'MISSED');
    console.log(
      `${engine}, ${rooms} rooms / ${smallest} rooms: p95 ${big.p95.toFixed(1)} / ${small.p95.toFixed(1)} ms = ` +
        `${p95Ratio.toFixed(2)}x (goal <= ${GROWTH_GOAL}x: ${verdict(p95Ratio)}); CPU per request (server + database) ` +
        `${servingCpu(big).toFixed(2)} / ${servingCpu(small).toFixed(2)} ms = ${cpuRatio.toFixed(2)}x (goal <= ${GROWTH_GOAL}x: ${verdict(cpuRatio)})`,
    );
    // The sets run minutes apart; on a shared machine each set's own floor cancels the load of the moment.
    const bigFloor = results.get(`${runName(engine, rooms)} ${BASELINE_PATH}`);
    if (floor && bigFloor)
      console.log(
        `${engine}, ${rooms} rooms / ${smallest} rooms, each p95 over its own ${BASELINE_PATH} floor: ` +
          `${(big.p95 / bigFloor.p95).toFixed(2)} / ${(small.p95 / floor.p95).toFixed(2)} = ` +
          `${(big.p95 / bigFloor.p95 / (small.p95 / floor.p95)).toFixed(2)}x`,
      );
  }
  if (floor) {
    const sets = options.roomCounts.flatMap((rooms) => {
      const f = results.get(runName(engine, rooms));
      return f ? [`${rooms} rooms ${(f.p95 / floor.p95).toFixed(1)}x`] : [];
    });
    console.log(
      `${engine} floor: GET ${BASELINE_PATH} p95 ${floor.p95.toFixed(1)} ms at ${options.connections} connections; ` +
        `search p95 as a multiple of it: ${sets.join(', ')}`,
    );
  }
}

async function main(): Promise<void> {
  const serveIndex = process.argv.indexOf('--serve');
  if (serveIndex >= 0) {
    await serve(
      process.argv[serveIndex + 1] === 'pglite' ? 'pglite' : 'postgres',
      Number(process.argv[serveIndex + 2] ?? 2000),
    );
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const results = new Map<string, Figures>();
  for (const engine of options.engines)
    for (const rooms of options.roomCounts) await benchSet(engine, rooms, options, results);
  report(results, options);
  if ([...results.values()].some((f) => f.failures > 0)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
