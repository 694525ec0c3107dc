import type { Knex } from 'knex';
import type { SamlAssertionIdRepository } from '../../../ports/sso';

/** Used SAML assertion IDs, shared by every instance through the database. */
export function createSamlAssertionIdRepository(db: Knex): SamlAssertionIdRepository {
  return {
    async remember(assertionId, validUntil, now) {
      await db('saml_assertion_ids').where('expires_at', '<=', now).delete();
      // The primary key decides between two instances receiving the same assertion at once.
      const inserted = await db('saml_assertion_ids')
        .insert({ assertion_id: assertionId, expires_at: validUntil })
        .onConflict('assertion_id')
        .ignore()
        .returning<{ assertion_id: string }[]>('assertion_id');
      return inserted.length === 1;
    },
  };
}
