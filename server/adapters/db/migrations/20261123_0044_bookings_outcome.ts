import type { Knex } from 'knex';

// The booking attendant's verdict on a Roomserve booking: since when it waits, and why it was
// declined (or why Roomserve gave it up).
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.timestamp('pending_since', { useTz: true });
    t.text('declined_reason');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('pending_since');
    t.dropColumn('declined_reason');
  });
}
