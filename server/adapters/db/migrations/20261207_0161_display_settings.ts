import type { Knex } from 'knex';

// One row: what room displays show and whether meetings need a check-in, installation-wide.
// Rooms may override each setting (room_display_settings). No row: the defaults in the domain.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('display_settings', (t) => {
    t.integer('id').primary();
    t.boolean('show_subjects').notNullable().defaultTo(true);
    t.boolean('show_organizers').notNullable().defaultTo(true);
    t.boolean('check_in_required').notNullable().defaultTo(false);
    t.integer('check_in_before_minutes').notNullable().defaultTo(10);
    t.integer('check_in_after_minutes').notNullable().defaultTo(10);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE display_settings ADD CONSTRAINT display_settings_single_row CHECK (id = 1)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('display_settings');
}
