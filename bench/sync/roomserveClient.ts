/**
 * Starts Roomserve in its own process (roomserveProcess.ts) and asks it over IPC what the bench
 * needs: start the sync, count synced rooms and pending details, whether a booking is stored, and
 * the process's own memory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BenchOptions } from './options';
import type { BenchRoom } from './roomserve';
import type { FromRoomserve, ProcessMemory, RoomserveProcessArgs, ToRoomserve } from './roomserveProcess';
import type { StoredQuery } from './storedQuery';

export interface RoomserveProcess {
  readonly rooms: readonly BenchRoom[];
  /** Its PostgreSQL schema (undefined on PGlite). */
  readonly schema: string | undefined;
  /**
   * Where it publishes its room changes (NOTIFY, as main() on PostgreSQL: one of several
   * instances); undefined when they stay in its process.
   */
  readonly roomChangesUrl: string | undefined;
  startSync(): Promise<void>;
  /** Rooms synced since `since`, bookings waiting for details, rooms on an open stream. */
  counts(since: Date): Promise<{ synced: number; pending: number; streaming: number }>;
  /** Rooms synced since `since` alone (cheap enough to poll while the sync under test runs). */
  syncedSince(since: Date): Promise<number>;
  /** For each query, whether its room holds a confirmed booking starting at its start. */
  storedAmong(wanted: readonly StoredQuery[]): Promise<boolean[]>;
  /** Once the heap has settled (see settledMemory in roomserveProcess.ts). */
  memory(): Promise<ProcessMemory>;
  stop(): Promise<void>;
  /** kill -9: no goodbye, its database sessions end when the operating system closes them. */
  kill(): Promise<void>;
}

type Request = ToRoomserve extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

export async function startRoomserveProcess(
  options: BenchOptions,
  ewsUrl: string,
  instances?: RoomserveProcessArgs['instances'],
): Promise<RoomserveProcess> {
  const args: RoomserveProcessArgs = { options, ewsUrl, ...(instances ? { instances } : {}) };
  const child: ChildProcess = fork(path.join(__dirname, 'roomserveProcess.ts'), [JSON.stringify(args)], {
    execArgv: process.execArgv,
    stdio: 'inherit',
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  let nextId = 1;
  const ready = new Promise<{ rooms: readonly BenchRoom[]; schema?: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Roomserve exited early (code ${String(code)})`)));
    child.on('message', (message: FromRoomserve) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed') reject(new Error(`Roomserve failed: ${message.message}`));
      else {
        const waiter = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.value);
      }
    });
  });
  const { rooms, schema } = await ready;
  child.removeAllListeners('exit');
  const ask = <T>(request: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: (value) => resolve(value as T), reject });
      child.send({ ...request, id });
    });
  return {
    rooms,
    schema,
    roomChangesUrl: instances && options.engine === 'postgres' ? options.databaseUrl : undefined,
    startSync: () => ask<void>({ type: 'startSync' }),
    counts: (since) => ask({ type: 'counts', since: since.toISOString() }),
    syncedSince: (since) => ask({ type: 'syncedSince', since: since.toISOString() }),
    storedAmong: (wanted) => ask({ type: 'storedAmong', wanted }),
    memory: () => ask({ type: 'memory' }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask<void>({ type: 'stop' });
      await exited;
    },
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
