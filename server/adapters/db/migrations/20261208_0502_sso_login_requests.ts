import type { Knex } from 'knex';

// Sign-ins started at the identity provider and not yet back (issue 18): what the callback must
// check (state, nonce, PKCE verifier, sealed), in the database so that any instance can finish a
// sign-in another one started. A row is consumed by its callback; a test sign-in keeps its claims
// (result) for the admin page until it expires.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('sso_login_requests', (t) => {
    t.text('state_hash').primary();
    t.text('nonce').notNullable();
    t.text('code_verifier_sealed').notNullable();
    t.text('purpose').notNullable();
    t.uuid('requested_by').references('id').inTable('users').onDelete('CASCADE');
    // A finished test sign-in: the id the admin page asks for, and the claims it received.
    t.text('result_id').unique();
    t.jsonb('result');
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await db.raw(
    "ALTER TABLE sso_login_requests ADD CONSTRAINT sso_login_requests_purpose CHECK (purpose IN ('sign-in', 'test'))",
  );
  await db.raw('CREATE INDEX sso_login_requests_expires_idx ON sso_login_requests (expires_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('sso_login_requests');
}
