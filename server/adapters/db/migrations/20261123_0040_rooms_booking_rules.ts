import type { Knex } from 'knex';

// Roomserve's own booking rules per room (issue 5): longest booking, how far ahead, minimum notice,
// and a read-only switch (the room stays synced and visible but cannot be booked in Roomserve).
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('rooms', (t) => {
    t.integer('max_duration_minutes').notNullable().defaultTo(480);
    t.integer('booking_window_days').notNullable().defaultTo(180);
    t.integer('min_notice_minutes').notNullable().defaultTo(0);
    t.boolean('booking_read_only').notNullable().defaultTo(false);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('rooms', (t) => {
    t.dropColumn('max_duration_minutes');
    t.dropColumn('booking_window_days');
    t.dropColumn('min_notice_minutes');
    t.dropColumn('booking_read_only');
  });
}
