import type { Knex } from 'knex';

// Two confirmed bookings of one room can never overlap, whatever code path writes them.
// The constraint's GiST index also serves "bookings of these rooms within this window".
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
    EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (status = 'confirmed')
  `);
  await db.raw('CREATE INDEX bookings_room_during_gist ON bookings USING gist (room_id, during)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX bookings_room_during_gist');
  await db.raw('ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap');
}
