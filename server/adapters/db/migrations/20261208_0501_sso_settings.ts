import type { Knex } from 'knex';

// The installation's single sign-on (issue 18): a single row (id = 1). The OIDC client secret is
// sealed with the installation's secret key, as the Exchange password is; role_mappings is a JSON
// list of { claim, value, role } read in order.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('sso_settings', (t) => {
    t.smallint('id').primary().defaultTo(1);
    t.boolean('enabled').notNullable().defaultTo(false);
    t.text('display_name').notNullable();
    t.text('issuer_url').notNullable();
    t.text('client_id').notNullable();
    t.text('client_secret_sealed');
    t.jsonb('scopes').notNullable();
    t.text('user_claim').notNullable();
    t.jsonb('role_mappings').notNullable();
    t.boolean('password_sign_in').notNullable().defaultTo(true);
    t.text('break_glass_email');
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await db.raw('ALTER TABLE sso_settings ADD CONSTRAINT sso_settings_single_row CHECK (id = 1)');
  await db.raw(
    "ALTER TABLE sso_settings ADD CONSTRAINT sso_settings_user_claim CHECK (user_claim IN ('upn', 'email'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('sso_settings');
}
