/**
 * The composition root: configuration → infrastructure → features → HTTP. The features are built
 * in server/compose/, once, by the same functions the tests and benches use.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createAdvisoryRoomLeases } from './adapters/db/advisoryRoomLeases';
import { createSyncStore } from './adapters/db/repositories/syncStore';
import { createPgExchangeSettingsChanges } from './adapters/exchangeSettings/postgres';
import { createPgOrderChanges } from './adapters/orderChanges/postgres';
import { createPgRoomChanges } from './adapters/roomChanges/postgres';
import type { Database } from './adapters/db/database';
import type { RunningDemo } from '../demo/index';
import { composeApp, type Composition } from './compose/app';
import type { CateringSettings } from './compose/catering';
import type { ExchangeSettingsChangesFactory } from './compose/exchange';
import type { RoomChangesFactory } from './compose/displaysLive';
import { openInfrastructure } from './compose/infrastructure';
import { ConfigError, loadConfig, type Config } from './config';
import { answerClientErrors } from './http/middleware/requestLimits';

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

/** Several instances may share PostgreSQL: each room is leased to one through advisory locks. */
function roomLeases(config: Config, logger: Logger) {
  const database = config.database;
  if (database.engine !== 'postgres') return undefined;
  return () =>
    createAdvisoryRoomLeases(database.url, {
      onError: (err) => logger.warn({ err }, 'room lease connection failed'),
    });
}

/** Several instances may share PostgreSQL: room changes reach every instance's display streams through LISTEN/NOTIFY. */
function roomChanges(config: Config, logger: Logger): RoomChangesFactory | undefined {
  const database = config.database;
  if (database.engine !== 'postgres') return undefined;
  return (knex) =>
    createPgRoomChanges({
      connectionString: database.url,
      knex,
      onError: (err) => logger.warn({ err }, 'room changes connection failed'),
    });
}

/** Several instances may share PostgreSQL: every instance's facility board hears every order change. */
function orderChanges(config: Config, logger: Logger): CateringSettings['changes'] {
  const database = config.database;
  if (database.engine !== 'postgres') return undefined;
  return (knex) =>
    createPgOrderChanges({
      connectionString: database.url,
      knex,
      onError: (err) => logger.warn({ err }, 'order changes connection failed'),
    });
}

/** Several instances may share PostgreSQL: Exchange settings saved on one restart the sync on every one. */
function exchangeSettingsChanges(config: Config, logger: Logger): ExchangeSettingsChangesFactory | undefined {
  const database = config.database;
  if (database.engine !== 'postgres') return undefined;
  return (knex) =>
    createPgExchangeSettingsChanges({
      connectionString: database.url,
      knex,
      onError: (err) => logger.warn({ err }, 'Exchange settings changes connection failed'),
    });
}

const NO_DEMO: RunningDemo = {
  simulatedExchange: false,
  previewOutlook: null,
  signIn: '',
  displayLink: null,
  whenRunning: () => Promise.resolve(),
};

/** The demo plug-in (demo organisation, simulated Exchange) is loaded only when it is switched on. */
async function startDemoIfOn(config: Config, db: Database, logger: Logger, composition: Composition) {
  const { services } = composition;
  if (!config.demo && !config.exchangeSim) return NO_DEMO;
  const demo = await import('../demo/index.js');
  return demo.startDemo({
    seed: config.demo,
    simulatedExchange: config.exchangeSim,
    knex: db.knex,
    exchange: services.exchange,
    locations: services.locations,
    exchangeRooms: () => createSyncStore(db.knex).listExchangeRooms(),
    logger,
    display: { dataDir: config.dataDir, publicUrl: config.publicUrl, pairing: composition.displayPairing },
    bookings: services.bookings,
  });
}

function listen(app: Express, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(server)));
    answerClientErrors(server);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

function stopOnSignals(server: Server, db: Database, logger: Logger, composition: Composition): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Requests in flight get a few seconds; then open connections are cut.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    await closeServer(server);
    clearTimeout(force);
    // Background work must end before the database closes.
    await composition.stopBackground();
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
  const infrastructure = await openInfrastructure(config);
  const { db, logger } = infrastructure;
  let demo = NO_DEMO;
  const composition = composeApp({
    ...infrastructure,
    config,
    addin: { publicUrl: config.publicUrl, tokenAllowedHosts: config.addinTokenAllowedHosts },
    sso: { publicUrl: config.publicUrl },
    exchange: {
      maxConcurrency: config.exchangeMaxConcurrency,
      settingsChanges: exchangeSettingsChanges(config, logger),
    },
    orders: {
      smtp: config.smtp,
      settleMs: config.orders.settleMs,
      sweepMs: config.orders.sweepMs,
      changes: orderChanges(config, logger),
    },
    sync: {
      demo: config.demo,
      followSettings: true,
      simulatedExchange: () => demo.simulatedExchange,
      leases: roomLeases(config, logger),
      runtime: { claimIntervalMs: config.syncClaimIntervalMs },
    },
    previewOutlook: () => demo.previewOutlook,
    // Only the demo has a display link; NO_DEMO's is null, so the route answers 404 elsewhere.
    displays: { roomChanges: roomChanges(config, logger), demoLink: () => demo.displayLink },
  });
  const { services } = composition;
  await services.exchange.startupCheck();
  demo = await startDemoIfOn(config, db, logger, composition);
  if (config.initialAdmin) {
    const outcome = await services.users.ensureInitialAdmin(config.initialAdmin);
    logger.info({ email: config.initialAdmin.email, outcome }, 'initial admin');
  }
  const server = await listen(composition.app, config);
  stopOnSignals(server, db, logger, composition);
  await composition.startBackground();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // PORT=0 asks the system for a free port; say which one it gave.
  const { port } = server.address() as AddressInfo;
  logger.info({ publicUrl: config.publicUrl }, `Roomserve listening on http://${shownHost}:${port}`);
  if (config.demo && demo.signIn) logger.info(demo.signIn);
  demo.whenRunning().catch((err: unknown) => logger.warn({ err }, 'the demo could not finish its start'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error('Roomserve failed to start:', err);
    process.exit(1);
  });
}
