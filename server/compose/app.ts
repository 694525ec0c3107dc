/**
 * The features composed once, and the HTTP application over them. main() builds the product with
 * these functions; tests (test/support/testApp.ts) and benches build the very same thing on their
 * own infrastructure, with overrides instead of wiring by hand.
 */
import type { Express } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { systemClock } from '../adapters/clock/systemClock';
import type { AppDeps } from '../http/app';
import type { Clock } from '../ports/clock';
import type { PreviewOutlookSource } from '../ports/previewOutlook';
import type { SecretSealer } from '../ports/exchangeSettings';
import type { AuthService } from '../services/auth/authService';
import type { ScryptCost } from '../services/auth/passwords';
import type { UserService } from '../services/auth/userService';
import type { BookingService } from '../services/bookings';
import type { CatalogService } from '../services/catering/catalog';
import type { OrderFollower, OrdersService } from '../services/catering/orders';
import type { OutboxDispatcher } from '../services/catering/orders/dispatcher';
import type { ExchangeService } from '../services/exchange';
import type { ExternalsService } from '../services/externals';
import { withExternalDeactivation } from '../services/externals/userDeactivation';
import type { FilesService } from '../services/files';
import type { LocationsService } from '../services/locations';
import type { RoomSearchService } from '../services/search';
import { createSyncMetrics, type SyncMetrics } from '../sync/metrics';
import type { SyncController } from '../sync/syncController';
import { composeAnalytics, type AnalyticsFeature } from './analytics';
import { composeAddin, type AddinFeature, type AddinSettings } from './addin';
import { composeAuth } from './auth';
import { composeBookings, type BookingsOverrides } from './bookings';
import { composeEvents, type EventsFeature } from './events';
import { composeCatering, type CateringSettings } from './catering';
import { createSmtpMailSender } from '../adapters/mail/smtpMailSender';
import { composeDisplays, type DisplaysFeature, type DisplaysSettings } from './displays';
import { roomChangesListener, roomChangesOn, type RoomChangesFactory } from './displaysLive';
import { composePlan, type PlanFeature } from './plan';
import { composeExchange, type ExchangeOverrides } from './exchange';
import { composeExternals, composeExternalsStore } from './externals';
import { composeHttp } from './http';
import type { Infrastructure } from './infrastructure';
import { composeLocations } from './locations';
import { composeSso, type SsoFeature, type SsoSettings } from './sso';
import { composeSync, type SyncFeature, type SyncSettings } from './sync';

export interface ComposeOptions {
  readonly knex: Knex;
  readonly config: AppDeps['config'];
  readonly logger: Logger;
  /** Seals secrets at rest; main() builds it from ROOMSERVE_SECRET_KEY or DATA_DIR. */
  readonly secrets: SecretSealer;
  /** Default: the system clock. */
  readonly clock?: Clock | undefined;
  /** Default: a fresh registry per composition. */
  readonly metrics?: SyncMetrics | undefined;
  /** Tests lower the scrypt cost; production keeps the default. */
  readonly passwordCost?: ScryptCost | undefined;
  readonly webDir?: string | undefined;
  readonly exchange?: ExchangeOverrides | undefined;
  readonly bookings?: BookingsOverrides | undefined;
  readonly orders?: CateringSettings | undefined;
  readonly sync?: SyncSettings | undefined;
  /** The Outlook add-in. Absent: not served (main always sets it). */
  readonly addin?: AddinSettings | undefined;
  /** The taskpane preview's Outlook: the demo's, while its simulated Exchange runs (default: none). */
  readonly previewOutlook?: PreviewOutlookSource | undefined;
  /** Single sign-on; the public URL defaults to the add-in's (main's PUBLIC_URL). */
  readonly sso?: SsoSettings | undefined;
  /** Room displays; the public URL defaults to the add-in's (main's PUBLIC_URL). */
  readonly displays?:
    (Partial<DisplaysSettings> & { readonly roomChanges?: RoomChangesFactory | undefined }) | undefined;
}

export interface Services {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly locations: LocationsService;
  readonly files: FilesService;
  readonly roomSearch: RoomSearchService;
  readonly exchange: ExchangeService;
  readonly catalog: CatalogService;
  readonly bookings: BookingService;
  readonly orders: OrdersService;
  /** The sync's BookingChangeListener for orders; start() runs its sweep. */
  readonly orderFollower: OrderFollower;
  /** Sends the order notification outbox; start() polls it. */
  readonly outboxDispatcher: OutboxDispatcher;
  /** People without an Exchange account: invitations, one-time links, the admin's list. */
  readonly externals: ExternalsService;
}

export interface Features {
  readonly infrastructure: Infrastructure;
  readonly services: Services;
  readonly sync: SyncFeature;
  readonly addin: AddinFeature | undefined;
  readonly previewOutlook: PreviewOutlookSource;
  readonly displays: DisplaysFeature;
  /** Ends the facility board's order changes from other instances (PostgreSQL). */
  closeOrderChanges(): Promise<void>;
  /** Ends the Exchange settings' changes from other instances (PostgreSQL). */
  closeExchangeSettingsChanges(): Promise<void>;
  /** The live office plan. */
  readonly plan: PlanFeature;
  readonly sso: SsoFeature;
  readonly events: EventsFeature;
  readonly analytics: AnalyticsFeature;
}

export interface Composition {
  readonly app: Express;
  readonly services: Services;
  /** Start it with `restart(gateway)` once the Exchange connection is known. */
  readonly sync: SyncController;
  /** Adds and pairs displays; the demo pairs its own display with it. */
  readonly displayPairing: DisplaysFeature['pairing'];
  /** The analytics rollup the sync keeps current: bench:sync backfills it and awaits its queued changes. */
  readonly analyticsRollup: AnalyticsFeature['rollup'];
  /** What main() runs beside HTTP: the sync on the saved connection, the order follower and outbox, the repair sweep. */
  startBackground(): Promise<void>;
  /** Ends the background work; call it before the database closes. */
  stopBackground(): Promise<void>;
}

export function infrastructureOf(options: ComposeOptions): Infrastructure {
  return {
    knex: options.knex,
    logger: options.logger,
    clock: options.clock ?? systemClock,
    secrets: options.secrets,
    metrics: options.metrics ?? createSyncMetrics(),
  };
}

/** Every feature, each built once, in the order they depend on each other. */
export function composeFeatures(options: ComposeOptions): Features {
  const infrastructure = infrastructureOf(options);
  // What the displays' live stream follows: the sync, bookings, display actions and settings tell it.
  const roomChanges = roomChangesOn(infrastructure.knex, options.displays?.roomChanges);
  const exchange = composeExchange({ infrastructure, overrides: options.exchange });
  // The outbox dispatcher is composed with catering, after sign-in: its nudge is looked up late.
  let nudgeOutbox = (): void => undefined;
  const externalsStore = composeExternalsStore(infrastructure, () => nudgeOutbox());
  const { auth, users, accounts, sessions } = composeAuth({
    infrastructure,
    sessionTtlHours: options.config.sessionTtlHours,
    passwordCost: options.passwordCost,
    signIns: externalsStore.externals,
  });
  const sso = composeSso({
    infrastructure,
    accounts,
    auth,
    settings: { ...options.sso, publicUrl: options.sso?.publicUrl ?? options.addin?.publicUrl },
  });
  const locations = composeLocations({
    infrastructure,
    mailboxVerifier: exchange.exchange.mailboxVerifier,
    onMailboxVerifierChanged: (listener) => exchange.exchange.onSettingsChanged(listener),
    roomChanges,
  });
  const catering = composeCatering({
    infrastructure,
    places: locations.places,
    people: accounts,
    meetingLookup: () => exchange.meetingLookup(),
    settings: options.orders,
  });
  nudgeOutbox = () => catering.outboxDispatcher.nudge();
  // A booking its organizer cancels in Roomserve cancels its catering at once (no settle delay).
  const { bookings } = composeBookings({
    infrastructure,
    meetingWriter: () => exchange.meetingWriter(),
    overrides: options.bookings,
    roomChanges,
    catering: {
      bookingCancelled: async (bookingId) => {
        await catering.orders.bookingCancelled(bookingId);
      },
    },
    externals: externalsStore.bookingHooks,
  });
  const externals = composeExternals({
    infrastructure,
    store: externalsStore,
    accounts,
    sessions,
    auth,
    bookings,
    publicUrl: options.displays?.publicUrl ?? options.addin?.publicUrl ?? 'http://localhost:3000',
    passwordCost: options.passwordCost,
  });
  const analytics = composeAnalytics({
    infrastructure,
    nudgeOutbox: () => nudgeOutbox(),
    publicUrl: options.displays?.publicUrl ?? options.addin?.publicUrl ?? 'http://localhost:3000',
  });
  // Room displays hear of each synced room; orders follow their meetings; pending Roomserve bookings learn the attendant's answer.
  const sync = composeSync({
    infrastructure,
    exchange: exchange.exchange,
    // The displays' first: telling them is one in-memory publish (and a NOTIFY), not a lookup.
    bookingChanges: [
      roomChangesListener(roomChanges),
      catering.orderFollower,
      bookings.changeListener,
      analytics.rollup.listener,
    ],
    settings: options.sync,
  });
  const addin =
    options.addin &&
    composeAddin({
      infrastructure,
      settings: options.addin,
      exchange,
      accounts,
      verifyCredentials: (email, password) => auth.verifyCredentials(email, password),
    });
  const plan = composePlan({ infrastructure, roomChanges, heartbeatMs: options.displays?.heartbeatMs });
  const displays = composeDisplays({
    infrastructure,
    freeNear: (place, minutes, limit) => plan.occupancy.freeNear(place, minutes, limit),
    settings: {
      publicUrl: options.displays?.publicUrl ?? options.addin?.publicUrl ?? 'http://localhost:3000',
      pairRateLimit: options.displays?.pairRateLimit,
      demoLink: options.displays?.demoLink,
      heartbeatMs: options.displays?.heartbeatMs,
    },
    actionsWiring: {
      bookings,
      meetingWriter: () => exchange.meetingWriter(),
      ownedRooms: () => sync.sync.current()?.ownedRoomIds() ?? [],
      resync: (roomId) => {
        sync.sync
          .current()
          ?.syncNow(roomId)
          .catch((err: unknown) => infrastructure.logger.warn({ err, roomId }, 'resync after a release failed'));
      },
      mail: options.orders?.smtp ? createSmtpMailSender(options.orders.smtp) : null,
      confirmWaitMs: options.displays?.confirmWaitMs,
    },
    roomChanges,
  });
  const events = composeEvents({
    infrastructure,
    bookings,
    meetingWriter: () => exchange.meetingWriter(),
    directory: () => exchange.exchange.userDirectory(),
  });
  const { catalog, orders, orderFollower, outboxDispatcher } = catering;
  const { files, roomSearch } = locations;
  return {
    infrastructure,
    services: {
      auth,
      // Deactivating an external under Admin → Users is the externals' deactivation (bookings cancelled).
      users: withExternalDeactivation(users, externals),
      locations: locations.locations,
      files,
      roomSearch,
      exchange: exchange.exchange,
      catalog,
      bookings,
      orders,
      orderFollower,
      outboxDispatcher,
      externals,
    },
    sync,
    addin,
    previewOutlook: options.previewOutlook ?? (() => null),
    displays,
    closeOrderChanges: () => catering.close(),
    closeExchangeSettingsChanges: () => exchange.closeSettingsChanges(),
    plan,
    sso,
    events,
    analytics,
  };
}

/** How often pending Roomserve bookings whose request was cut short (crash, lost answer) are settled. */
const REPAIR_SWEEP_MS = 30_000;
/** How often rooms that require check-in release meetings nobody came to. */
const RELEASE_ROUND_MS = 60_000;
/** How often the analytics rollup looks for a newly finished day. */
const ROLLUP_SWEEP_MS = 3_600_000;

export function composeApp(options: ComposeOptions): Composition {
  const features = composeFeatures(options);
  const { services, sync } = features;
  let stopRepairSweep: (() => void) | undefined;
  let stopReleases: (() => void) | undefined;
  let stopRollupSweep: (() => void) | undefined;
  return {
    app: composeHttp(features, options),
    services,
    sync: sync.sync,
    displayPairing: features.displays.pairing,
    analyticsRollup: features.analytics.rollup,
    async startBackground() {
      stopRepairSweep = services.bookings.startRepairSweep(REPAIR_SWEEP_MS);
      stopReleases = features.displays.release.start(RELEASE_ROUND_MS);
      stopRollupSweep = features.analytics.startSweep(ROLLUP_SWEEP_MS);
      // Rooms left unverified by an earlier run (stopped mid-retry, Exchange down then) are checked again.
      services.locations
        .reverifyRooms()
        .catch((err: unknown) => features.infrastructure.logger.warn({ err }, 'rooms could not be verified again'));
      await sync.sync.restart(await services.exchange.gateway());
      services.orderFollower.start();
      services.outboxDispatcher.start();
    },
    async stopBackground() {
      await sync.sync.stop();
      stopRepairSweep?.();
      stopReleases?.();
      stopRollupSweep?.();
      await features.analytics.rollup.settled();
      await services.orderFollower.stop();
      await services.outboxDispatcher.stop();
      services.locations.stopVerificationRetries();
      services.exchange.close();
      features.plan.stop();
      await features.displays.roomChanges.close();
      await features.closeOrderChanges();
      await features.closeExchangeSettingsChanges();
    },
  };
}
