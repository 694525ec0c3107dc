/**
 * `npm run db:migrate`: brings the configured database (PGlite in DATA_DIR, or DATABASE_URL)
 * to the latest schema. The server does the same at start; this is for deployments and CI.
 */
import { pino } from 'pino';
import { migrateToLatest, openDatabase } from '../server/adapters/db/database';
import { ConfigError, loadConfig } from '../server/config';

async function run(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase(config.database);
  try {
    const applied = await migrateToLatest(db.knex);
    logger.info(
      { engine: db.engine, applied },
      applied.length > 0 ? `applied ${applied.length} migrations` : 'database already up to date',
    );
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exitCode = 1;
});
