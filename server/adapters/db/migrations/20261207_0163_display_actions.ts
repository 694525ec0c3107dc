import type { Knex } from 'knex';

// What people did at a display (check-in now; book now, end early and extend to follow), kept as
// facts for analytics and never deleted with the display. (display_id, request_id) is unique: a
// double tap or a retry acts once.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('display_actions', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('display_id').references('displays.id').onDelete('SET NULL');
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.uuid('booking_id').references('bookings.id').onDelete('SET NULL');
    t.text('kind').notNullable();
    t.uuid('request_id').notNullable();
    t.integer('minutes');
    t.timestamp('at', { useTz: true }).notNullable();
    t.unique(['display_id', 'request_id']);
    t.index(['booking_id', 'kind']);
    t.index(['room_id', 'at']);
  });
  await db.raw(
    "ALTER TABLE display_actions ADD CONSTRAINT display_actions_kind CHECK (kind IN ('check-in', 'book-now', 'end', 'extend'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('display_actions');
}
