import type { Knex } from 'knex';

// The daily rollup of analytics: one row per room and local day with the sums the figures are
// ratios of (docs/analytics.md), and the bookings counted in it, so a booking that changes finds
// the days it was counted in. Kept current by services/analytics/rollup.ts.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('analytics_room_days', (t) => {
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.bigInteger('open_ms').notNullable();
    t.bigInteger('booked_ms').notNullable();
    t.bigInteger('occupied_ms').notNullable();
    t.bigInteger('released_ms').notNullable();
    t.integer('bookings').notNullable();
    t.integer('recurring').notNullable();
    t.integer('check_in_candidates').notNullable();
    t.integer('released').notNullable();
    t.integer('sized').notNullable();
    t.integer('under_half_capacity').notNullable();
    t.integer('over_capacity').notNullable();
    t.jsonb('lengths').notNullable();
    t.jsonb('lead_minutes').notNullable();
    t.jsonb('booking_ids').notNullable();
    t.timestamp('computed_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['room_id', 'day']);
  });
  await db.raw('CREATE INDEX analytics_room_days_bookings ON analytics_room_days USING gin (booking_ids)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('analytics_room_days');
}
