import type { Knex } from 'knex';
import type { ApiTokenRecord, ApiTokenRepository, NewApiToken } from '../../../ports/apiTokens';

interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Date | string;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
}

const COLUMNS = ['id', 'user_id', 'name', 'created_at', 'expires_at', 'last_used_at'];
type PublicRow = Omit<ApiTokenRow, 'token_hash'>;

const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function toToken(row: PublicRow): ApiTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: new Date(row.created_at),
    expiresAt: dateOrNull(row.expires_at),
    lastUsedAt: dateOrNull(row.last_used_at),
  };
}

export function createApiTokenRepository(db: Knex): ApiTokenRepository {
  return {
    async create(token: NewApiToken) {
      const [row] = await db('api_tokens')
        .insert({
          user_id: token.userId,
          name: token.name,
          token_hash: token.tokenHash,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
        })
        .returning<PublicRow[]>(COLUMNS);
      if (!row) throw new Error('insert into api_tokens returned no row');
      return toToken(row);
    },
    async listForUser(userId) {
      const rows = await db('api_tokens')
        .select<PublicRow[]>(COLUMNS)
        .where({ user_id: userId })
        .orderBy([{ column: 'created_at' }, { column: 'id' }]);
      return rows.map(toToken);
    },
    async findByHash(tokenHash) {
      const row = await db('api_tokens').where({ token_hash: tokenHash }).first<PublicRow | undefined>(COLUMNS);
      return row ? toToken(row) : undefined;
    },
    async markUsed(id, at) {
      await db('api_tokens').where({ id }).update({ last_used_at: at });
    },
    async deleteForUser(id, userId) {
      // knex-pglite answers a bare delete with a result object, pg with a count: rows agree on both.
      const deleted = await db('api_tokens').where({ id, user_id: userId }).delete().returning<{ id: string }[]>('id');
      return deleted.length > 0;
    },
  };
}
