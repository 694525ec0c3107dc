import type { Knex } from 'knex';

// Room displays (issue 14). A row lives on after revocation (revoked_at) so the facts of what a
// display did (check-ins, book now, ...) keep pointing at it. Codes and tokens are stored hashed.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('displays', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.text('pairing_code_hash').unique();
    t.timestamp('pairing_expires_at', { useTz: true });
    t.text('token_hash').unique();
    t.timestamp('paired_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('last_seen_at', { useTz: true });
    t.text('app_version');
    t.index(['room_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('displays');
}
