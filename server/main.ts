/**
 * The composition root: configuration → database → repositories → services → HTTP.
 * The only module that instantiates adapters. `composeApp` is exported so that tests build the
 * very same application on a test database (test/support/testApp.ts).
 */
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
import { roomsRouter } from './http/routes/rooms/router';
import { exchangeRouter } from './http/routes/exchange/router';
import { createExchangeSettingsRepository } from './adapters/db/repositories/exchangeSettings';
import { createEwsCalendarGateway } from './adapters/ews/gateway';
import { createSecretBox, loadOrCreateKey } from './adapters/crypto/secretBox';
import type { ExchangeGatewayFactory, SecretSealer } from './ports/exchangeSettings';
import { createExchangeService, type ExchangeService } from './services/exchange';
import { integrationRouter } from './http/routes/integration/router';
import { createSyncStore } from './adapters/db/repositories/syncStore';
import { createAdvisoryRoomLeases } from './adapters/db/advisoryRoomLeases';
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
  /** Exchange sync: how rooms are leased among instances (default: in-process), demo and simulator flags. */
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
    'config' | 'clock' | 'passwordCost' | 'secrets' | 'exchangeGateway' | 'logger' | 'sync'
  >,
): Services {
  const clock = options.clock ?? systemClock;
  const exchange = createExchangeService({
    settings: createExchangeSettingsRepository(knex),
    secrets: options.secrets,
    createGateway:
      options.exchangeGateway ??
      ((settings) =>
        createEwsCalendarGateway(settings, {
          hooks: { onBackOff: (reason, ms) => options.sync?.metrics?.ewsBackOff(reason, ms) },
        })),
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
    }),
    files: createFilesService({ files: fileRepository }),
    roomSearch: createRoomSearchService({ roomSearch: createRoomSearchRepository(knex) }),
    exchange,
  };
}

function composeSync(
  options: ComposeOptions,
  exchange: ExchangeService,
  metrics: SyncMetrics,
): { sync: SyncController; router: ReturnType<typeof integrationRouter> } {
  const clock = options.clock ?? systemClock;
  const store = createSyncStore(options.knex);
  const sync = createSyncController((gateway) =>
    createSyncRuntime({
      gateway: metrics.instrument(gateway),
      observer: metrics.observer,
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

export function composeApp(options: ComposeOptions): Composition {
  const metrics = options.sync?.metrics ?? createSyncMetrics();
  const withMetrics: ComposeOptions = { ...options, sync: { ...options.sync, metrics } };
  const services = composeServices(options.knex, withMetrics);
  const integration = composeSync(withMetrics, services.exchange, metrics);
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
    ],
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

function stopOnSignals(server: Server, db: Database, logger: Logger, sync: SyncController): void {
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
  if (config.initialAdmin) {
    const outcome = await services.users.ensureInitialAdmin(config.initialAdmin);
    logger.info({ email: config.initialAdmin.email, outcome }, 'initial admin');
  }
  const server = await listen(app, config);
  stopOnSignals(server, db, logger, sync);
  await sync.restart(await services.exchange.gateway());
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info({ publicUrl: config.publicUrl }, `Roomserve listening on http://${shownHost}:${config.port}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error('Roomserve failed to start:', err);
    process.exit(1);
  });
}
