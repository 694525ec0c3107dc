import type { Knex } from 'knex';

// Where a Roomserve booking's meeting lives in Exchange: the organizer's mailbox (null: the service
// account's own) and its item there. ews_item_id stays the room's copy, which the sync owns.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.text('organizer_mailbox');
    t.text('organizer_item_id');
    t.text('organizer_change_key');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('organizer_mailbox');
    t.dropColumn('organizer_item_id');
    t.dropColumn('organizer_change_key');
  });
}
