import type { Knex } from 'knex';

// The days' hour cells (20261214_0201, the same text) summed per room and week, so a year's heat map adds a room's
// weeks. Null on the weeks summed before: the heat map reads the raw bookings until the backfill,
// run again, has filled them.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_room_weeks', (t) => {
    t.text('hours').nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_room_weeks', (t) => {
    t.dropColumn('hours');
  });
}
