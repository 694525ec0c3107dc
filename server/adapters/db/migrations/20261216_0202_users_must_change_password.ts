import type { Knex } from 'knex';

// Set when an admin resets the user's password (the admin knows the new one): the next password
// sign-in must choose another before anything else. Cleared when the user changes it.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('users', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('users', (t) => {
    t.dropColumn('must_change_password');
  });
}
