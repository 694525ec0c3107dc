import type { Knex } from 'knex';

// "My bookings" and the repair sweep of pending Roomserve bookings.
export async function up(db: Knex): Promise<void> {
  await db.raw(
    'CREATE INDEX bookings_requested_by_idx ON bookings (requested_by, lower(during)) WHERE requested_by IS NOT NULL',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX bookings_requested_by_idx');
}
