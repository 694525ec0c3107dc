import type { Knex } from 'knex';

// One row: the analytics recommendations' thresholds. No row: the defaults in the domain.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('analytics_settings', (t) => {
    t.integer('id').primary();
    t.jsonb('thresholds').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE analytics_settings ADD CONSTRAINT analytics_settings_single_row CHECK (id = 1)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('analytics_settings');
}
