import type { Knex } from 'knex';

// When a room was deactivated: analytics counts its opening hours only while it was active.
// Rooms inactive already get their last change as the best known time.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('rooms', (t) => {
    t.timestamp('deactivated_at', { useTz: true });
  });
  await db.raw('UPDATE rooms SET deactivated_at = updated_at WHERE NOT active');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('rooms', (t) => {
    t.dropColumn('deactivated_at');
  });
}
