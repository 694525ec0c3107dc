import type { Knex } from 'knex';

// Room search lists free rooms in best-fit order (repositories/roomSearch.ts, SAME_STATE_FIT):
// with this index it reads the first page off the index instead of sorting every active room.
export async function up(db: Knex): Promise<void> {
  await db.raw(
    'CREATE INDEX rooms_best_fit ON rooms (capacity, lower(name COLLATE "C"), (name COLLATE "C"), id) WHERE active',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX rooms_best_fit');
}
