import type { Knex } from 'knex';

// One row per connected room: where its Exchange change feed stands and how its sync is doing.
// The sync state is written in the same transaction as the booking changes it produced.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('room_sync', (t) => {
    t.uuid('room_id').primary().references('rooms.id').onDelete('CASCADE');
    // The mailbox the sync state belongs to: a new exchange email starts a new feed.
    t.text('mailbox').notNullable();
    t.text('sync_state');
    t.timestamp('last_success_at', { useTz: true });
    t.timestamp('last_full_sync_at', { useTz: true });
    t.timestamp('next_sync_at', { useTz: true });
    t.text('last_error');
    t.text('last_error_code');
    t.timestamp('last_error_at', { useTz: true });
    t.integer('consecutive_failures').notNullable().defaultTo(0);
    t.text('stream_state').notNullable().defaultTo('none');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(
    "ALTER TABLE room_sync ADD CONSTRAINT room_sync_stream_state_known CHECK (stream_state IN ('none', 'connecting', 'streaming', 'reconnecting', 'polling'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('room_sync');
}
