import type { Knex } from 'knex';

// The rollup's listener asks which days counted a changed booking (`booking_ids @> '["id"]'`).
// The first GIN index kept its new entries in a pending list that every probe scanned in full:
// after a backfill about 45 ms a probe, most of the listener's cost. This one is built for
// containment only (jsonb_path_ops, smaller) and writes entries straight into the tree.
export async function up(db: Knex): Promise<void> {
  await db.raw(
    'CREATE INDEX analytics_room_days_booking_ids ON analytics_room_days USING gin (booking_ids jsonb_path_ops) WITH (fastupdate = off)',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS analytics_room_days_booking_ids');
}
