import type { Knex } from 'knex';

// Pull subscriptions are the fallback where Exchange refuses streaming: a state of their own, so
// the overview tells them apart from rooms that only get the periodic safety sync.
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE room_sync DROP CONSTRAINT room_sync_stream_state_known');
  await db.raw(
    "ALTER TABLE room_sync ADD CONSTRAINT room_sync_stream_state_known CHECK (stream_state IN ('none', 'connecting', 'streaming', 'reconnecting', 'pull', 'polling'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw("UPDATE room_sync SET stream_state = 'polling' WHERE stream_state = 'pull'");
  await db.raw('ALTER TABLE room_sync DROP CONSTRAINT room_sync_stream_state_known');
  await db.raw(
    "ALTER TABLE room_sync ADD CONSTRAINT room_sync_stream_state_known CHECK (stream_state IN ('none', 'connecting', 'streaming', 'reconnecting', 'polling'))",
  );
}
