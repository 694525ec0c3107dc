import type { Knex } from 'knex';

// Whether a booking was planned as an event (POST /api/events), so My bookings can link it to its
// event page. Bookings made before this column are not marked: nothing told them apart.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.boolean('is_event').notNullable().defaultTo(false);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('bookings', (t) => {
    t.dropColumn('is_event');
  });
}
