import type { Knex } from 'knex';

// SAML 2.0 beside OpenID Connect in the single sign-on settings (issue 18): which protocol signs
// people in, the IdP's metadata (pasted XML, or the URL it was fetched from) and the accepted clock
// skew. The OIDC columns become optional, since a SAML installation has no issuer or client id.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('sso_settings', (t) => {
    t.text('protocol').notNullable().defaultTo('oidc');
    t.text('saml_idp_metadata_xml');
    t.text('saml_idp_metadata_url');
    t.integer('saml_clock_skew_seconds').notNullable().defaultTo(60);
    t.text('issuer_url').nullable().alter();
    t.text('client_id').nullable().alter();
  });
  await db.raw("ALTER TABLE sso_settings ADD CONSTRAINT sso_settings_protocol CHECK (protocol IN ('oidc', 'saml'))");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE sso_settings DROP CONSTRAINT sso_settings_protocol');
  await db.schema.alterTable('sso_settings', (t) => {
    t.dropColumn('protocol');
    t.dropColumn('saml_idp_metadata_xml');
    t.dropColumn('saml_idp_metadata_url');
    t.dropColumn('saml_clock_skew_seconds');
  });
}
