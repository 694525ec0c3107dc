import type { Knex } from 'knex';

// A session opened with a password an admin reset: it may only change the password (or sign out).
// Kept on the session, not read from the user, so that single sign-on and one-time-link sessions,
// which did not use that password, are not held back by it.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('sessions', (t) => {
    t.boolean('password_change_required').notNullable().defaultTo(false);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('sessions', (t) => {
    t.dropColumn('password_change_required');
  });
}
