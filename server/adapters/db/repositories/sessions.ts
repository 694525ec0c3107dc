import type { Knex } from 'knex';
import type { SessionRecord, SessionRepository } from '../../../ports/sessions';

interface SessionRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date | string;
}

export function createSessionRepository(db: Knex): SessionRepository {
  return {
    async create(session: SessionRecord) {
      await db<SessionRow>('sessions').insert({
        token_hash: session.tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
      });
    },
    async find(tokenHash) {
      const row = await db<SessionRow>('sessions')
        .select('token_hash', 'user_id', 'csrf_token', 'expires_at')
        .where({ token_hash: tokenHash })
        .first();
      if (!row) return undefined;
      return {
        tokenHash: row.token_hash,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        expiresAt: new Date(row.expires_at),
      };
    },
    async delete(tokenHash) {
      await db('sessions').where({ token_hash: tokenHash }).delete();
    },
    async deleteForUser(userId) {
      await db('sessions').where({ user_id: userId }).delete();
    },
    async deleteExpired(now) {
      // knex-pglite answers a bare delete with a result object, pg with a count: rows agree on both.
      const deleted = await db('sessions')
        .where('expires_at', '<=', now)
        .delete()
        .returning<{ token_hash: string }[]>('token_hash');
      return deleted.length;
    },
  };
}
