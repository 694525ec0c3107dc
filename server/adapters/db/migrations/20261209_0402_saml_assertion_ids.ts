import type { Knex } from 'knex';

// SAML assertions already used (issue 18): an assertion's ID is kept until the assertion expires,
// so the same assertion posted again is refused, on whichever instance it arrives.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('saml_assertion_ids', (t) => {
    t.text('assertion_id').primary();
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await db.raw('CREATE INDEX saml_assertion_ids_expires_idx ON saml_assertion_ids (expires_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('saml_assertion_ids');
}
