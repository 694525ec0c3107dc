/**
 * Roomserve for `npm run bench:scale`, in a process of its own, so that its memory is measured
 * without the bench's EWS clients (the floor, the storm's organizers) and without the simulator.
 * Started by roomserveClient.ts with the options and the EWS URL as arguments; answers requests
 * from the bench over IPC, and stops on `stop` or when the parent goes away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../server/adapters/db/database';
import type { BenchOptions } from './options';
import { startRoomserve, startSync, type BenchRoom } from './roomserve';
import { storedAmongSql, storedFlags, storedParameter, type StoredQuery } from './storedQuery';

export interface ProcessMemory {
  readonly rss: number;
  readonly heapUsed: number;
  /** V8's heap as reserved from the system (the young generation grows to --max-semi-space-size). */
  readonly heapTotal: number;
  readonly external: number;
  /** Resident memory that is not the heap nor PGlite's (buffers, sockets, the allocator's free lists). */
  readonly other: number;
  /** PGlite's WebAssembly memory (its Postgres heap and buffers); 0 on PostgreSQL. */
  readonly pgliteWasm: number;
}

export type ToRoomserve =
  | { readonly id: number; readonly type: 'startSync' }
  | { readonly id: number; readonly type: 'counts'; readonly since: string }
  | { readonly id: number; readonly type: 'syncedSince'; readonly since: string }
  | { readonly id: number; readonly type: 'storedAmong'; readonly wanted: readonly StoredQuery[] }
  | { readonly id: number; readonly type: 'memory' }
  | { readonly id: number; readonly type: 'stop' };

export type FromRoomserve =
  | { readonly type: 'ready'; readonly rooms: readonly BenchRoom[]; readonly schema?: string }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'answer'; readonly id: number; readonly value?: unknown; readonly error?: string };

export interface RoomserveProcessArgs {
  readonly options: BenchOptions;
  readonly ewsUrl: string;
  /** One of several instances on PostgreSQL (see RoomserveStart); the key in base64. */
  readonly instances?: { readonly secretKey: string; readonly joinSchema?: string };
}

/** PGlite's instance behind knex-pglite (the bench reads its memory size; nothing else touches it). */
function pgliteWasmBytes(db: Database): number {
  const config = (db.knex.client as { config?: { connection?: unknown } }).config;
  if (db.engine !== 'pglite' || typeof config?.connection !== 'function') return 0;
  const connection = (config.connection as () => { pglite?: { Module?: { wasmMemory?: WebAssembly.Memory } } })();
  return connection.pglite?.Module?.wasmMemory?.buffer.byteLength ?? 0;
}

/**
 * After a collection a second until the heap reserved has not shrunk for 3 s (at most 20 s): V8
 * gives back a young generation grown under load (--max-semi-space-size=64) only once the
 * process has been quiet for a while, and a base taken quiet against a figure taken busy would
 * count up to 128 MB of young generation as the rooms' memory.
 */
async function settledMemory(db: Database): Promise<ProcessMemory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0, still = 0; i < 20 && still < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 1000));
    const reserved = process.memoryUsage().heapTotal;
    still = reserved < lowest ? 0 : still + 1;
    lowest = Math.min(lowest, reserved);
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const pgliteWasm = pgliteWasmBytes(db);
  return { rss, heapUsed, heapTotal, external, other: rss - heapTotal - pgliteWasm, pgliteWasm };
}

async function main(): Promise<void> {
  // Ctrl-C reaches every process of the terminal's group. This one leaves it to the bench, which
  // stops it (`stop`, or the channel closing when the bench exits) so that the schema or the data
  // directory is removed first.
  process.on('SIGINT', () => undefined);
  const { options, ewsUrl, instances } = JSON.parse(process.argv[2] ?? '{}') as RoomserveProcessArgs;
  // PGlite keeps its data directory on disk, as the product does (DATA_DIR), not in memory.
  const dataDir = options.engine === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'bench-scale-pglite-')) : undefined;
  const roomserve = await startRoomserve(options, ewsUrl, {
    ...(dataDir ? { pgliteDataDir: dataDir } : {}),
    ...(instances
      ? {
          instances: {
            secretKey: Buffer.from(instances.secretKey, 'base64'),
            ...(instances.joinSchema ? { joinSchema: instances.joinSchema } : {}),
          },
        }
      : {}),
  });
  const knex = roomserve.db.knex;
  const syncedSince = async (since: string): Promise<number> => {
    const [synced] = await knex('room_sync').where('last_success_at', '>=', since).count<{ n: unknown }[]>('* as n');
    return Number(synced?.n ?? 0);
  };
  const handlers: Record<ToRoomserve['type'], (message: ToRoomserve) => Promise<unknown>> = {
    startSync: () => startSync(roomserve),
    async counts(message) {
      const since = (message as Extract<ToRoomserve, { type: 'counts' }>).since;
      const synced = await syncedSince(since);
      const [pending] = await knex('bookings').where({ details_pending: true }).count<{ n: unknown }[]>('* as n');
      const [streaming] = await knex('room_sync')
        .where({ stream_state: 'streaming' })
        .count<{ n: unknown }[]>('* as n');
      return { synced, pending: Number(pending?.n ?? 0), streaming: Number(streaming?.n ?? 0) };
    },
    // Phase 1 is timed by polling this alone: counting the pending bookings (100,000 at 1,000
    // rooms) as often would load the database the sync under test is writing to.
    syncedSince: async (message) => syncedSince((message as Extract<ToRoomserve, { type: 'syncedSince' }>).since),
    // One query for every change the bench waits on: a query per waiting change every few ms
    // would load the database (and the sync under test) more the slower the sync is.
    async storedAmong(message) {
      const { wanted } = message as Extract<ToRoomserve, { type: 'storedAmong' }>;
      if (wanted.length === 0) return [];
      const result = await knex.raw<{ rows: { i: number }[] }>(storedAmongSql('?'), [storedParameter(wanted)]);
      return storedFlags(wanted, result.rows);
    },
    memory: () => settledMemory(roomserve.db),
    async stop() {
      await roomserve.dispose();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      setImmediate(() => process.exit(0));
    },
  };
  process.on('message', (message: ToRoomserve) => {
    handlers[message.type](message).then(
      (value) => process.send?.({ type: 'answer', id: message.id, value } satisfies FromRoomserve),
      (err: unknown) =>
        process.send?.({
          type: 'answer',
          id: message.id,
          error: err instanceof Error ? err.message : String(err),
        } satisfies FromRoomserve),
    );
  });
  process.once('disconnect', () => void handlers.stop({ id: 0, type: 'stop' }));
  // The bench may have gone while Roomserve was starting.
  if (!process.connected) {
    await handlers.stop({ id: 0, type: 'stop' });
    return;
  }
  process.send?.({
    type: 'ready',
    rooms: roomserve.rooms,
    ...(roomserve.schema ? { schema: roomserve.schema } : {}),
  } satisfies FromRoomserve);
}

main().catch((err: unknown) => {
  process.send?.({ type: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies FromRoomserve);
  process.exit(1);
});
