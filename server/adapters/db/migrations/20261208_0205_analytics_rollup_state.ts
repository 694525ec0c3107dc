import type { Knex } from 'knex';

// One row: the days (UTC dates, inclusive) for which analytics_room_days holds every room. Reads
// use the rollup inside it and compute from the bookings outside it.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('analytics_rollup_state', (t) => {
    t.integer('id').primary();
    t.date('covered_from').notNullable();
    t.date('covered_to').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE analytics_rollup_state ADD CONSTRAINT analytics_rollup_state_single_row CHECK (id = 1)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('analytics_rollup_state');
}
