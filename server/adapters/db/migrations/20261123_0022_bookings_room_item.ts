import type { Knex } from 'knex';

// The sync engine looks up a room's bookings by the ItemIds Exchange reports deleted: the item's
// own id (single meetings) or its series master's id (occurrences).
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX bookings_room_item_idx ON bookings (room_id, ews_item_id) WHERE ews_item_id IS NOT NULL');
  await db.raw(
    'CREATE INDEX bookings_room_master_idx ON bookings (room_id, recurring_master_id) WHERE recurring_master_id IS NOT NULL',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX bookings_room_master_idx');
  await db.raw('DROP INDEX bookings_room_item_idx');
}
