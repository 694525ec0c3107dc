import type { Knex } from 'knex';

// Replaced by analytics_room_days_booking_ids (20261210_0401).
export async function up(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS analytics_room_days_bookings');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX analytics_room_days_bookings ON analytics_room_days USING gin (booking_ids)');
}
