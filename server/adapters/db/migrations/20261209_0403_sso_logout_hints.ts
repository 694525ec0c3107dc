import type { Knex } from 'knex';

// The ID token of an OIDC sign-in, sealed, kept for RP-initiated logout's id_token_hint (issue 18).
// The browser holds a random handle in a cookie; the row is used once, at sign-out, or expires with
// the session.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('sso_logout_hints', (t) => {
    t.text('handle_hash').primary();
    t.text('id_token_sealed').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await db.raw('CREATE INDEX sso_logout_hints_expires_idx ON sso_logout_hints (expires_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('sso_logout_hints');
}
