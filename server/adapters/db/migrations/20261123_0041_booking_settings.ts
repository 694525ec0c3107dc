import type { Knex } from 'knex';

// One row: installation-wide booking switches. read_only turns booking in Roomserve off everywhere;
// booking_mailbox organises meetings for people without a mailbox (null: the service account's own).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('booking_settings', (t) => {
    t.integer('id').primary();
    t.boolean('read_only').notNullable().defaultTo(false);
    t.text('booking_mailbox');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE booking_settings ADD CONSTRAINT booking_settings_single_row CHECK (id = 1)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('booking_settings');
}
