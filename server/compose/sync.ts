import { createSyncStore } from '../adapters/db/repositories/syncStore';
import { watchTableGrowth } from '../adapters/db/tableStatistics';
import type { LeaseFence } from '../adapters/db/advisoryRoomLeases';
import type { BookingChangeListener } from '../ports/bookingChanges';
import type { CalendarGateway } from '../ports/calendarGateway';
import type { RoomLeases } from '../ports/roomLeases';
import type { ExchangeService } from '../services/exchange';
import { createInProcessRoomLeases } from '../sync/inProcessRoomLeases';
import { createIntegrationService, type IntegrationService } from '../sync/integrationOverview';
import type { SyncObserver } from '../sync/observer';
import { createSyncController, type SyncController } from '../sync/syncController';
import { createSyncRuntime, type SyncRuntime, type SyncRuntimeDeps } from '../sync/syncRuntime';
import type { Infrastructure } from './infrastructure';

/** The Exchange → Roomserve sync and the admin's view of it. */
export interface SyncFeature {
  /** Off until `restart(gateway)`; main() starts it on the saved connection. */
  readonly sync: SyncController;
  readonly integration: IntegrationService;
  /** A runtime on this gateway, wired as the controller wires its own (for tests that drive several). */
  runtimeOn(gateway: CalendarGateway): SyncRuntime;
}

/** Timers, page size, horizon and an extra observer: tests and benches shorten what production keeps. */
export type SyncRuntimeOverrides = Pick<
  SyncRuntimeDeps,
  'observer' | 'horizon' | 'pageSize' | 'scheduler' | 'claimIntervalMs' | 'streams' | 'details'
>;

export interface SyncSettings {
  /** How rooms are leased among instances (default: in-process); a fence guards each sync's commit. */
  readonly leases?: (() => RoomLeases & { readonly fence?: LeaseFence }) | undefined;
  /** Shown in /api/info: demo mode, and whether the bundled simulator is what the sync talks to. */
  readonly demo?: boolean | undefined;
  readonly simulatedExchange?: (() => boolean) | undefined;
  /** Restart the sync on the new gateway whenever the Exchange connection changes, saved on any instance (main: on; tests: off). */
  readonly followSettings?: boolean | undefined;
  readonly runtime?: SyncRuntimeOverrides | undefined;
}

export interface SyncFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger' | 'metrics'>;
  /** Whose gateway the sync follows when `followSettings` is on. */
  readonly exchange?: Pick<ExchangeService, 'gateway' | 'onConnectionChanged'> | undefined;
  /** Told which bookings each room sync changed (orders, pending Roomserve bookings). */
  readonly bookingChanges: readonly BookingChangeListener[];
  readonly settings?: SyncSettings | undefined;
}

function bothObservers(first: SyncObserver, second: SyncObserver | undefined): SyncObserver {
  if (!second) return first;
  return {
    syncFinished: (event) => (first.syncFinished(event), second.syncFinished(event)),
    backOff: (event) => (first.backOff(event), second.backOff(event)),
    streamReconnect: (event) => (first.streamReconnect(event), second.streamReconnect(event)),
  };
}

export function composeSync(deps: SyncFeatureDeps): SyncFeature {
  const { knex, clock, logger, metrics } = deps.infrastructure;
  const settings = deps.settings ?? {};
  const { observer, ...runtimeOverrides } = settings.runtime ?? {};
  // A first sync inserts bookings faster than autovacuum (off in PGlite) analyzes them.
  const bookingsGrowth = watchTableGrowth(knex, 'bookings', {
    onError: (err) => logger.warn({ err }, 'could not analyze the bookings table'),
  });
  const store = createSyncStore(knex, { bookingsGrowth });
  const runtimeOn = (gateway: CalendarGateway): SyncRuntime => {
    const leases: RoomLeases & { readonly fence?: LeaseFence } = settings.leases?.() ?? createInProcessRoomLeases();
    return createSyncRuntime({
      ...runtimeOverrides,
      gateway: metrics.instrument(gateway),
      observer: bothObservers(metrics.observer, observer),
      bookingChanges: deps.bookingChanges,
      store: leases.fence ? createSyncStore(knex, { fence: leases.fence, bookingsGrowth }) : store,
      clock,
      leases,
      logger: logger.child({ component: 'sync' }),
    });
  };
  const sync = createSyncController(runtimeOn);
  const integration = createIntegrationService({
    store,
    controller: sync,
    clock,
    ...(runtimeOverrides.horizon ? { horizon: runtimeOverrides.horizon } : {}),
    demo: settings.demo ?? false,
    simulatedExchange: settings.simulatedExchange ?? (() => false),
  });
  const exchange = deps.exchange;
  if (settings.followSettings && exchange) {
    exchange.onConnectionChanged(() => {
      exchange
        .gateway()
        .then((gateway) => sync.restart(gateway))
        .catch((err: unknown) => logger.error({ err }, 'could not restart the Exchange sync'));
    });
  }
  return { sync, integration, runtimeOn };
}
