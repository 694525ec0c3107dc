import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrationSource } from '../../server/adapters/db/migrations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db.close();
  });

  it('run up, all the way down, and up again on this engine', async () => {
    const names = await migrationSource.getMigrations([]);
    const [, first] = (await db.knex.migrate.latest({ migrationSource })) as [number, string[]];
    expect(first).toEqual(names);
    await db.knex.migrate.rollback({ migrationSource }, true);
    expect(await db.knex.schema.hasTable('bookings')).toBe(false);
    const [, again] = (await db.knex.migrate.latest({ migrationSource })) as [number, string[]];
    expect(again).toEqual(names);
    expect(await db.knex.schema.hasTable('bookings')).toBe(true);
  });
});
