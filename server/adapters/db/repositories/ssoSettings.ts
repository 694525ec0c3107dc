import type { Knex } from 'knex';
import { roleMappingSchema, type SsoUserClaim } from '../../../../shared/schemas/sso';
import type { SsoSettingsRepository, StoredSsoSettings } from '../../../ports/sso';

interface SsoSettingsRow {
  enabled: boolean;
  protocol: string;
  display_name: string;
  issuer_url: string | null;
  client_id: string | null;
  client_secret_sealed: string | null;
  scopes: unknown;
  user_claim: string;
  role_mappings: unknown;
  password_sign_in: boolean;
  break_glass_email: string | null;
  saml_idp_metadata_xml: string | null;
  saml_idp_metadata_url: string | null;
  saml_clock_skew_seconds: number;
  updated_at: Date | string;
}

/** PGlite and pg both parse jsonb; a string would mean a driver that does not. */
const parsedJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const userClaimOf = (value: string): SsoUserClaim => (value === 'email' ? 'email' : 'upn');

function toSettings(row: SsoSettingsRow): StoredSsoSettings {
  return {
    enabled: row.enabled,
    protocol: row.protocol === 'saml' ? 'saml' : 'oidc',
    displayName: row.display_name,
    issuerUrl: row.issuer_url,
    clientId: row.client_id,
    clientSecretSealed: row.client_secret_sealed,
    scopes: stringsOf(parsedJson(row.scopes)),
    userClaim: userClaimOf(row.user_claim),
    // A mapping to a role that no longer exists is dropped rather than failing every sign-in.
    roleMappings: (Array.isArray(parsedJson(row.role_mappings)) ? (parsedJson(row.role_mappings) as unknown[]) : [])
      .map((m) => roleMappingSchema.safeParse(m))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : [])),
    passwordSignIn: row.password_sign_in,
    breakGlassEmail: row.break_glass_email,
    saml: {
      idpMetadataXml: row.saml_idp_metadata_xml,
      idpMetadataUrl: row.saml_idp_metadata_url,
      clockSkewSeconds: row.saml_clock_skew_seconds,
    },
    updatedAt: new Date(row.updated_at),
  };
}

export function createSsoSettingsRepository(db: Knex): SsoSettingsRepository {
  return {
    async get() {
      const row = await db('sso_settings').where({ id: 1 }).first<SsoSettingsRow | undefined>();
      return row ? toSettings(row) : undefined;
    },
    async save(settings) {
      const values = {
        enabled: settings.enabled,
        protocol: settings.protocol,
        display_name: settings.displayName,
        issuer_url: settings.issuerUrl,
        client_id: settings.clientId,
        client_secret_sealed: settings.clientSecretSealed,
        scopes: JSON.stringify(settings.scopes),
        user_claim: settings.userClaim,
        role_mappings: JSON.stringify(settings.roleMappings),
        password_sign_in: settings.passwordSignIn,
        break_glass_email: settings.breakGlassEmail,
        saml_idp_metadata_xml: settings.saml.idpMetadataXml,
        saml_idp_metadata_url: settings.saml.idpMetadataUrl,
        saml_clock_skew_seconds: settings.saml.clockSkewSeconds,
        updated_at: settings.updatedAt,
      };
      const [row] = await db('sso_settings')
        .insert({ id: 1, ...values })
        .onConflict('id')
        .merge(values)
        .returning<SsoSettingsRow[]>('*');
      if (!row) throw new Error('upsert into sso_settings returned no row');
      return toSettings(row);
    },
  };
}
