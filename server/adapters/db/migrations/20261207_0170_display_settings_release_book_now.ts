import type { Knex } from 'knex';

// Displays (issue 14): how long a room waits for a check-in before releasing a meeting, and which
// "book now" choices displays offer, installation-wide.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('display_settings', (t) => {
    t.integer('release_after_minutes').notNullable().defaultTo(10);
    t.jsonb('book_now_options')
      .notNullable()
      .defaultTo(JSON.stringify([15, 30, 60, 'until-next']));
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('display_settings', (t) => {
    t.dropColumn('release_after_minutes');
    t.dropColumn('book_now_options');
  });
}
