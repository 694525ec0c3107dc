import type { ConnectedRoom } from '../ports/syncStore';
import type { DescribedFailure } from './failureWords';

/**
 * When each owned room syncs: soon after a notification (debounced), on a safety period, fully once
 * a day, and later after a failure (the server's requested wait, or exponential back-off with
 * jitter). At most `concurrency` rooms sync at once; a throttled answer pauses every room, since
 * the budget belongs to the service account.
 */
export interface SchedulerOptions {
  readonly debounceMs: number;
  readonly safetyIntervalMs: number;
  readonly fullIntervalMs: number;
  readonly concurrency: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  debounceMs: 250,
  safetyIntervalMs: 5 * 60_000,
  fullIntervalMs: 24 * 60 * 60_000,
  concurrency: 8,
  maxBackoffMs: 5 * 60_000,
};

export type SyncOutcome = { readonly ok: true } | { readonly ok: false; readonly failure: DescribedFailure };

export interface SchedulerDeps {
  readonly options: SchedulerOptions;
  /** Runs one room's sync; never throws (failures come back described). */
  readonly run: (room: ConnectedRoom, full: boolean) => Promise<SyncOutcome>;
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
}

export interface Scheduler {
  /** Starts (or updates) syncing a room; `lastFullAt` says when it was last fully reconciled. */
  add(room: ConnectedRoom, lastFullAt: Date | null): void;
  remove(roomId: string): void;
  rooms(): ConnectedRoom[];
  /** A notification: sync soon, coalescing a burst into one sync. */
  poke(roomId: string): void;
  /** Sync now and resolve when that sync has finished (with its outcome). */
  syncNow(roomId: string, full?: boolean): Promise<SyncOutcome>;
  isRunning(roomId: string): boolean;
  /** Stops planning syncs and resolves once the ones already running have finished. */
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { options } = deps;
  const random = deps.random ?? Math.random;
  const slots = new Map<string, RoomSlot>();
  const queue: RoomSlot[] = [];
  const outcomes = new Map<string, ((outcome: SyncOutcome) => void)[]>();
  let active = 0;
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

  function enqueue(slot: RoomSlot): void {
    if (slot.running) {
      slot.again = true;
      return;
    }
    if (!queue.includes(slot)) queue.push(slot);
    pump();
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
    while (active < options.concurrency && queue.length > 0) {
      const slot = queue.shift();
      if (slot && slots.get(slot.room.roomId) === slot) {
        const running = execute(slot);
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
      }
    }
  }

  function backoffMs(failures: number): number {
    const base = Math.min(options.maxBackoffMs, 1000 * 2 ** Math.min(failures, 20));
    return Math.round(base / 2 + (random() * base) / 2);
  }

  async function execute(slot: RoomSlot): Promise<void> {
    active += 1;
    slot.running = true;
    const full = slot.wantFull || slot.lastFullAt === null || deps.now() - slot.lastFullAt >= options.fullIntervalMs;
    slot.wantFull = false;
    let outcome: SyncOutcome;
    try {
      outcome = await deps.run(slot.room, full);
    } finally {
      active -= 1;
      slot.running = false;
    }
    const listeners = outcomes.get(slot.room.roomId) ?? [];
    outcomes.delete(slot.room.roomId);
    if (outcome.ok) {
      slot.failures = 0;
      if (full) slot.lastFullAt = deps.now();
      plan(slot, slot.again ? 0 : options.safetyIntervalMs);
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
      if (slot) plan(slot, options.debounceMs);
    },
    syncNow(roomId, full = false) {
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
        plan(slot, 0, full);
      });
    },
    isRunning: (roomId) => slots.get(roomId)?.running ?? false,
    async stop() {
      stopped = true;
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
      if (pauseTimer) clearTimeout(pauseTimer);
      slots.clear();
      queue.length = 0;
      // A sync in flight still writes its bookings: the database must outlive it.
      await Promise.allSettled([...inFlight]);
    },
  };
}
