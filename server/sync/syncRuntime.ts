import { randomUUID } from 'node:crypto';
import { notFound } from '../domain/errors';
import type { CalendarGateway } from '../ports/calendarGateway';
import type { Clock } from '../ports/clock';
import { RoomLeaseLost, type RoomLeases } from '../ports/roomLeases';
import type { ConnectedRoom, StreamState, SyncStore } from '../ports/syncStore';
import { describeFailure } from './failureWords';
import type { Horizon } from './horizon';
import type { BookingChangeListener } from '../ports/bookingChanges';
import { silentObserver, type SyncObserver } from './observer';
import { createRoomSynchronizer } from './roomSynchronizer';
import { atPriority } from '../ports/workPriority';
import { createDetailQueue } from './detailQueue';
import {
  createScheduler,
  DEFAULT_SCHEDULER_OPTIONS,
  type SchedulerOptions,
  type SyncLane,
  type SyncOutcome,
} from './scheduler';
import { createStreamSupervisor, type StreamSupervisorDeps } from './streamSupervisor';

/** The part of pino the sync runtime logs through. */
export interface SyncLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SyncRuntimeDeps {
  readonly gateway: CalendarGateway;
  readonly store: SyncStore;
  readonly clock: Clock;
  readonly leases: RoomLeases;
  readonly logger: SyncLogger;
  readonly observer?: SyncObserver;
  /** Told after each room sync which bookings it changed (catering orders, pending bookings). */
  readonly bookingChanges?: readonly BookingChangeListener[];
  readonly horizon?: Horizon;
  readonly pageSize?: number;
  readonly scheduler?: Partial<SchedulerOptions>;
  /** How often rooms are claimed (and freed rooms of dead instances taken over). */
  readonly claimIntervalMs?: number;
  /** Phase 2 of first syncs: rooms filled at once, and the wait after a failure. */
  /**
   * Phase 2: `concurrency` groups of rooms at once, each of about `groupBookings` pending bookings
   * (what phase 2 holds in memory is about concurrency x groupBookings bookings with their details).
   */
  readonly details?: { readonly concurrency?: number; readonly groupBookings?: number; readonly retryMs?: number };
  readonly streams?: Pick<
    StreamSupervisorDeps,
    | 'groupSize'
    | 'initialBackoffMs'
    | 'maxBackoffMs'
    | 'openTimeoutMs'
    | 'maxLifetimeMs'
    | 'fallbackAfterFailures'
    | 'minHealthyMs'
    | 'pullIntervalMs'
    | 'streamingRetryMs'
  >;
}

export type SyncRunRoomState = 'queued' | 'running' | 'done' | 'failed' | 'elsewhere';

export interface SyncRunRoom {
  readonly roomId: string;
  readonly name: string;
  readonly state: SyncRunRoomState;
  readonly error: string | null;
}

export interface SyncRun {
  readonly id: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly rooms: readonly SyncRunRoom[];
}

export interface SyncRuntime {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One claim round: take free rooms, give up disconnected ones, watch their calendars. */
  claim(): Promise<void>;
  /** Starts a manual sync of one room or all; the run reports progress while it goes. */
  startRun(roomId?: string): Promise<SyncRun>;
  run(id: string): SyncRun | undefined;
  ownedRoomIds(): string[];
  isSyncing(roomId: string): boolean;
  /** Resolves when the room's next sync has finished. */
  syncNow(roomId: string, full?: boolean): Promise<SyncOutcome>;
  /** Owned rooms still waiting for phase 2 of their first sync (the organizers' details). */
  roomsAwaitingDetails(): number;
}

interface MutableRun {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  rooms: { roomId: string; name: string; state: SyncRunRoomState; error: string | null }[];
}

const KEPT_RUNS = 20;

/** The stream supervisor's order of mailboxes (lower case, code unit order). */
function byMailbox(a: ConnectedRoom, b: ConnectedRoom): number {
  const [x, y] = [a.mailbox.toLowerCase(), b.mailbox.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function createSyncRuntime(deps: SyncRuntimeDeps): SyncRuntime {
  const observer = deps.observer ?? silentObserver;
  const { store, leases, logger, clock } = deps;
  const synchronizer = createRoomSynchronizer({
    gateway: deps.gateway,
    store,
    clock,
    ...(deps.horizon ? { horizon: deps.horizon } : {}),
    ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
  });
  const runs: MutableRun[] = [];
  const roomOfMailbox = new Map<string, string>();
  let claimTimer: NodeJS.Timeout | null = null;
  let stateWrites: Promise<void> = Promise.resolve();
  let claiming: Promise<void> | null = null;

  function background(work: Promise<unknown>, what: string): void {
    work.catch((err: unknown) => logger.error({ err }, what));
  }

  /** The bookings are committed already: a failing listener is logged and catches up by its own sweep. */
  async function tellListeners(roomId: string, bookingIds: readonly string[]): Promise<void> {
    if (bookingIds.length === 0) return;
    for (const listener of deps.bookingChanges ?? []) {
      try {
        await listener.bookingsChanged({ roomId, bookingIds });
      } catch (err) {
        logger.error({ err, roomId }, 'a booking-change listener failed');
      }
    }
  }

  const details = createDetailQueue({
    fill: (rooms) => synchronizer.fillDetailsOfRooms(rooms),
    concurrency: deps.details?.concurrency ?? 2,
    groupBookings: deps.details?.groupBookings ?? 5_000,
    retryMs: deps.details?.retryMs ?? 30_000,
    phaseOneBusy: () => scheduler.firstSyncsWaiting() > 0,
    filled: async (room, outcome) => {
      await tellListeners(room.roomId, outcome.changedBookingIds);
      logger.info({ roomId: room.roomId, filled: outcome.filled, skipped: outcome.skipped }, 'room details filled');
    },
    failed: (room, err) => logger.warn({ roomId: room.roomId, err }, 'filling in the organizers’ details failed'),
  });

  async function runRoom(room: ConnectedRoom, full: boolean, lane: SyncLane): Promise<SyncOutcome> {
    const started = Date.now();
    try {
      const outcome = await atPriority(lane, () => synchronizer.syncRoom(room, { full }));
      await tellListeners(room.roomId, outcome.changedBookingIds);
      if (outcome.detailsPending > 0) details.add(room, outcome.detailsPending);
      observer.syncFinished({
        roomId: room.roomId,
        mode: outcome.mode,
        durationMs: Date.now() - started,
        outcome: 'ok',
      });
      if (outcome.created + outcome.updated + outcome.cancelled > 0 || outcome.mode !== 'incremental') {
        const { changedBookingIds, ...counts } = outcome;
        logger.info({ roomId: room.roomId, ...counts, changed: changedBookingIds.length }, 'room synced');
      }
      return { ok: true };
    } catch (err) {
      const failure = describeFailure(err);
      if (err instanceof RoomLeaseLost) {
        // Nothing was written; the room's failure record is now its new holder's to keep.
        logger.warn({ roomId: room.roomId }, 'room lease lost during its sync; the sync was rolled back');
        return { ok: false, failure };
      }
      observer.syncFinished({
        roomId: room.roomId,
        mode: full ? 'full' : 'incremental',
        durationMs: Date.now() - started,
        outcome: 'error',
        errorKind: failure.code,
      });
      logger.warn({ roomId: room.roomId, code: failure.code, err }, 'room sync failed');
      try {
        await store.recordFailure(room.roomId, room.mailbox, {
          code: failure.code,
          message: failure.message,
          at: clock.now(),
        });
      } catch (recordErr) {
        logger.error({ err: recordErr }, 'could not record a sync failure');
      }
      return { ok: false, failure };
    }
  }

  const scheduler = createScheduler({
    options: { ...DEFAULT_SCHEDULER_OPTIONS, ...deps.scheduler },
    run: runRoom,
    planned: (room, at) =>
      background(store.scheduleNext(room.roomId, room.mailbox, at), 'could not store the next sync time'),
    backedOff: (roomId, reason, delayMs) => observer.backOff({ roomId, reason, delayMs }),
    now: () => Date.now(),
  });

  const roomsOf = (mailboxes: readonly string[]): { roomId: string; mailbox: string }[] =>
    mailboxes.flatMap((m) => {
      const roomId = roomOfMailbox.get(m.toLowerCase());
      return roomId ? [{ roomId, mailbox: m.toLowerCase() }] : [];
    });
  const roomIdsOf = (mailboxes: readonly string[]): string[] =>
    mailboxes.flatMap((m) => roomOfMailbox.get(m.toLowerCase()) ?? []);

  const supervisor = createStreamSupervisor({
    gateway: deps.gateway,
    ...deps.streams,
    onChange: (mailbox) => {
      const roomId = roomOfMailbox.get(mailbox.toLowerCase());
      if (roomId) scheduler.poke(roomId);
    },
    // A room whose sync has not started yet reads after the subscription: the poke joins that sync.
    // One that already read (a first sync racing the subscription, a re-formed or dropped group) is
    // synced once more, so no change made before the subscription opened waits for the safety sync.
    onOpened: (mailboxes) => {
      for (const roomId of roomIdsOf(mailboxes)) scheduler.poke(roomId);
    },
    onState: (mailboxes, state: StreamState) => {
      // In order: a late 'connecting' must never overwrite the 'streaming' that followed it.
      const rooms = roomsOf(mailboxes);
      stateWrites = stateWrites
        .then(() => store.setStreamState(rooms, state))
        .catch((err: unknown) => logger.error({ err }, 'could not store the stream state'));
    },
    onReconnect: (mailboxes, attempt, reason) => {
      observer.streamReconnect({ mailboxes, attempt, reason });
      logger.warn({ mailboxes, attempt, reason }, 'calendar stream reconnecting');
    },
  });

  function watchOwned(): void {
    roomOfMailbox.clear();
    for (const room of scheduler.rooms()) roomOfMailbox.set(room.mailbox, room.roomId);
    supervisor.watch([...roomOfMailbox.keys()]);
  }

  leases.onLost((roomIds) => {
    logger.warn({ rooms: roomIds.length }, 'room leases lost; another instance may take these rooms');
    for (const roomId of roomIds) {
      scheduler.remove(roomId);
      details.remove(roomId);
    }
    watchOwned();
  });

  /** Gives up rooms beyond this instance's share (idle ones only), for the other instances to take. */
  async function shed(owned: readonly ConnectedRoom[], share: number): Promise<number> {
    let surplus = owned.length - share;
    for (const room of owned) {
      if (surplus <= 0) break;
      if (scheduler.isRunning(room.roomId)) continue;
      scheduler.remove(room.roomId);
      details.remove(room.roomId);
      await leases.release(room.roomId);
      surplus -= 1;
    }
    return owned.length - share - surplus;
  }

  async function claimRound(): Promise<void> {
    const connected = await store.listConnectedRooms();
    const wanted = new Set(connected.map((r) => r.roomId));
    for (const room of scheduler.rooms()) {
      if (wanted.has(room.roomId)) continue;
      scheduler.remove(room.roomId);
      details.remove(room.roomId);
      await leases.release(room.roomId);
    }
    const share = await leases.share(connected.length);
    const owned = scheduler.rooms();
    const given = await shed(owned, share);
    const holding = owned.length - given;
    const mine = new Set(scheduler.rooms().map((r) => r.roomId));
    const unowned = connected.filter((room) => !mine.has(room.roomId));
    const acquired = new Set(
      await leases.acquireUpTo(
        unowned.map((r) => r.roomId),
        Math.max(0, share - holding),
      ),
    );
    if (acquired.size > 0) {
      const records = new Map((await store.allRoomSync()).map((r) => [`${r.roomId} ${r.mailbox}`, r]));
      // In mailbox order, as the stream supervisor opens their groups (see its openNext).
      const claimed = unowned.filter((r) => acquired.has(r.roomId)).sort(byMailbox);
      for (const room of claimed)
        scheduler.add(room, records.get(`${room.roomId} ${room.mailbox}`)?.lastFullSyncAt ?? null);
    }
    if (given > 0) logger.info({ rooms: given, share }, 'left rooms to the other instances');
    // Phase 2 resumes where another instance (or this one before a restart) left it.
    const pending = await store.countDetailsPending();
    for (const room of scheduler.rooms()) {
      const count = pending.get(room.roomId);
      if (count) details.add(room, count);
    }
    watchOwned();
  }

  function claim(): Promise<void> {
    claiming ??= claimRound().finally(() => {
      claiming = null;
    });
    return claiming;
  }

  function snapshot(run: MutableRun): SyncRun {
    return {
      id: run.id,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      rooms: run.rooms.map((r) => ({
        ...r,
        state: r.state === 'queued' && scheduler.isRunning(r.roomId) ? 'running' : r.state,
      })),
    };
  }

  return {
    async start() {
      await claim();
      claimTimer = setInterval(() => background(claim(), 'room claim round failed'), deps.claimIntervalMs ?? 10_000);
      claimTimer.unref();
    },
    async stop() {
      if (claimTimer) clearInterval(claimTimer);
      await Promise.all([scheduler.stop(), supervisor.stop(), details.stop()]);
      await stateWrites;
      await leases.close();
    },
    claim,
    async startRun(roomId) {
      await claim();
      const connected = await store.listConnectedRooms();
      const rooms = roomId === undefined ? connected : connected.filter((r) => r.roomId === roomId);
      if (roomId !== undefined && rooms.length === 0) throw notFound('Connected room', roomId);
      const owned = new Set(scheduler.rooms().map((r) => r.roomId));
      const run: MutableRun = {
        id: randomUUID(),
        startedAt: clock.now(),
        finishedAt: null,
        rooms: rooms.map((r) => ({
          roomId: r.roomId,
          name: r.name,
          state: owned.has(r.roomId) ? 'queued' : 'elsewhere',
          error: null,
        })),
      };
      runs.unshift(run);
      runs.length = Math.min(runs.length, KEPT_RUNS);
      const pending = run.rooms
        .filter((entry) => entry.state === 'queued')
        .map(async (entry) => {
          // "Sync all" is bulk work; one room asked for by hand is what the admin waits for.
          const outcome = await scheduler.syncNow(entry.roomId, false, roomId === undefined ? 'bulk' : 'live');
          entry.state = outcome.ok ? 'done' : 'failed';
          entry.error = outcome.ok ? null : outcome.failure.message;
        });
      background(
        Promise.all(pending).then(() => {
          run.finishedAt = clock.now();
        }),
        'manual sync failed',
      );
      return snapshot(run);
    },
    run(id) {
      const found = runs.find((r) => r.id === id);
      return found ? snapshot(found) : undefined;
    },
    ownedRoomIds: () => scheduler.rooms().map((r) => r.roomId),
    isSyncing: (roomId) => scheduler.isRunning(roomId),
    syncNow: (roomId, full) => scheduler.syncNow(roomId, full),
    roomsAwaitingDetails: () => details.size(),
  };
}
