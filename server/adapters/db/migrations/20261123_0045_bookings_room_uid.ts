import type { Knex } from 'knex';

// The sync recognises the room's copy of a meeting Roomserve wrote by the UID we gave it, before the
// booking knows the meeting's clean global object id.
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX bookings_room_uid_idx ON bookings (room_id, uid) WHERE uid IS NOT NULL');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX bookings_room_uid_idx');
}
