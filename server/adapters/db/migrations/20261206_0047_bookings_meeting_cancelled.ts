import type { Knex } from 'knex';

// When Roomserve cancelled the booking's meeting in Exchange. Such a meeting never comes back, so
// the sync must not confirm the booking again from a room's copy that still shows it.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.timestamp('meeting_cancelled_at', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('meeting_cancelled_at');
  });
}
