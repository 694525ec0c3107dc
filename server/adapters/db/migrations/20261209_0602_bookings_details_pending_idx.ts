import type { Knex } from 'knex';

// Phase 2 and the integration overview look for the few bookings still waiting for their details
// among hundreds of thousands: a partial index holds only those.
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX bookings_details_pending_idx ON bookings (room_id) WHERE details_pending');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS bookings_details_pending_idx');
}
