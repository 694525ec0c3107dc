import type { Knex } from 'knex';

// An account may end on a date (externals: a contractor's engagement). After it the account is
// treated as deactivated; null: no end.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('users', (t) => {
    t.timestamp('access_expires_at', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('users', (t) => {
    t.dropColumn('access_expires_at');
  });
}
