import type { Knex } from 'knex';

// One row: the installation's rules for externals. No row: the defaults in the domain.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('external_settings', (t) => {
    t.integer('id').primary();
    t.boolean('employees_may_invite').notNullable().defaultTo(false);
    t.integer('invitations_per_day').notNullable().defaultTo(20);
    t.integer('max_open_bookings').notNullable().defaultTo(5);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE external_settings ADD CONSTRAINT external_settings_single_row CHECK (id = 1)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('external_settings');
}
