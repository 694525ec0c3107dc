import type { Knex } from 'knex';
import type {
  ExchangeAuthMethod,
  ExchangeSettingsRepository,
  StoredExchangeSettings,
} from '../../../ports/exchangeSettings';

interface ExchangeSettingsRow {
  id: number;
  ews_url: string;
  username: string;
  password_sealed: string;
  auth_method: string;
  ca_bundle_pem: string | null;
  skip_tls_verification: boolean;
  updated_at: Date | string;
}

const authMethodOf = (value: string): ExchangeAuthMethod => (value === 'basic' ? 'basic' : 'ntlm');

function toSettings(row: ExchangeSettingsRow): StoredExchangeSettings {
  return {
    url: row.ews_url,
    username: row.username,
    passwordSealed: row.password_sealed,
    authMethod: authMethodOf(row.auth_method),
    caBundlePem: row.ca_bundle_pem,
    skipTlsVerification: row.skip_tls_verification,
    updatedAt: new Date(row.updated_at),
  };
}

export function createExchangeSettingsRepository(db: Knex): ExchangeSettingsRepository {
  return {
    async get() {
      const row = await db('exchange_settings').where({ id: 1 }).first<ExchangeSettingsRow | undefined>();
      return row ? toSettings(row) : undefined;
    },
    async save(settings, at) {
      const values = {
        ews_url: settings.url,
        username: settings.username,
        password_sealed: settings.passwordSealed,
        auth_method: settings.authMethod,
        ca_bundle_pem: settings.caBundlePem,
        skip_tls_verification: settings.skipTlsVerification,
        updated_at: at,
      };
      const [row] = await db('exchange_settings')
        .insert({ id: 1, ...values })
        .onConflict('id')
        .merge(values)
        .returning<ExchangeSettingsRow[]>('*');
      if (!row) throw new Error('upsert into exchange_settings returned no row');
      return toSettings(row);
    },
    async connectedRoomEmails() {
      const rows = await db('rooms')
        .whereNotNull('exchange_email')
        .select<Array<{ email: string }>>(db.raw('lower(exchange_email) as email'));
      return new Set(rows.map((r) => r.email));
    },
  };
}
