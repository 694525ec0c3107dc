import type { Knex } from 'knex';

// Bookings anonymised after N days (docs/analytics.md): when, and the number of people the
// meeting had, which analytics keeps counting once the attendees are gone.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.timestamp('anonymised_at', { useTz: true });
    t.integer('attendee_count');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('anonymised_at');
    t.dropColumn('attendee_count');
  });
}
