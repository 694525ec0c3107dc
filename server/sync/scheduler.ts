import type { ConnectedRoom } from '../ports/syncStore';
import type { DescribedFailure } from './failureWords';

/**
 * When each owned room syncs: soon after a notification (debounced), on a safety period, fully once
 * a day, and later after a failure (the server's requested wait, or exponential back-off with
 * jitter). A throttled answer pauses every room, since the budget belongs to the service account.
 *
 * Two lanes: a notified room whose first sync is done (a live change) or a sync asked for by hand
 * for one room runs in the live lane; the first sync, the daily pass, the safety syncs and retries
 * run in the bulk lane. Each lane has its own room slots, so a live change never waits for a room
 * of a first sync to finish; the Exchange calls themselves share the one budget, live first.
 */
export interface SchedulerOptions {
  readonly debounceMs: number;
  readonly safetyIntervalMs: number;
  readonly fullIntervalMs: number;
  /** Rooms of the bulk lane at once. */
  readonly concurrency: number;
  /** Rooms of the live lane at once (on top of the bulk lane's). */
  readonly liveConcurrency: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  debounceMs: 250,
  safetyIntervalMs: 5 * 60_000,
  fullIntervalMs: 24 * 60 * 60_000,
  concurrency: 8,
  liveConcurrency: 8,
  maxBackoffMs: 5 * 60_000,
};

export type SyncLane = 'live' | 'bulk';

export type SyncOutcome = { readonly ok: true } | { readonly ok: false; readonly failure: DescribedFailure };

export interface SchedulerDeps {
  readonly options: SchedulerOptions;
  /** Runs one room's sync at its lane's priority; never throws (failures come back described). */
  readonly run: (room: ConnectedRoom, full: boolean, lane: SyncLane) => Promise<SyncOutcome>;
  /** The next planned sync, for the integration overview. */
  readonly planned: (room: ConnectedRoom, at: Date) => void;
  readonly backedOff: (roomId: string | null, reason: string, delayMs: number) => void;
  readonly now: () => number;
  readonly random?: () => number;
}

interface RoomSlot {
  room: ConnectedRoom;
  timer: NodeJS.Timeout | null;
  dueAt: number | null;
  wantFull: boolean;
  running: boolean;
  again: boolean;
  failures: number;
  lastFullAt: number | null;
  /** Notified (or asked for by hand) since its last sync started: a live change waits. */
  wanted: boolean;
  /** The lane queue it waits in, if any (entries left behind in the other queue are skipped). */
  queued: SyncLane | null;
  /** Synced once since this scheduler took the room: its safety syncs are spread already. */
  syncedHere: boolean;
}

export interface Scheduler {
  /** Starts (or updates) syncing a room; `lastFullAt` says when it was last fully reconciled. */
  add(room: ConnectedRoom, lastFullAt: Date | null): void;
  remove(roomId: string): void;
  rooms(): ConnectedRoom[];
  /** A notification: sync soon, coalescing a burst into one sync. */
  poke(roomId: string): void;
  /**
   * Sync now and resolve when that sync has finished (with its outcome). `bulk`: one of many
   * ("sync all"), which must not crowd out live changes.
   */
  syncNow(roomId: string, full?: boolean, lane?: SyncLane): Promise<SyncOutcome>;
  isRunning(roomId: string): boolean;
  /** Rooms whose first sync has not run yet (those failing aside, which retry on their own). */
  firstSyncsWaiting(): number;
  /** Stops planning syncs and resolves once the ones already running have finished. */
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { options } = deps;
  const random = deps.random ?? Math.random;
  const slots = new Map<string, RoomSlot>();
  const queues: Record<SyncLane, RoomSlot[]> = { live: [], bulk: [] };
  const outcomes = new Map<string, ((outcome: SyncOutcome) => void)[]>();
  const active: Record<SyncLane, number> = { live: 0, bulk: 0 };
  const limits: Record<SyncLane, number> = { live: options.liveConcurrency, bulk: options.concurrency };
  let pausedUntil = 0;
  let pauseTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  const inFlight = new Set<Promise<void>>();

  function plan(slot: RoomSlot, delayMs: number, full = false): void {
    if (stopped || slots.get(slot.room.roomId) !== slot) return;
    slot.wantFull ||= full;
    const at = deps.now() + Math.max(0, delayMs);
    if (slot.dueAt !== null && slot.dueAt <= at) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.dueAt = at;
    deps.planned(slot.room, new Date(at));
    slot.timer = setTimeout(() => {
      slot.timer = null;
      slot.dueAt = null;
      enqueue(slot);
    }, at - deps.now());
    slot.timer.unref();
  }

  function fullDue(slot: RoomSlot): boolean {
    return slot.wantFull || slot.lastFullAt === null || deps.now() - slot.lastFullAt >= options.fullIntervalMs;
  }

  /** A first sync or a daily pass is bulk work even when a notification asked for it. */
  const laneOf = (slot: RoomSlot): SyncLane => (slot.wanted && !fullDue(slot) ? 'live' : 'bulk');

  function enqueue(slot: RoomSlot): void {
    if (slot.running) {
      slot.again = true;
      return;
    }
    const lane = laneOf(slot);
    if (slot.queued === lane) return;
    // Promoted from bulk to live: the old entry stays behind and is skipped.
    slot.queued = lane;
    queues[lane].push(slot);
    pump();
  }

  function take(lane: SyncLane): RoomSlot | undefined {
    for (let slot = queues[lane].shift(); slot; slot = queues[lane].shift()) {
      if (slot.queued === lane && slots.get(slot.room.roomId) === slot) return slot;
    }
    return undefined;
  }

  function pump(): void {
    if (stopped) return;
    const wait = pausedUntil - deps.now();
    if (wait > 0) {
      pauseTimer ??= setTimeout(() => {
        pauseTimer = null;
        pump();
      }, wait);
      pauseTimer.unref();
      return;
    }
    for (const lane of ['live', 'bulk'] as const) {
      while (active[lane] < limits[lane]) {
        const slot = take(lane);
        if (!slot) break;
        slot.queued = null;
        const running = execute(slot, lane);
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
      }
    }
  }

  function backoffMs(failures: number): number {
    const base = Math.min(options.maxBackoffMs, 1000 * 2 ** Math.min(failures, 20));
    return Math.round(base / 2 + (random() * base) / 2);
  }

  /**
   * Until the next safety sync. Rooms that synced together (a first sync or an instance's start:
   * thousands in a minute) would all come due together every period, a burst that slows the live
   * changes sharing the machine: after a room's first sync here the next one is anywhere in the
   * period after the next, and later ones keep a little jitter so that they do not bunch again.
   * Never sooner than a period after the first: the room was just read whole, and an instance's
   * first minutes (catching up, the organizers' details) are its busiest for the EWS budget.
   */
  function safetyDelayMs(firstHere: boolean): number {
    const period = options.safetyIntervalMs;
    return Math.round(firstHere ? period * (1 + random()) : period * (0.9 + 0.2 * random()));
  }

  async function execute(slot: RoomSlot, lane: SyncLane): Promise<void> {
    active[lane] += 1;
    slot.running = true;
    const full = fullDue(slot);
    slot.wantFull = false;
    slot.wanted = false;
    let outcome: SyncOutcome;
    try {
      outcome = await deps.run(slot.room, full, lane);
    } finally {
      active[lane] -= 1;
      slot.running = false;
    }
    const listeners = outcomes.get(slot.room.roomId) ?? [];
    outcomes.delete(slot.room.roomId);
    if (outcome.ok) {
      slot.failures = 0;
      if (full) slot.lastFullAt = deps.now();
      plan(slot, slot.again ? 0 : safetyDelayMs(!slot.syncedHere));
      slot.syncedHere = true;
    } else {
      slot.failures += 1;
      const delay = outcome.failure.retryAfterMs ?? backoffMs(slot.failures);
      if (outcome.failure.code === 'throttled' || outcome.failure.code === 'auth') {
        pausedUntil = Math.max(pausedUntil, deps.now() + delay);
        deps.backedOff(null, outcome.failure.code, delay);
      } else {
        deps.backedOff(slot.room.roomId, outcome.failure.code, delay);
      }
      plan(slot, delay, full);
    }
    slot.again = false;
    for (const listener of listeners) listener(outcome);
    pump();
  }

  return {
    add(room, lastFullAt) {
      const existing = slots.get(room.roomId);
      if (existing) {
        existing.room = room;
        return;
      }
      const slot: RoomSlot = {
        room,
        timer: null,
        dueAt: null,
        wantFull: false,
        running: false,
        again: false,
        failures: 0,
        lastFullAt: lastFullAt?.getTime() ?? null,
        wanted: false,
        queued: null,
        syncedHere: false,
      };
      slots.set(room.roomId, slot);
      plan(slot, 0);
    },
    remove(roomId) {
      const slot = slots.get(roomId);
      if (!slot) return;
      if (slot.timer) clearTimeout(slot.timer);
      slots.delete(roomId);
    },
    rooms: () => [...slots.values()].map((s) => s.room),
    poke(roomId) {
      const slot = slots.get(roomId);
      if (!slot) return;
      slot.wanted = true;
      // Already waiting in the bulk lane (a safety sync due): that sync carries the change, so it
      // moves up to the live lane now instead of syncing twice.
      if (slot.queued === 'bulk') enqueue(slot);
      else plan(slot, options.debounceMs);
    },
    syncNow(roomId, full = false, lane = 'live') {
      const slot = slots.get(roomId);
      if (!slot)
        return Promise.resolve({
          ok: false,
          failure: {
            code: 'not-owned',
            message: 'Another Roomserve instance syncs this room.',
            retryAfterMs: undefined,
          },
        });
      return new Promise<SyncOutcome>((resolve) => {
        const listeners = outcomes.get(roomId) ?? [];
        // A sync already running may have read Exchange before the request: wait for the next one.
        if (slot.running) {
          slot.again = true;
          listeners.push(() => {
            outcomes.set(roomId, [...(outcomes.get(roomId) ?? []), resolve]);
          });
        } else listeners.push(resolve);
        outcomes.set(roomId, listeners);
        if (lane === 'live') slot.wanted = true;
        plan(slot, 0, full);
      });
    },
    isRunning: (roomId) => slots.get(roomId)?.running ?? false,
    firstSyncsWaiting: () => [...slots.values()].filter((s) => s.lastFullAt === null && s.failures === 0).length,
    async stop() {
      stopped = true;
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
      if (pauseTimer) clearTimeout(pauseTimer);
      slots.clear();
      queues.live.length = 0;
      queues.bulk.length = 0;
      // A sync in flight still writes its bookings: the database must outlive it.
      await Promise.allSettled([...inFlight]);
    },
  };
}
