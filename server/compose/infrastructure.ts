import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { systemClock } from '../adapters/clock/systemClock';
import { createSecretBox, loadOrCreateKey } from '../adapters/crypto/secretBox';
import { migrateToLatest, openDatabase, type Database, type DatabaseTarget } from '../adapters/db/database';
import type { Config } from '../config';
import type { Clock } from '../ports/clock';
import type { SecretSealer } from '../ports/exchangeSettings';
import { createSyncMetrics, type SyncMetrics } from '../sync/metrics';
import { createLogger, stdoutIsTerminal } from './logger';

/**
 * What every feature is built on. main() opens the production one; tests and benches bring their
 * own (a test database, a silent logger, a clock they can move) and leave the rest to the defaults.
 */
export interface Infrastructure {
  readonly knex: Knex;
  readonly logger: Logger;
  /** The one source of "now" for every feature. */
  readonly clock: Clock;
  /** Seals secrets at rest (the Exchange password, webhook secrets). */
  readonly secrets: SecretSealer;
  /** Prometheus metrics of the sync and of EWS, served at /metrics. */
  readonly metrics: SyncMetrics;
}

export interface OpenedInfrastructure extends Infrastructure {
  readonly db: Database;
}

function databaseTarget(config: Config): DatabaseTarget {
  return config.database.engine === 'pglite'
    ? { engine: 'pglite', dataDir: config.database.dataDir }
    : { engine: 'postgres', url: config.database.url };
}

/** The production infrastructure: the migrated database, the logger, the secret box, the metrics. */
export async function openInfrastructure(config: Config): Promise<OpenedInfrastructure> {
  const logger = createLogger({ level: config.logLevel, pretty: stdoutIsTerminal() });
  const db = await openDatabase(databaseTarget(config));
  const applied = await migrateToLatest(db.knex);
  logger.info({ engine: db.engine, applied: applied.length }, 'database ready');
  const secretKey = loadOrCreateKey({ configuredKey: config.secretKey, dataDir: config.dataDir });
  if (secretKey.source === 'generated')
    logger.warn({ file: secretKey.file }, 'generated a new secret key; back it up (or set ROOMSERVE_SECRET_KEY)');
  return {
    db,
    knex: db.knex,
    logger,
    clock: systemClock,
    secrets: createSecretBox(secretKey.key),
    metrics: createSyncMetrics({ defaultMetrics: true }),
  };
}
