import type { Knex } from 'knex';

// Which Exchange copy a synced booking's subject, body and privacy were read from: the organizer's
// (complete) or the room's (stripped by the booking attendant). Null for bookings made in Roomserve.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.text('detail_source');
  });
  await db.raw(
    "ALTER TABLE bookings ADD CONSTRAINT bookings_detail_source_known CHECK (detail_source IN ('organizer', 'room'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('detail_source');
  });
}
