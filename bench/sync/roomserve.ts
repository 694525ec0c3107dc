/**
 * Roomserve as the product runs it (composeApp from server/compose/app.ts: real services, real sync
 * runtime, real EWS adapter), on a throwaway database, listening on a local port. The rooms and
 * their Exchange connections are written straight into the database (verified, as the location
 * editor leaves them) so that 500 rooms take a second, not 500 verifications.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { createAdvisoryRoomLeases } from '../../server/adapters/db/advisoryRoomLeases';
import { createPgRoomChanges } from '../../server/adapters/roomChanges/postgres';
import { migrateToLatest, openDatabase, type Database } from '../../server/adapters/db/database';
import { composeApp, type Composition } from '../../server/compose/app';
import { createSyncMetrics, type SyncMetrics } from '../../server/sync/metrics';
import { buildUser, TEST_SCRYPT_COST } from '../../test/factories/users';
import type { BenchOptions } from './options';
import { BENCH_PASSWORD, roomMailbox, SERVICE_ACCOUNT } from './seed';

export interface BenchRoom {
  readonly roomId: string;
  readonly mailbox: string;
}

export interface BenchRoomserve {
  readonly db: Database;
  /** The PostgreSQL schema (undefined on PGlite). */
  readonly schema?: string;
  readonly composition: Composition;
  /** The composition's metrics registry (the one /metrics serves). */
  readonly metrics: SyncMetrics;
  readonly logger: Logger;
  readonly baseUrl: string;
  /** `Authorization` header value of an employee's API token. */
  readonly authorization: string;
  readonly rooms: readonly BenchRoom[];
  dispose(): Promise<void>;
}

interface BenchDatabase {
  readonly db: Database;
  /** The PostgreSQL schema (undefined on PGlite). */
  readonly schema?: string;
  dispose(): Promise<void>;
}

export interface RoomserveStart {
  /** PGlite's data directory on disk (in memory without). */
  readonly pgliteDataDir?: string;
  /**
   * One of several instances on one PostgreSQL schema, as main() runs them: rooms leased through
   * advisory locks. The first creates the schema; the others join it (`joinSchema`) and read the
   * Exchange settings the first saved, sealed with the same key.
   */
  readonly instances?: { readonly secretKey: Buffer; readonly joinSchema?: string };
}

/** The connection string whose sessions work in `schema` (the advisory leases open their own). */
export function schemaUrl(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
}

/**
 * PostgreSQL in a schema of its own, dropped afterwards (or one made by another instance, left to
 * it: `joinSchema`); PGlite in memory, or in `pgliteDataDir`.
 */
async function openBenchDatabase(
  options: BenchOptions,
  pgliteDataDir?: string,
  joinSchema?: string,
): Promise<BenchDatabase> {
  if (options.engine === 'pglite') {
    const db = await openDatabase({ engine: 'pglite', ...(pgliteDataDir ? { dataDir: pgliteDataDir } : {}) });
    return { db, dispose: () => db.close() };
  }
  if (joinSchema) {
    const db = await openDatabase({ engine: 'postgres', url: options.databaseUrl, schema: joinSchema });
    return { db, schema: joinSchema, dispose: () => db.close() };
  }
  const schema = `bench_sync_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  // Extensions are database-wide; the test runner installs btree_gist in public the same way.
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openDatabase({ engine: 'postgres', url: options.databaseUrl, schema });
  return {
    db,
    schema,
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: options.databaseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

async function insertRooms(knex: Knex, count: number): Promise<BenchRoom[]> {
  const [building] = await knex('buildings')
    .insert({ name: 'Bench building', address: 'Bench street 1', time_zone: 'Europe/Berlin' })
    .returning<{ id: string }[]>('id');
  const [floor] = await knex('floors')
    .insert({ building_id: building?.id, name: 'Ground floor', level: 0 })
    .returning<{ id: string }[]>('id');
  const rows = Array.from({ length: count }, (_v, i) => ({
    floor_id: floor?.id,
    name: `Room ${i}`,
    capacity: 8,
    exchange_email: roomMailbox(i),
    exchange_state: 'verified',
    exchange_checked_at: new Date().toISOString(),
  }));
  const inserted = await knex('rooms')
    .insert(rows)
    .returning<{ id: string; exchange_email: string }[]>(['id', 'exchange_email']);
  const byMailbox = new Map(inserted.map((r) => [r.exchange_email, r.id]));
  return Array.from({ length: count }, (_v, i) => {
    const roomId = byMailbox.get(roomMailbox(i));
    if (!roomId) throw new Error(`room ${i} was not inserted`);
    return { roomId, mailbox: roomMailbox(i) };
  });
}

function listen(composition: Composition): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = composition.app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

async function roomsOf(knex: Knex): Promise<BenchRoom[]> {
  const rows = await knex('rooms')
    .whereNotNull('exchange_email')
    .select<{ id: string; mailbox: string }[]>('id', 'exchange_email as mailbox');
  const byMailbox = new Map(rows.map((r) => [r.mailbox, r.id]));
  return Array.from({ length: byMailbox.size }, (_v, i) => {
    const roomId = byMailbox.get(roomMailbox(i));
    if (!roomId) throw new Error(`room ${i} is not in the joined schema`);
    return { roomId, mailbox: roomMailbox(i) };
  });
}

/** Roomserve with the rooms connected and the Exchange settings pointing at the simulator; sync not started. */
export async function startRoomserve(
  options: BenchOptions,
  ewsUrl: string,
  start: RoomserveStart = {},
): Promise<BenchRoomserve> {
  const joinSchema = start.instances?.joinSchema;
  const bench = await openBenchDatabase(options, start.pgliteDataDir, joinSchema);
  const { db, schema } = bench;
  if (!joinSchema) await migrateToLatest(db.knex);
  const rooms = joinSchema ? await roomsOf(db.knex) : await insertRooms(db.knex, options.rooms);
  const logger = pino({ level: options.logLevel }, pino.destination(2));
  const leasesUrl = start.instances && schema ? schemaUrl(options.databaseUrl, schema) : undefined;
  const metrics = createSyncMetrics();
  const composition = composeApp({
    knex: db.knex,
    metrics,
    config: {
      trustProxy: false,
      secureCookies: false,
      sessionTtlHours: 12,
      loginRateLimit: { max: 5, windowMinutes: 15 },
    },
    logger,
    passwordCost: TEST_SCRYPT_COST,
    secrets: createSecretBox(start.instances?.secretKey ?? randomBytes(32)),
    // As main() runs several instances on PostgreSQL: leases, and room changes over LISTEN/NOTIFY
    // (the bench's storm hears its changes arrive there, instead of asking the database every 20 ms).
    ...(leasesUrl
      ? {
          sync: {
            leases: () =>
              createAdvisoryRoomLeases(leasesUrl, {
                onError: (err) => logger.warn({ err }, 'room lease connection failed'),
              }),
          },
          displays: {
            roomChanges: (knex: Knex) =>
              createPgRoomChanges({
                connectionString: leasesUrl,
                knex,
                onError: (err) => logger.warn({ err }, 'room changes connection failed'),
              }),
          },
        }
      : {}),
  });
  if (!joinSchema)
    await composition.services.exchange.configure({
      url: ewsUrl,
      username: SERVICE_ACCOUNT.username,
      password: BENCH_PASSWORD,
      authMethod: 'basic',
      caBundlePem: null,
      skipTlsVerification: false,
    });
  const user = await buildUser(db.knex, { role: 'employee' });
  const issued = await composition.services.auth.createApiToken(user.id, { name: 'bench:sync' });
  const server = await listen(composition);
  const { port } = server.address() as AddressInfo;
  return {
    db,
    ...(schema ? { schema } : {}),
    composition,
    metrics,
    logger,
    baseUrl: `http://127.0.0.1:${port}`,
    authorization: `Bearer ${issued.token}`,
    rooms,
    async dispose() {
      await composition.sync.stop();
      composition.services.exchange.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bench.dispose();
    },
  };
}

/** Starts the product's sync runtime on the configured gateway, as main() does. */
export async function startSync(roomserve: BenchRoomserve): Promise<void> {
  const gateway = await roomserve.composition.services.exchange.gateway();
  if (!gateway) throw new Error('the Exchange settings did not give a gateway');
  await roomserve.composition.sync.restart(gateway);
}

interface SyncProgress {
  readonly synced: number;
  readonly streaming: number;
}

/** How many rooms have synced successfully since `since`, and how many are on a live stream. */
export async function syncProgress(knex: Knex, since: Date): Promise<SyncProgress> {
  const [row] = await knex('room_sync').select<{ synced: unknown; streaming: unknown }[]>(
    knex.raw('count(*) FILTER (WHERE last_success_at >= ?) AS synced', [since.toISOString()]),
    knex.raw("count(*) FILTER (WHERE stream_state = 'streaming') AS streaming"),
  );
  return { synced: Number(row?.synced ?? 0), streaming: Number(row?.streaming ?? 0) };
}

/** Earliest planned sync of any room (the next safety sync once everything is quiet). */
export async function earliestPlannedSync(knex: Knex): Promise<Date | null> {
  const [row] = await knex('room_sync').min<{ at: unknown }[]>('next_sync_at as at');
  return row?.at ? new Date(row.at as string) : null;
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
