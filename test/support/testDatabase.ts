import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Database } from '../../server/adapters/db/database';

/**
 * An isolated, migrated database for one test file, on the engine the runner chose:
 * TEST_DB=postgres gives a fresh schema in DATABASE_URL's database; otherwise an in-memory PGlite.
 */
export interface TestDatabase extends Database {
  readonly label: string;
}

async function ensureSharedExtension(url: string): Promise<void> {
  // Extensions are database-wide; install once in public so every test schema can use it.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4242)');
    await client.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
    await client.query('SELECT pg_advisory_unlock(4242)');
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  let db: Database;
  let label: string;
  if (engine === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('TEST_DB=postgres needs DATABASE_URL');
    await ensureSharedExtension(url);
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ engine: 'postgres', url, poolMax: 1 });
    await admin.knex.raw(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const inner = await openDatabase({ engine: 'postgres', url, schema, poolMax: 5 });
    label = `postgres:${schema}`;
    db = {
      knex: inner.knex,
      engine: 'postgres',
      async close() {
        await inner.close();
        const cleanup = await openDatabase({ engine: 'postgres', url, poolMax: 1 });
        await cleanup.knex.raw(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.close();
      },
    };
  } else {
    db = await openDatabase({ engine: 'pglite' });
    label = 'pglite:memory';
  }
  if (options.migrate !== false) await migrateToLatest(db.knex);
  return { ...db, label };
}
