import type { Knex } from 'knex';
import type { SsoLogoutHintRepository } from '../../../ports/sso';

export function createSsoLogoutHintRepository(db: Knex): SsoLogoutHintRepository {
  return {
    async save(handleHash, idTokenSealed, expiresAt) {
      await db('sso_logout_hints').insert({
        handle_hash: handleHash,
        id_token_sealed: idTokenSealed,
        expires_at: expiresAt,
      });
    },
    async take(handleHash, now) {
      await db('sso_logout_hints').where('expires_at', '<=', now).delete();
      const [row] = await db('sso_logout_hints')
        .where({ handle_hash: handleHash })
        .delete()
        .returning<{ id_token_sealed: string }[]>('id_token_sealed');
      return row?.id_token_sealed;
    },
  };
}
