import type { Knex } from 'knex';

// The installation's booking mode: 'simple' (a room, a time and a subject, as before) or 'events'
// (event management: attendees, description, online link, private flag). Existing installations stay simple.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('booking_settings', (t) => {
    t.text('booking_mode').notNullable().defaultTo('simple');
  });
  await db.raw(
    "ALTER TABLE booking_settings ADD CONSTRAINT booking_settings_mode_known CHECK (booking_mode IN ('simple', 'events'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('booking_settings', (t) => {
    t.dropColumn('booking_mode');
  });
}
