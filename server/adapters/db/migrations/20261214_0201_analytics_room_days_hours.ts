import type { Knex } from 'knex';

// The heat map's figures per room and day: open and booked time per hour of the building's clock,
// as comma-separated text (cell, open minutes, booked minutes, ... with cell = weekday × 24 + hour;
// domain/analytics/heatmap.ts). Text, not JSON: a building's year of weeks is read joined as text,
// and casting each row's JSON to text was most of that read. Null on the days computed before: the
// heat map reads the raw bookings until the backfill, run again, has filled them.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_room_days', (t) => {
    t.text('hours').nullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_room_days', (t) => {
    t.dropColumn('hours');
  });
}
