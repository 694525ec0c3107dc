/**
 * The composition root: configuration → database → repositories → services → HTTP.
 * The only module that instantiates adapters. `composeApp` is exported so that tests build the
 * very same application on a test database (test/support/testApp.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { pino, type Logger } from 'pino';
import { systemClock } from './adapters/clock/systemClock';
import { migrateToLatest, openDatabase, type Database, type DatabaseTarget } from './adapters/db/database';
import { createApiTokenRepository } from './adapters/db/repositories/apiTokens';
import { createFileRepository } from './adapters/db/repositories/files';
import { createLocationRepositories } from './adapters/db/repositories/locations';
import { createRoomSearchRepository } from './adapters/db/repositories/roomSearch';
import { createSessionRepository } from './adapters/db/repositories/sessions';
import { createUserRepository } from './adapters/db/repositories/users';
import { seedDemoIfEmpty } from './adapters/db/seeds/demo';
import { ConfigError, loadConfig, type Config } from './config';
import { createApp, type AppDeps } from './http/app';
import { REDACT_PATHS } from './http/middleware/requestLogger';
import { filesRouter } from './http/routes/files/router';
import { locationsRouter } from './http/routes/locations/router';
import { addinApiRouter, addinPageRouter } from './http/routes/addin/router';
import { addinLinkRouter } from './http/routes/addin/link';
import { loginRateLimit } from './http/middleware/loginRateLimit';
import { createIdentityLinkRepository } from './adapters/db/repositories/identityLinks';
import { findAddinFiles, taskpaneUrl, type AddinFiles } from './http/routes/addin/manifest';
import { createExchangeIdentityTokenVerifier } from './adapters/identity/exchangeIdentityToken';
import { createEwsIdentityDirectory } from './adapters/identity/ewsIdentityDirectory';
import { createAddinIdentityService } from './services/addinIdentity';
import { catalogRouter } from './http/routes/catalog/router';
import { createCatalogRepository } from './adapters/db/repositories/catalog';
import { createCatalogService, type CatalogService } from './services/catering/catalog';
import { roomsRouter } from './http/routes/rooms/router';
import { bookingsRouter } from './http/routes/bookings/router';
import { createBookingRepository } from './adapters/db/repositories/bookings';
import type { MeetingWriterFactory } from './ports/meetingWriter';
import { createBookingService, type BookingService } from './services/bookings';
import { ordersRouter } from './http/routes/orders/router';
import { facilityRouter } from './http/routes/facility/router';
import { createOrderRepository } from './adapters/db/repositories/orders';
import { createOrderCatalog } from './adapters/db/repositories/ordersCatalog';
import { createMeetingBookings } from './adapters/db/repositories/ordersMeetings';
import { createOutboxStore } from './adapters/db/repositories/outbox';
import { createSmtpMailSender, type SmtpSettings } from './adapters/mail/smtpMailSender';
import { createHttpWebhookSender } from './adapters/webhook/httpWebhookSender';
import {
  createOrderFollower,
  createOrdersService,
  type OrderFollower,
  type OrdersService,
} from './services/catering/orders';
import { createOutboxDispatcher, type OutboxDispatcher } from './services/catering/orders/dispatcher';
import { exchangeRouter } from './http/routes/exchange/router';
import { createExchangeSettingsRepository } from './adapters/db/repositories/exchangeSettings';
import { createExchangeConnection } from './adapters/ews/exchangeConnection';
import { DEFAULT_POLICY } from './adapters/ews/resilience';
import { withSwappedViews } from './services/exchange/swappedViews';
import { createSecretBox, loadOrCreateKey } from './adapters/crypto/secretBox';
import type { ExchangeGatewayFactory, SecretSealer } from './ports/exchangeSettings';
import { createExchangeService, type ExchangeService } from './services/exchange';
import { integrationRouter } from './http/routes/integration/router';
import { createSyncStore } from './adapters/db/repositories/syncStore';
import { createAdvisoryRoomLeases } from './adapters/db/advisoryRoomLeases';
import type { BookingChangeListener } from './ports/bookingChanges';
import type { RoomLeases } from './ports/roomLeases';
import { createInProcessRoomLeases } from './sync/inProcessRoomLeases';
import { createIntegrationService } from './sync/integrationOverview';
import { createSyncController, type SyncController } from './sync/syncController';
import { createSyncRuntime } from './sync/syncRuntime';
import { createSyncMetrics, type SyncMetrics } from './sync/metrics';
import { startDemoExchange, type RunningSimulator } from './sync/demoExchange';
import { startExchangeSim } from '../test/exchange-sim';
import type { SeedFile } from '../test/exchange-sim/model/seed';
// Imported (not read from disk by name) so that the compiled build carries it into dist/.
import demoExchangeSeed from '../test/exchange-sim/seeds/demo.json';
import type { Clock } from './ports/clock';
import { createAuthService, type AuthService } from './services/auth/authService';
import type { ScryptCost } from './services/auth/passwords';
import { createUserService, type UserService } from './services/auth/userService';
import { createFilesService, type FilesService } from './services/files';
import { createLocationsService, type LocationsService } from './services/locations';
import { createRoomSearchService, type RoomSearchService } from './services/search';

export interface ComposeOptions {
  readonly knex: Knex;
  readonly config: AppDeps['config'];
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Tests lower the scrypt cost; production keeps the default. */
  readonly passwordCost?: ScryptCost;
  readonly webDir?: string;
  /** Seals the Exchange password at rest; main() builds it from ROOMSERVE_SECRET_KEY or DATA_DIR. */
  readonly secrets: SecretSealer;
  /** Tests may swap the EWS adapter; production uses ews-javascript-api. */
  readonly exchangeGateway?: ExchangeGatewayFactory;
  /** Tests may swap the EWS meeting writer (bookings made in Roomserve). */
  readonly meetingWriter?: MeetingWriterFactory;
  /** Concurrent EWS requests of the service account, every client together (EXCHANGE_MAX_CONCURRENCY; default 8). */
  readonly exchangeMaxConcurrency?: number;
  /** Catering orders: mail server (null: email notifications are skipped) and how orders follow meetings. */
  readonly orders?: { readonly smtp?: SmtpSettings | null; readonly settleMs?: number; readonly sweepMs?: number };
  /** Exchange sync: how rooms are leased among instances (default: in-process), demo and simulator flags. */
  /** The Outlook add-in: manifest, icons and identity-token sign-in. Absent: not served (main always sets it). */
  readonly addin?: {
    readonly publicUrl: string;
    /** ADDIN_TOKEN_ALLOWED_HOSTS; undefined: the configured EWS URL's host. */
    readonly tokenAllowedHosts: readonly string[] | undefined;
    /** Default: manifest.xml and addin/assets/icons of this checkout. */
    readonly files?: AddinFiles;
  };
  readonly sync?: {
    readonly leases?: () => RoomLeases;
    readonly demo?: boolean;
    readonly simulatedExchange?: () => boolean;
    /** Prometheus metrics of the sync (default: a fresh registry per composition). */
    readonly metrics?: SyncMetrics;
    /** Restart the sync on the new gateway whenever the Exchange settings are saved (main: on; tests: off). */
    readonly followSettings?: boolean;
  };
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
}

export interface Composition {
  readonly app: Express;
  readonly services: Services;
  /** Start it with `restart(gateway)` once the Exchange connection is known. */
  readonly sync: SyncController;
}

/** dist/server/main.js serves dist/web; server/main.ts (tsx) serves the same dist/web. */
function defaultWebDir(): string {
  const compiled = path.basename(path.resolve(__dirname, '..')) === 'dist';
  return path.resolve(__dirname, compiled ? '../web' : '../dist/web');
}

function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string')
        return parsed.version;
    }
  }
  return '0.0.0';
}

export function composeServices(
  knex: Knex,
  options: Pick<
    ComposeOptions,
    | 'config'
    | 'clock'
    | 'passwordCost'
    | 'secrets'
    | 'exchangeGateway'
    | 'meetingWriter'
    | 'exchangeMaxConcurrency'
    | 'logger'
    | 'sync'
    | 'orders'
  >,
): Services {
  const clock = options.clock ?? systemClock;
  const exchange = createExchangeService({
    settings: createExchangeSettingsRepository(knex),
    secrets: options.secrets,
    // One connection per saved settings: one budget and one back-off for every Exchange client.
    createConnection: withSwappedViews(
      (settings) =>
        createExchangeConnection(settings, {
          policy: { concurrency: options.exchangeMaxConcurrency ?? DEFAULT_POLICY.concurrency },
          hooks: { onBackOff: (reason, ms) => options.sync?.metrics?.ewsBackOff(reason, ms) },
        }),
      { gateway: options.exchangeGateway, meetingWriter: options.meetingWriter },
    ),
    now: () => clock.now(),
    warn: (message) => options.logger.warn(message),
  });
  const passwordCost = options.passwordCost === undefined ? {} : { passwordCost: options.passwordCost };
  const users = createUserRepository(knex);
  const sessions = createSessionRepository(knex);
  const fileRepository = createFileRepository(knex);
  return {
    auth: createAuthService({
      users,
      sessions,
      apiTokens: createApiTokenRepository(knex),
      clock,
      sessionTtlHours: options.config.sessionTtlHours,
      ...passwordCost,
    }),
    users: createUserService({ users, sessions, ...passwordCost }),
    locations: createLocationsService({
      ...createLocationRepositories(knex),
      files: fileRepository,
      now: () => clock.now(),
      mailboxVerifier: exchange.mailboxVerifier,
      onMailboxVerifierChanged: (listener) => exchange.onSettingsChanged(listener),
      warn: (details, message) => options.logger.warn(details, message),
    }),
    files: createFilesService({ files: fileRepository }),
    roomSearch: createRoomSearchService({ roomSearch: createRoomSearchRepository(knex) }),
    exchange,
    catalog: createCatalogService({
      catalog: createCatalogRepository(knex),
      ...createLocationRepositories(knex),
      files: fileRepository,
      secrets: options.secrets,
      generateSecret: () => randomBytes(32).toString('base64url'),
    }),
    bookings: composeBookings(knex, exchange, options),
    ...composeOrders(knex, exchange, options),
  };
}

/** Orders, the follower that keeps them with their meetings, and the notification outbox. */
function composeOrders(
  knex: Knex,
  exchange: ExchangeService,
  options: Pick<ComposeOptions, 'clock' | 'secrets' | 'logger' | 'orders' | 'sync'>,
): Pick<Services, 'orders' | 'orderFollower' | 'outboxDispatcher'> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger.child({ component: 'orders' });
  const deps = {
    orders: createOrderRepository(knex),
    catalog: createOrderCatalog(knex),
    bookings: createMeetingBookings(knex),
    people: createUserRepository(knex),
    now: () => clock.now(),
    // Orders on Outlook items read the meeting's identity through the Exchange connection.
    meetingLookup: () => exchange.meetingLookup(),
  };
  const orders = createOrdersService(deps);
  const smtp = options.orders?.smtp ?? null;
  const outboxDispatcher = createOutboxDispatcher({
    outbox: createOutboxStore(knex),
    mail: smtp ? createSmtpMailSender(smtp) : null,
    webhooks: createHttpWebhookSender({ timeoutMs: 10_000 }),
    secrets: options.secrets,
    now: () => clock.now(),
    log: { warn: (details, message) => logger.warn(details, message) },
  });
  orders.subscribe(() => outboxDispatcher.nudge());
  const orderFollower = createOrderFollower(deps, orders.bus, {
    settleMs: options.orders?.settleMs ?? 20_000,
    sweepMs: options.orders?.sweepMs ?? 60_000,
    onError: (err, orderId) => logger.warn({ err, orderId }, 'an order could not follow its meeting'),
  });
  return { orders, orderFollower, outboxDispatcher };
}

/** Bookings made in Roomserve: the meeting writer follows the saved Exchange settings like the gateway. */
function composeBookings(
  knex: Knex,
  exchange: ExchangeService,
  options: Pick<ComposeOptions, 'clock' | 'meetingWriter' | 'logger' | 'sync'>,
): BookingService {
  const clock = options.clock ?? systemClock;
  return createBookingService({
    bookings: createBookingRepository(knex),
    writer: () => exchange.meetingWriter(),
    now: () => clock.now(),
    log: { warn: (details, message) => options.logger.warn(details, message) },
  });
}

function composeSync(
  options: ComposeOptions,
  exchange: ExchangeService,
  metrics: SyncMetrics,
  bookingChanges: readonly BookingChangeListener[],
): { sync: SyncController; router: ReturnType<typeof integrationRouter> } {
  const clock = options.clock ?? systemClock;
  const store = createSyncStore(options.knex);
  const sync = createSyncController((gateway) =>
    createSyncRuntime({
      gateway: metrics.instrument(gateway),
      observer: metrics.observer,
      bookingChanges,
      store,
      clock,
      leases: options.sync?.leases?.() ?? createInProcessRoomLeases(),
      logger: options.logger.child({ component: 'sync' }),
    }),
  );
  const integration = createIntegrationService({
    store,
    controller: sync,
    clock,
    demo: options.sync?.demo ?? false,
    simulatedExchange: options.sync?.simulatedExchange ?? (() => false),
  });
  if (options.sync?.followSettings) {
    exchange.onSettingsChanged(() => {
      exchange
        .gateway()
        .then((gateway) => sync.restart(gateway))
        .catch((err: unknown) => options.logger.error({ err }, 'could not restart the Exchange sync'));
    });
  }
  return { sync, router: integrationRouter({ integration }) };
}

function composeAddin(
  options: ComposeOptions,
  services: Services,
  addin: NonNullable<ComposeOptions['addin']>,
  loginLimiter: ReturnType<typeof loginRateLimit>,
) {
  const clock = options.clock ?? systemClock;
  const exchangeSettings = () => services.exchange.connectionSettings();
  const files = { publicUrl: addin.publicUrl, ...(addin.files ?? findAddinFiles()) };
  const identity = createAddinIdentityService({
    verifier: createExchangeIdentityTokenVerifier({
      audience: taskpaneUrl(addin.publicUrl),
      allowedHosts: addin.tokenAllowedHosts,
      exchangeSettings,
      now: () => clock.now().getTime(),
    }),
    directory: createEwsIdentityDirectory({
      directory: () => services.exchange.userDirectory(),
      now: () => clock.now().getTime(),
    }),
    users: createUserRepository(options.knex),
    links: createIdentityLinkRepository(options.knex),
    verifyCredentials: (email, password) => services.auth.verifyCredentials(email, password),
    now: () => clock.now(),
  });
  return {
    pageRouter: addinPageRouter(files),
    apiRouters: [addinApiRouter(files), addinLinkRouter({ identity, loginLimiter })],
    identity,
  };
}

export function composeApp(options: ComposeOptions): Composition {
  const metrics = options.sync?.metrics ?? createSyncMetrics();
  const withMetrics: ComposeOptions = { ...options, sync: { ...options.sync, metrics } };
  const services = composeServices(options.knex, withMetrics);
  // Orders follow their meetings; pending Roomserve bookings learn the attendant's answer.
  const integration = composeSync(withMetrics, services.exchange, metrics, [
    services.orderFollower,
    services.bookings.changeListener,
  ]);
  // One budget of failed password attempts for the sign-in and the add-in's one-time link.
  const loginLimiter = loginRateLimit(options.config.loginRateLimit);
  const addin = options.addin ? composeAddin(options, services, options.addin, loginLimiter) : undefined;
  const app = createApp({
    config: options.config,
    logger: options.logger,
    auth: services.auth,
    users: services.users,
    checkDatabase: async () => {
      await options.knex.raw('select 1');
    },
    featureRouters: [
      locationsRouter({ locations: services.locations }),
      filesRouter({ files: services.files }),
      roomsRouter({ roomSearch: services.roomSearch }),
      exchangeRouter({ exchange: services.exchange, locations: services.locations }),
      integration.router,
      catalogRouter({ catalog: services.catalog }),
      ordersRouter({ orders: services.orders }),
      facilityRouter({ orders: services.orders }),
      bookingsRouter({ bookings: services.bookings }),
      ...(addin ? addin.apiRouters : []),
    ],
    ...(addin ? { pageRouters: [addin.pageRouter], identityTokens: addin.identity } : {}),
    loginLimiter,
    webDir: options.webDir ?? defaultWebDir(),
    version: packageVersion(),
    metrics,
  });
  return { app, services, sync: integration.sync };
}

function databaseTarget(config: Config): DatabaseTarget {
  return config.database.engine === 'pglite'
    ? { engine: 'pglite', dataDir: config.database.dataDir }
    : { engine: 'postgres', url: config.database.url };
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

function listen(app: Express, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** Background work that must end before the database closes. */
type Stoppable = () => Promise<void> | void;

function stopOnSignals(
  server: Server,
  db: Database,
  logger: Logger,
  sync: SyncController,
  background: readonly Stoppable[],
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Requests in flight get a few seconds; then open connections are cut.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    await closeServer(server);
    clearTimeout(force);
    await sync.stop();
    for (const stopWork of background) await stopWork();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, (s: NodeJS.Signals) => {
      stop(s).catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
    });
  }
}

export async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino({ level: config.logLevel, redact: REDACT_PATHS });
  const db = await openDatabase(databaseTarget(config));
  const applied = await migrateToLatest(db.knex);
  logger.info({ engine: db.engine, applied: applied.length }, 'database ready');
  if (config.demo) await seedDemoIfEmpty(db.knex, { logger });
  const database = config.database;
  let simulator: RunningSimulator | null = null;
  const secretKey = loadOrCreateKey({ configuredKey: config.secretKey, dataDir: config.dataDir });
  if (secretKey.source === 'generated')
    logger.warn({ file: secretKey.file }, 'generated a new secret key; back it up (or set ROOMSERVE_SECRET_KEY)');
  const { app, services, sync } = composeApp({
    knex: db.knex,
    config,
    logger,
    secrets: createSecretBox(secretKey.key),
    exchangeMaxConcurrency: config.exchangeMaxConcurrency,
    addin: { publicUrl: config.publicUrl, tokenAllowedHosts: config.addinTokenAllowedHosts },
    orders: { smtp: config.smtp, settleMs: config.orders.settleMs, sweepMs: config.orders.sweepMs },
    sync: {
      demo: config.demo,
      followSettings: true,
      metrics: createSyncMetrics({ defaultMetrics: true }),
      simulatedExchange: () => simulator !== null,
      // Several instances may share PostgreSQL: each room is leased to one through advisory locks.
      ...(database.engine === 'postgres'
        ? {
            leases: () =>
              createAdvisoryRoomLeases(database.url, (err) => logger.warn({ err }, 'room lease connection failed')),
          }
        : {}),
    },
  });
  await services.exchange.startupCheck();
  simulator = await startDemoExchange({
    enabled: config.exchangeSim,
    currentSettings: () => services.exchange.connectionSettings(),
    // Schema validation of every request would make the demo slow; the simulator's tests cover it.
    startSimulator: async () => {
      // The simulator validates the seed itself (parseSeed); the JSON import only loses its literal types.
      const sim = await startExchangeSim({ seed: demoExchangeSeed as unknown as SeedFile, validateRequests: false });
      return { url: sim.url, caCertPem: sim.control.caCertPem, close: () => sim.close() };
    },
    configure: (settings) => services.exchange.configure(settings),
    exchangeRooms: () => createSyncStore(db.knex).listExchangeRooms(),
    connectRoom: async (roomId, mailbox) => {
      // Clearing and setting the address again runs the same verification as the location editor.
      await services.locations.updateRoom(roomId, { exchangeEmail: null });
      await services.locations.updateRoom(roomId, { exchangeEmail: mailbox });
    },
    log: (message, details) => logger.warn(details ?? {}, message),
  }).catch((err: unknown) => {
    logger.error({ err }, 'the simulated Exchange could not start; Roomserve runs without Exchange sync');
    return null;
  });
  // Rooms left unverified by an earlier run (stopped mid-retry, Exchange down at the time) are checked again.
  services.locations.reverifyRooms().catch((err: unknown) => logger.warn({ err }, 'rooms could not be verified again'));
  if (config.initialAdmin) {
    const outcome = await services.users.ensureInitialAdmin(config.initialAdmin);
    logger.info({ email: config.initialAdmin.email, outcome }, 'initial admin');
  }
  const server = await listen(app, config);
  // Pending Roomserve bookings whose request was cut short (crash, lost answer) are settled here.
  const stopRepairSweep = services.bookings.startRepairSweep(30_000);
  stopOnSignals(server, db, logger, sync, [
    stopRepairSweep,
    () => services.locations.stopVerificationRetries(),
    () => services.exchange.close(),
    () => services.orderFollower.stop(),
    () => services.outboxDispatcher.stop(),
  ]);
  await sync.restart(await services.exchange.gateway());
  services.orderFollower.start();
  services.outboxDispatcher.start();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info({ publicUrl: config.publicUrl }, `Roomserve listening on http://${shownHost}:${config.port}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error('Roomserve failed to start:', err);
    process.exit(1);
  });
}
