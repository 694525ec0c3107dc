import type { Knex } from 'knex';

// btree_gist lets one GiST exclusion constraint mix "same room" (=) with "overlapping time" (&&).
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE EXTENSION IF NOT EXISTS btree_gist');
}

export async function down(): Promise<void> {
  // The extension may be shared with other schemas of the same database; leave it installed.
}
