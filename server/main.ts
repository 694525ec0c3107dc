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
}

export interface Services {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly locations: LocationsService;
  readonly files: FilesService;
  readonly roomSearch: RoomSearchService;
}

export interface Composition {
  readonly app: Express;
  readonly services: Services;
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
  options: Pick<ComposeOptions, 'config' | 'clock' | 'passwordCost'>,
): Services {
  const clock = options.clock ?? systemClock;
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
    }),
    files: createFilesService({ files: fileRepository }),
    roomSearch: createRoomSearchService({ roomSearch: createRoomSearchRepository(knex) }),
  };
}

export function composeApp(options: ComposeOptions): Composition {
  const services = composeServices(options.knex, options);
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
    ],
    webDir: options.webDir ?? defaultWebDir(),
    version: packageVersion(),
  });
  return { app, services };
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

function stopOnSignals(server: Server, db: Database, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Requests in flight get a few seconds; then open connections are cut.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    await closeServer(server);
    clearTimeout(force);
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
  const { app, services } = composeApp({ knex: db.knex, config, logger });
  if (config.initialAdmin) {
    const outcome = await services.users.ensureInitialAdmin(config.initialAdmin);
    logger.info({ email: config.initialAdmin.email, outcome }, 'initial admin');
  }
  const server = await listen(app, config);
  stopOnSignals(server, db, logger);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info({ publicUrl: config.publicUrl }, `Roomserve listening on http://${shownHost}:${config.port}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error('Roomserve failed to start:', err);
    process.exit(1);
  });
}
