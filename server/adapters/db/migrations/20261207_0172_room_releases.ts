import type { Knex } from 'knex';

// Meetings a room gave up because nobody checked in (the room declined its copy in Exchange), and
// series it declined after repeated releases ("strikes"). Facts for analytics: never deleted, and
// they keep what the meeting was (time, subject, organizer) after the booking row changes.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('room_releases', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.uuid('booking_id').references('bookings.id').onDelete('SET NULL');
    t.text('kind').notNullable();
    // The series (clean global object id) for an occurrence; null for a single meeting.
    t.text('series_key');
    t.timestamp('meeting_start', { useTz: true }).notNullable();
    t.timestamp('meeting_end', { useTz: true }).notNullable();
    t.text('subject').notNullable().defaultTo('');
    t.text('organizer_name').notNullable().defaultTo('');
    t.text('organizer_email').notNullable().defaultTo('');
    t.boolean('is_private').notNullable().defaultTo(false);
    // Consecutive released occurrences of the series counting this one (1 for a single meeting).
    t.integer('strike').notNullable().defaultTo(1);
    // Who did it: the release job of an instance, or a display (end early).
    t.text('actor').notNullable();
    t.uuid('display_id').references('displays.id').onDelete('SET NULL');
    t.timestamp('at', { useTz: true }).notNullable();
    t.unique(['booking_id', 'kind']);
    t.index(['room_id', 'meeting_start']);
    t.index(['series_key', 'meeting_start']);
  });
  await db.raw(
    "ALTER TABLE room_releases ADD CONSTRAINT room_releases_kind CHECK (kind IN ('release', 'series-declined'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('room_releases');
}
