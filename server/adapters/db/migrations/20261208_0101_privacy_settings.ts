import type { Knex } from 'knex';

// One row: who sees organizer names and subjects of other people's meetings, installation-wide
// (the live plan, room timelines, busy rooms). No row: the defaults in domain/availability/bookingVisibility.ts.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('privacy_settings', (t) => {
    t.integer('id').primary();
    t.text('organizer_names').notNullable();
    t.text('subjects').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE privacy_settings ADD CONSTRAINT privacy_settings_single_row CHECK (id = 1)');
  await db.raw(
    "ALTER TABLE privacy_settings ADD CONSTRAINT privacy_settings_names CHECK (organizer_names IN ('signed-in', 'employees', 'nobody'))",
  );
  await db.raw(
    "ALTER TABLE privacy_settings ADD CONSTRAINT privacy_settings_subjects CHECK (subjects IN ('never', 'non-private'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('privacy_settings');
}
