import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('bookings', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.specificType('during', 'tstzrange').notNullable();
    t.text('subject').notNullable().defaultTo('');
    t.text('organizer_name').notNullable().defaultTo('');
    t.text('organizer_email').notNullable().defaultTo('');
    t.jsonb('attendees').notNullable().defaultTo('[]');
    t.text('description').notNullable().defaultTo('');
    t.text('location').notNullable().defaultTo('');
    t.text('online_meeting_url');
    t.boolean('is_private').notNullable().defaultTo(false);
    t.text('source').notNullable();
    t.text('status').notNullable();
    // Exchange identity. ItemIds are per mailbox; the meeting is known by its clean global object id.
    t.text('ews_item_id');
    t.text('ews_change_key');
    t.text('clean_global_object_id');
    t.text('uid');
    t.text('recurring_master_id');
    t.timestamp('original_start', { useTz: true });
    t.boolean('is_occurrence').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(
    "ALTER TABLE bookings ADD CONSTRAINT bookings_source_known CHECK (source IN ('exchange', 'app', 'display'))",
  );
  await db.raw(
    "ALTER TABLE bookings ADD CONSTRAINT bookings_status_known CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled'))",
  );
  await db.raw(
    'ALTER TABLE bookings ADD CONSTRAINT bookings_range_bounded CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during))',
  );
  await db.raw('CREATE INDEX bookings_meeting_idx ON bookings (clean_global_object_id, original_start)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('bookings');
}
