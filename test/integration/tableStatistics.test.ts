import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchTableGrowth } from '../../server/adapters/db/tableStatistics';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** What the planner knows of the table's size: -1 until it is first analyzed. */
async function plannerRows(db: TestDatabase, table: string): Promise<number> {
  const result = await db.knex.raw<{ rows: { reltuples: unknown }[] }>(
    'SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)',
    [table],
  );
  return Number(result.rows[0]?.reltuples);
}

async function addRows(db: TestDatabase, table: string, rows: number): Promise<void> {
  await db.knex.raw(`INSERT INTO ${table} (n) SELECT generate_series(1, ?)`, [rows]);
}

describe('statistics of a table that grows in bulk', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db.close();
  });

  it('analyzes once enough rows were added, again after half as many again, and not in between', async () => {
    await db.knex.raw('CREATE TABLE growing (n int)');
    const growth = watchTableGrowth(db.knex, 'growing', { minRows: 500, share: 0.5 });
    await addRows(db, 'growing', 400);
    growth.grew(400);
    await growth.settled();
    expect(await plannerRows(db, 'growing')).toBe(-1);

    await addRows(db, 'growing', 200);
    growth.grew(200);
    await growth.settled();
    expect(await plannerRows(db, 'growing')).toBe(600);

    await addRows(db, 'growing', 250);
    growth.grew(250);
    await growth.settled();
    expect(await plannerRows(db, 'growing')).toBe(600);

    await addRows(db, 'growing', 550);
    growth.grew(550);
    await growth.settled();
    expect(await plannerRows(db, 'growing')).toBe(1400);
  });

  it('reports a failed ANALYZE and keeps counting', async () => {
    const errors: unknown[] = [];
    const growth = watchTableGrowth(db.knex, 'no_such_table', { minRows: 10, onError: (err) => errors.push(err) });
    growth.grew(20);
    await growth.settled();
    expect(errors).toHaveLength(1);
    growth.grew(20);
    await growth.settled();
    expect(errors).toHaveLength(2);
  });
});
