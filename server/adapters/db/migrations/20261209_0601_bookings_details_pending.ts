import type { Knex } from 'knex';

// Phase 1 of a first sync writes a booking from the room's SyncFolderItems headers alone (times,
// free or busy, the room's subject); phase 2 fills in the organizer's details and clears this.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.boolean('details_pending').notNullable().defaultTo(false);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('details_pending');
  });
}
