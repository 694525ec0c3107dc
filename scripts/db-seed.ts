/**
 * `npm run db:seed`: migrates the configured database and adds the demo organisation when it
 * has no buildings yet. A database that already has locations is left untouched.
 */
import { pino } from 'pino';
import { migrateToLatest, openDatabase } from '../server/adapters/db/database';
import { seedDemoIfEmpty } from '../demo/database/seed';
import { ConfigError, loadConfig } from '../server/config';

async function run(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase(config.database);
  try {
    await migrateToLatest(db.knex);
    const seeded = await seedDemoIfEmpty(db.knex, { logger });
    if (!seeded) logger.info({ engine: db.engine }, 'the database already has buildings; demo seed skipped');
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exitCode = 1;
});
