import type { Knex } from 'knex';

// Deleting a user cascades to its links; without an index that is a scan of every link.
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX addin_identity_links_user_idx ON addin_identity_links (user_id)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX addin_identity_links_user_idx');
}
