import type { Knex } from 'knex';

// The daily rollup summed per room and Monday-to-Sunday week, kept with the days (the store
// writes both in one transaction): a year's overview reads 53 narrow rows per room instead of
// summing 365 wide ones. The lengths and lead times are tallies, flat JSON arrays of value, count,
// value, count... (read by joining them as text), so the median needs no list of every booking.
// No booking ids: the days keep them for the listener.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('analytics_room_weeks', (t) => {
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.date('week').notNullable();
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
    t.timestamp('computed_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['room_id', 'week']);
  });
  await db.raw(
    'ALTER TABLE analytics_room_weeks ADD CONSTRAINT analytics_room_weeks_monday CHECK (extract(isodow FROM week) = 1)',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('analytics_room_weeks');
}
