import type { Knex } from 'knex';

// An order placed from Outlook on a meeting that was saved but not sent yet: the room has no
// booking of it, so booking_id stays null and the order waits for the meeting (identity, room and
// times as the organizer's copy had them) until the sync brings in the room's booking.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('orders', (t) => {
    t.boolean('awaiting_meeting').notNullable().defaultTo(false);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('orders', (t) => {
    t.dropColumn('awaiting_meeting');
  });
}
