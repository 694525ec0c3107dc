import type { Knex } from 'knex';

// An event's recurrence as its organizer asked for it (JSON, shared/schemas/events.ts Recurrence);
// null for a single meeting. The booking row stands for the series; Exchange expands it.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.jsonb('recurrence');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('recurrence');
  });
}
