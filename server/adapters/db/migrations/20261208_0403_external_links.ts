import type { Knex } from 'knex';

// One-time links sent to externals by email: an invitation (accept, set a password) or a
// passwordless sign-in. Only the SHA-256 of the token is stored; used_at makes each single-use.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('external_links', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('token_hash').notNullable().unique();
    t.text('purpose').notNullable();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
  });
  await db.raw(
    "ALTER TABLE external_links ADD CONSTRAINT external_links_purpose_known CHECK (purpose IN ('invitation', 'sign-in'))",
  );
  // The inviter's rate limit counts their invitations of the last day.
  await db.raw('CREATE INDEX external_links_created_by_idx ON external_links (created_by, created_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('external_links');
}
