/**
 * Three instances sharing the rooms on PostgreSQL, as main() runs them (issue 21): two more
 * Roomserve processes join the first one's schema and the rooms spread over the three through
 * their advisory-lock leases. Then changes run at the storm's rate, and a quarter of the way in
 * one instance is killed with SIGKILL. The failover time runs from the kill until the two left
 * hold every room again; the changes saved meanwhile are the ones that waited for it.
 */
import pg from 'pg';
import { LEASE_NAMESPACE, lockKey } from '../../server/adapters/db/advisoryRoomLeases';
import type { BenchOptions } from '../sync/options';
import { percentile } from '../sync/report';
import { startRoomserveProcess, type RoomserveProcess } from '../sync/roomserveClient';
import { changesAtRate, seenLatencies, type StormSample } from './storm';

export interface FailoverResult {
  readonly spreadMs: number;
  /** Until every room was on an open stream and Exchange had been quiet for a second. */
  readonly readyMs: number;
  /** Rooms each instance held before the kill. */
  readonly spread: readonly number[];
  /** From the kill until the two left held every room; NaN if they did not within the wait. */
  readonly failoverMs: number;
  readonly all: readonly StormSample[];
  /** The changes saved between the kill and the takeover. */
  readonly during: readonly StormSample[];
}

const SPREAD_WAIT_MS = 120_000;
const FAILOVER_WAIT_MS = 60_000;

/** How many of the rooms' leases each PostgreSQL session (an instance's lease connection) holds. */
async function holders(client: pg.Client, roomKeys: ReadonlySet<number>): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number; objid: number | string }>(
    `SELECT pid, objid FROM pg_locks
      WHERE locktype = 'advisory' AND classid = $1 AND objsubid = 2 AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [LEASE_NAMESPACE],
  );
  const held = new Map<number, number>();
  for (const row of rows) if (roomKeys.has(Number(row.objid))) held.set(row.pid, (held.get(row.pid) ?? 0) + 1);
  return held;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

export async function threeInstances(
  first: RoomserveProcess,
  options: BenchOptions,
  ewsUrl: string,
  secretKey: string,
  storm: { readonly rate: number; readonly seconds: number },
  log: (message: string) => void,
  /** Resolves once Exchange has been quiet a while (the simulator's requests). */
  settle: () => Promise<void>,
): Promise<FailoverResult> {
  if (!first.schema) throw new Error('three instances need PostgreSQL');
  const joining = { secretKey, joinSchema: first.schema };
  const [killed, survivor] = await Promise.all([
    startRoomserveProcess(options, ewsUrl, joining),
    startRoomserveProcess(options, ewsUrl, joining),
  ]);
  const others = [killed, survivor];
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let killedNow = false;
  try {
    const keys = new Set(first.rooms.map((r) => lockKey(r.roomId) >>> 0));
    const fairShare = Math.ceil(keys.size / 3);
    const t0 = performance.now();
    await Promise.all(others.map((instance) => instance.startSync()));
    let spread: number[] = [];
    const spreadOut = await until(async () => {
      spread = [...(await holders(client, keys)).values()].sort((a, b) => b - a);
      return spread.length === 3 && sum(spread) === keys.size && (spread[0] ?? 0) <= fairShare;
    }, SPREAD_WAIT_MS);
    const spreadMs = performance.now() - t0;
    if (!spreadOut) log(`  the rooms did not spread within ${SPREAD_WAIT_MS / 1000} s: ${spread.join(', ')}`);
    // The new instances' rooms are theirs once their streams are open and their catch-up syncs done.
    const since = new Date();
    const streaming = await until(async () => (await first.counts(since)).streaming === keys.size, SPREAD_WAIT_MS);
    if (!streaming) log(`  not every room was on an open stream within ${SPREAD_WAIT_MS / 1000} s`);
    await settle();
    const readyMs = performance.now() - t0;
    let killedAt = Number.NaN;
    let failover: Promise<number> | undefined;
    const all = await changesAtRate(first, ewsUrl, {
      ...storm,
      dayOffset: 60,
      midway: {
        afterMs: (storm.seconds * 1000) / 4,
        run() {
          killedAt = performance.now();
          killedNow = true;
          const dying = killed.kill();
          failover = (async () => {
            await dying;
            const back = await until(async () => {
              const held = await holders(client, keys);
              return held.size === 2 && sum(held.values()) === keys.size;
            }, FAILOVER_WAIT_MS);
            return back ? performance.now() - killedAt : Number.NaN;
          })();
        },
      },
    });
    const failoverMs = failover ? await failover : Number.NaN;
    const takenOver = Number.isNaN(failoverMs) ? Number.POSITIVE_INFINITY : killedAt + failoverMs;
    const during = all.filter((x) => x.savedAt >= killedAt && x.savedAt <= takenOver);
    return { spreadMs, readyMs, spread, failoverMs, all, during };
  } finally {
    await client.end();
    await survivor.stop();
    if (!killedNow) await killed.stop();
  }
}

export function failoverLines(result: FailoverResult, storm: { rate: number; seconds: number }): string[] {
  const p95 = (samples: readonly StormSample[]): string => `${Math.round(percentile(seenLatencies(samples), 95))} ms`;
  const seen = (samples: readonly StormSample[]): string => `${seenLatencies(samples).length}/${samples.length} seen`;
  return [
    `three instances: the rooms spread over them in ${(result.spreadMs / 1000).toFixed(1)} s (rooms held: ${result.spread.join(', ')}); ` +
      `every room on an open stream, and Exchange quiet, after ${(result.readyMs / 1000).toFixed(1)} s`,
    `failover, kill -9 of one of three instances during ${storm.rate} changes/s for ${storm.seconds} s: ` +
      `every room held again by the other two after ${Math.round(result.failoverMs)} ms (goal: within 30 s)`,
    `  p95 change -> stored of the changes saved during the failover: ${p95(result.during)} (${seen(result.during)}); ` +
      `of all the changes: ${p95(result.all)} (${seen(result.all)})`,
  ];
}
