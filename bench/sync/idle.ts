/**
 * (d) Idle cost: EWS requests per room per hour while nothing changes in Exchange.
 *
 * An hour is too long for a bench, so the sync runtime runs with every periodic timer divided by
 * `factor`: safety sync period, daily full pass, claim interval, stream lifetime (Exchange's
 * ConnectionTimeout of 30 min, after which it closes a stream and the runtime reopens it and
 * catches up) and the reconnect back-off. This phase composes the sync with those timers as
 * overrides (composeSync, as composeApp does), on the same gateway and database as the composed
 * app, after stopping the composed one.
 *
 * The measured window starts a quarter hour (scaled) after every stream is open, so the two stream
 * reconnects of an hour (at 30 and 60 min of stream age) both fall inside it. A daily full pass is
 * unlikely to fall into one measured hour; its cost is measured apart (measureFullPass, on rooms of
 * the full-size organisation) and added as 1/24 per hour. Fewer rooms than (a) use, so that the
 * scaled timers stay within what this machine serves: the figure is per room, and the only cost
 * shared between rooms is one GetStreamingEvents per 200 rooms. A room plans its next safety sync
 * when its sync ends, so time spent queueing stretches the period; scaled down, that stretch weighs
 * `factor` times more than in real time and the count comes out low (the report flags it).
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { systemClock } from '../../server/adapters/clock/systemClock';
import { createSyncStore } from '../../server/adapters/db/repositories/syncStore';
import { composeSync } from '../../server/compose/sync';
import type { CalendarGateway } from '../../server/ports/calendarGateway';
import { createSyncMetrics } from '../../server/sync/metrics';
import type { SyncObserver } from '../../server/sync/observer';
import { createRoomSynchronizer } from '../../server/sync/roomSynchronizer';
import { DEFAULT_SCHEDULER_OPTIONS } from '../../server/sync/scheduler';
import type { BenchRoom } from './roomserve';
import { syncProgress, waitFor } from './roomserve';
import { difference, total, type BenchSim, type OperationCounts } from './simClient';

const HOUR_MS = 3_600_000;
/**
 * The runtime's watchdog: a stream older than this is hung (Exchange closes connections after its
 * 30-minute ConnectionTimeout, scaled in the simulator too, and the adapter renews them).
 */
const STREAM_WATCHDOG_MS = 31 * 60_000;
/** The runtime's defaults (server/sync/syncRuntime.ts, streamSupervisor.ts) that are not exported. */
const CLAIM_INTERVAL_MS = 10_000;
const STREAM_INITIAL_BACKOFF_MS = 1000;
const STREAM_MAX_BACKOFF_MS = 60_000;

export interface IdleResult {
  readonly factor: number;
  readonly scaledHourMs: number;
  readonly rooms: number;
  /** Service-account requests in the measured (scaled) hour, by operation. */
  readonly hour: OperationCounts;
  readonly syncs: number;
  readonly reconnects: number;
  /** Requests of one daily full pass, averaged over the sampled rooms. */
  readonly fullPass: FullPassCost;
  readonly perRoomHour: number;
}

export interface IdleContext {
  readonly knex: Knex;
  readonly gateway: CalendarGateway;
  readonly sim: BenchSim;
  readonly rooms: readonly BenchRoom[];
  readonly logger: Logger;
  readonly factor: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function measureHour(
  context: IdleContext,
): Promise<{ hour: OperationCounts; syncs: number; reconnects: number }> {
  const f = context.factor;
  let syncs = 0;
  let reconnects = 0;
  const observer: SyncObserver = {
    syncFinished: () => {
      syncs += 1;
    },
    backOff: () => undefined,
    streamReconnect: () => {
      reconnects += 1;
    },
  };
  const runtime = composeSync({
    infrastructure: { knex: context.knex, clock: systemClock, logger: context.logger, metrics: createSyncMetrics() },
    bookingChanges: [],
    settings: {
      runtime: {
        observer,
        scheduler: {
          safetyIntervalMs: DEFAULT_SCHEDULER_OPTIONS.safetyIntervalMs / f,
          fullIntervalMs: DEFAULT_SCHEDULER_OPTIONS.fullIntervalMs / f,
          maxBackoffMs: DEFAULT_SCHEDULER_OPTIONS.maxBackoffMs / f,
        },
        claimIntervalMs: CLAIM_INTERVAL_MS / f,
        streams: {
          maxLifetimeMs: STREAM_WATCHDOG_MS / f,
          initialBackoffMs: STREAM_INITIAL_BACKOFF_MS / f,
          maxBackoffMs: STREAM_MAX_BACKOFF_MS / f,
        },
      },
    },
  }).runtimeOn(context.gateway);
  const started = new Date();
  await runtime.start();
  try {
    const rooms = context.rooms.length;
    await waitFor(
      'every room synced and streaming (idle phase)',
      async () => {
        const p = await syncProgress(context.knex, started);
        return p.synced >= rooms && p.streaming >= rooms;
      },
      120_000,
    );
    await sleep(HOUR_MS / f / 4);
    const before = await context.sim.serviceRequests();
    const syncsBefore = syncs;
    const reconnectsBefore = reconnects;
    await sleep(HOUR_MS / f);
    const after = await context.sim.serviceRequests();
    return { hour: difference(after, before), syncs: syncs - syncsBefore, reconnects: reconnects - reconnectsBefore };
  } finally {
    await runtime.stop();
  }
}

export interface FullPassCost {
  /** Mean requests of one full pass of a room; NaN when no room could be measured. */
  readonly mean: number;
  readonly sample: number;
  readonly meetingsPerRoom: number;
  /** All requests of the sampled passes, by operation. */
  readonly requests: OperationCounts;
}

/**
 * Mean EWS requests of the daily full reconciliation of a room where nothing changed, through the
 * room synchroniser the runtime uses. Run it while no runtime is syncing, so that only it counts.
 */
export async function measureFullPass(
  context: Pick<IdleContext, 'knex' | 'gateway' | 'sim'>,
  rooms: readonly BenchRoom[],
  meetingsPerRoom: number,
): Promise<FullPassCost> {
  const synchronizer = createRoomSynchronizer({
    gateway: context.gateway,
    store: createSyncStore(context.knex),
    clock: systemClock,
  });
  const connected = rooms.map((room) => ({ ...room, name: room.mailbox }));
  // A daily pass finds a room whose first sync ended long before, its organizers' details filled
  // (phase 2): fill them first, uncounted, or the pass is measured doing phase 2's work.
  for (const room of connected) await synchronizer.fillDetails(room);
  await context.sim.untilQuiet(500, 60_000);
  const before = await context.sim.serviceRequests();
  for (const room of connected) await synchronizer.syncRoom(room, { full: true });
  const requests = difference(await context.sim.serviceRequests(), before);
  return {
    mean: rooms.length === 0 ? Number.NaN : total(requests) / rooms.length,
    sample: rooms.length,
    meetingsPerRoom,
    requests,
  };
}

export async function measureIdle(context: IdleContext, fullPass: FullPassCost): Promise<IdleResult> {
  const { hour, syncs, reconnects } = await measureHour(context);
  const rooms = context.rooms.length;
  return {
    factor: context.factor,
    scaledHourMs: HOUR_MS / context.factor,
    rooms,
    hour,
    syncs,
    reconnects,
    fullPass,
    // Without a measured full pass the figure is the measured hour alone (the report says so).
    perRoomHour: total(hour) / rooms + (Number.isNaN(fullPass.mean) ? 0 : fullPass.mean / 24),
  };
}
