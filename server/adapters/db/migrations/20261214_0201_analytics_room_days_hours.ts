import type { Knex } from 'knex';

// The heat map's figures per room and day: open and booked ms per hour of the building's clock
// (flat JSON: cell, open ms, booked ms, ... with cell = weekday × 24 + hour; domain/analytics/heatmap.ts).
// Null on the days computed before: the heat map reads the raw bookings until the backfill, run
// again, has filled them.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_room_days', (t) => {
    t.jsonb('hours').nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_room_days', (t) => {
    t.dropColumn('hours');
  });
}
