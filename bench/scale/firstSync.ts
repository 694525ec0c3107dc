/**
 * The organisation the scale benches run against (the simulator in its own process, seeded with
 * the rooms' meetings from tomorrow on) and Roomserve's first sync of it, timed phase by phase.
 */
import type { RoomserveProcess } from '../sync/roomserveClient';
import { difference, startBenchSim, total, type BenchSim } from '../sync/simClient';
import { log, seconds } from './terminal';

const DAY_MS = 86_400_000;

export function startScaleSim(rooms: number, meetingsPerRoom: number): Promise<BenchSim> {
  const firstDay = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS).toISOString();
  return startBenchSim({ rooms, meetingsPerRoom, firstDay });
}

export interface Phases {
  readonly firstRoomMs: number;
  readonly phase1Ms: number;
  readonly phase2Ms: number;
  /** The service account's EWS requests from the start until phase 2 was complete. */
  readonly requests: number;
  /** The service account's EWS requests from the start to every room searchable, by operation. */
  readonly phase1Requests: string;
}

/** EWS requests by operation, most first; with `per`, each divided by it. */
export const byOperation = (counts: Record<string, number>, per = 1): string =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([operation, n]) => `${operation} ${per === 1 ? n : (n / per).toFixed(2)}`)
    .join(', ');

/** Starts the sync and waits until every room is searchable (phase 1) and no detail is pending (phase 2). */
export async function firstSync(roomserve: RoomserveProcess, sim: BenchSim): Promise<Phases> {
  const rooms = roomserve.rooms.length;
  const before = await sim.serviceRequests();
  const since = new Date();
  const t0 = performance.now();
  // Counted while the sync starts: its start claims every room, and the first rooms sync meanwhile.
  let started = false;
  let startFailure: Error | undefined;
  const starting = roomserve.startSync().then(
    () => {
      started = true;
    },
    (err: unknown) => {
      startFailure = err instanceof Error ? err : new Error(`the sync did not start: ${String(err)}`);
    },
  );
  let firstRoomMs = Number.NaN;
  let phase1Ms = Number.NaN;
  let phase1Requests = '';
  let shown = t0;
  for (;;) {
    if (startFailure !== undefined) throw startFailure;
    // Until every room is searchable only that is counted, every 50 ms: counting the pending
    // bookings as often would load the database the sync under test writes to. Then phase 2's
    // progress, less often.
    const inPhase1 = Number.isNaN(phase1Ms);
    const { synced, pending } = inPhase1
      ? { synced: await roomserve.syncedSince(since), pending: Number.NaN }
      : await roomserve.counts(since);
    const now = performance.now() - t0;
    if (synced > 0 && Number.isNaN(firstRoomMs)) firstRoomMs = now;
    if (synced >= rooms && inPhase1) {
      phase1Ms = now;
      phase1Requests = byOperation(difference(await sim.serviceRequests(), before));
    }
    if (!inPhase1 && pending === 0 && started) {
      await starting;
      const requests = total(difference(await sim.serviceRequests(), before));
      return { firstRoomMs, phase1Ms, phase2Ms: now, requests, phase1Requests };
    }
    if (performance.now() - shown > 10_000) {
      shown = performance.now();
      const waiting = inPhase1 ? '' : `, ${pending} bookings waiting for details`;
      log(`  ${synced}/${rooms} rooms searchable${waiting} after ${seconds(now)}`);
    }
    await new Promise((r) => setTimeout(r, inPhase1 ? 50 : 250));
  }
}
