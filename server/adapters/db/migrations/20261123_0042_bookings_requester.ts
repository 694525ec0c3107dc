import type { Knex } from 'knex';

// Who asked Roomserve for a booking, and the booker without a mailbox (external user, display)
// whose meeting the booking mailbox organises.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.uuid('requested_by').references('users.id').onDelete('SET NULL');
    t.text('booker_name');
    t.text('booker_email');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('requested_by');
    t.dropColumn('booker_name');
    t.dropColumn('booker_email');
  });
}
