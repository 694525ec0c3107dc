import type { Knex } from 'knex';

// A room's own release delay and "book now" choices; null follows the installation's.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('room_display_settings', (t) => {
    t.integer('release_after_minutes');
    t.jsonb('book_now_options');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('room_display_settings', (t) => {
    t.dropColumn('release_after_minutes');
    t.dropColumn('book_now_options');
  });
}
