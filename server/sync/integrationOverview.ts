import { AppError, notFound } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { SyncStore } from '../ports/syncStore';
import type {
  FirstSyncProgress,
  IntegrationOverview,
  IntegrationRoom,
  ServerInfo,
  SyncRunView,
} from '../../shared/schemas/integration';
import { horizonWindow, type Horizon } from './horizon';
import type { SyncController } from './syncController';
import type { SyncRun } from './syncRuntime';

export interface IntegrationServiceDeps {
  readonly store: SyncStore;
  readonly controller: SyncController;
  readonly clock: Clock;
  readonly horizon?: Horizon;
  /** Whether the built-in Exchange simulator is what the sync talks to. */
  readonly simulatedExchange: () => boolean;
  readonly demo: boolean;
}

export interface IntegrationService {
  overview(): Promise<IntegrationOverview>;
  startSync(roomId?: string): Promise<SyncRunView>;
  syncRun(id: string): SyncRunView;
  info(): ServerInfo;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function runView(run: SyncRun): SyncRunView {
  return {
    id: run.id,
    startedAt: run.startedAt.toISOString(),
    finishedAt: iso(run.finishedAt),
    total: run.rooms.length,
    completed: run.rooms.filter((r) => r.state === 'done' || r.state === 'failed' || r.state === 'elsewhere').length,
    failed: run.rooms.filter((r) => r.state === 'failed').length,
    rooms: run.rooms.map((r) => ({ ...r })),
  };
}

/** Both phases of the first sync over the rooms that are synced (verified and active). */
function firstSyncProgress(rooms: readonly IntegrationRoom[]): FirstSyncProgress {
  const synced = rooms.filter((r) => r.verification.state === 'verified' && r.active);
  const listed = synced.filter((r) => r.lastSuccessfulSyncAt !== null);
  return {
    phase1: { done: listed.length, total: synced.length },
    phase2: {
      done: listed.filter((r) => r.detailsPending === 0).length,
      total: synced.length,
      bookingsPending: synced.reduce((sum, r) => sum + r.detailsPending, 0),
    },
  };
}

export function createIntegrationService(deps: IntegrationServiceDeps): IntegrationService {
  function runtime(): NonNullable<ReturnType<SyncController['current']>> {
    const current = deps.controller.current();
    if (!current)
      throw new AppError('unavailable', 'No Exchange connection is configured, so there is nothing to sync.');
    return current;
  }

  return {
    async overview() {
      const window = horizonWindow(deps.clock.now(), deps.horizon);
      const [rooms, records, counts, pending] = await Promise.all([
        deps.store.listExchangeRooms(),
        deps.store.allRoomSync(),
        deps.store.countLiveBookings(window),
        deps.store.countDetailsPending(),
      ]);
      const recordOf = new Map(records.map((r) => [r.roomId, r]));
      const current = deps.controller.current();
      const out: IntegrationRoom[] = rooms.map((room) => {
        const record = recordOf.get(room.roomId);
        const sameFeed = record?.mailbox === room.mailbox ? record : undefined;
        const synced = room.verification === 'verified' && room.active;
        return {
          roomId: room.roomId,
          name: room.name,
          email: room.mailbox,
          active: room.active,
          verification: { state: room.verification, checkedAt: iso(room.checkedAt), error: room.verificationError },
          subscription: synced && current ? (sameFeed?.streamState ?? 'none') : 'none',
          syncing: current?.isSyncing(room.roomId) ?? false,
          lastSuccessfulSyncAt: iso(sameFeed?.lastSuccessAt ?? null),
          lastFullSyncAt: iso(sameFeed?.lastFullSyncAt ?? null),
          nextSyncAt: synced && current ? iso(sameFeed?.nextSyncAt ?? null) : null,
          bookingsInHorizon: counts.get(room.roomId) ?? 0,
          detailsPending: pending.get(room.roomId) ?? 0,
          lastError:
            sameFeed?.lastError && sameFeed.lastErrorAt
              ? {
                  code: sameFeed.lastErrorCode ?? 'internal',
                  message: sameFeed.lastError,
                  at: sameFeed.lastErrorAt.toISOString(),
                }
              : null,
        };
      });
      return {
        exchangeConfigured: current !== null,
        simulatedExchange: deps.simulatedExchange(),
        horizon: { start: window.start.toISOString(), end: window.end.toISOString() },
        rooms: out,
        firstSync: firstSyncProgress(out),
        totals: {
          rooms: out.length,
          verified: out.filter((r) => r.verification.state === 'verified').length,
          failedVerification: out.filter((r) => r.verification.state === 'failed').length,
          streaming: out.filter((r) => r.subscription === 'streaming').length,
          pull: out.filter((r) => r.subscription === 'pull').length,
          syncedOnce: out.filter((r) => r.lastSuccessfulSyncAt !== null).length,
          withErrors: out.filter((r) => r.lastError !== null).length,
          bookingsInHorizon: out.reduce((sum, r) => sum + r.bookingsInHorizon, 0),
        },
      };
    },
    async startSync(roomId) {
      return runView(await runtime().startRun(roomId));
    },
    syncRun(id) {
      const run = deps.controller.current()?.run(id);
      if (!run) throw notFound('Sync run', id);
      return runView(run);
    },
    info: () => ({ simulatedExchange: deps.simulatedExchange(), demo: deps.demo }),
  };
}
