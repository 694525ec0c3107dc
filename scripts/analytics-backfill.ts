/**
 * `npm run analytics:backfill`: computes the analytics daily rollup (docs/analytics.md) for the
 * history already in the configured database, from its first booking to the last finished day,
 * and starts the rollup's coverage there. Run it once after upgrading, or after changing a
 * building's opening hours; the running server keeps it current afterwards.
 */
import { pino } from 'pino';
import { systemClock } from '../server/adapters/clock/systemClock';
import { createAnalyticsFacts } from '../server/adapters/db/repositories/analytics';
import { createAnalyticsRollupStore } from '../server/adapters/db/repositories/analyticsRollup';
import { migrateToLatest, openDatabase } from '../server/adapters/db/database';
import { ConfigError, loadConfig } from '../server/config';
import { createAnalyticsRollup } from '../server/services/analytics/rollup';

async function run(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase(config.database);
  try {
    await migrateToLatest(db.knex);
    const started = Date.now();
    const rollup = createAnalyticsRollup({
      facts: createAnalyticsFacts(db.knex),
      store: createAnalyticsRollupStore(db.knex),
      clock: systemClock,
    });
    const done = await rollup.backfill();
    logger.info({ ...done, ms: Date.now() - started }, 'analytics rollup backfilled');
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exitCode = 1;
});
