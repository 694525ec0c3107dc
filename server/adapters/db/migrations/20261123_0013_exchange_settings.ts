import type { Knex } from 'knex';

// The installation's one Exchange connection: a single row (id = 1). The service account's
// password is stored sealed with AES-256-GCM (adapters/crypto/secretBox.ts), never in clear.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('exchange_settings', (t) => {
    t.smallint('id').primary().defaultTo(1);
    t.text('ews_url').notNullable();
    t.text('username').notNullable();
    t.text('password_sealed').notNullable();
    t.text('auth_method').notNullable();
    t.text('ca_bundle_pem');
    t.boolean('skip_tls_verification').notNullable().defaultTo(false);
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await db.raw('ALTER TABLE exchange_settings ADD CONSTRAINT exchange_settings_single_row CHECK (id = 1)');
  await db.raw(
    "ALTER TABLE exchange_settings ADD CONSTRAINT exchange_settings_auth_method CHECK (auth_method IN ('ntlm', 'basic'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('exchange_settings');
}
