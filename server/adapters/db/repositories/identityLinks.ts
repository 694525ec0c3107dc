import type { Knex } from 'knex';
import type { IdentityLinkKey } from '../../../domain/addin/identityLink';
import type { IdentityLink, IdentityLinkRepository } from '../../../ports/identityLinks';

interface IdentityLinkRow {
  id: string;
  exchange_user_id: string;
  metadata_url: string;
  user_id: string;
  created_at: Date | string;
  last_used_at: Date | string;
}

const TABLE = 'addin_identity_links';

function toLink(row: IdentityLinkRow): IdentityLink {
  return {
    id: row.id,
    exchangeUserId: row.exchange_user_id,
    metadataUrl: row.metadata_url,
    userId: row.user_id,
    createdAt: new Date(row.created_at),
    lastUsedAt: new Date(row.last_used_at),
  };
}

const whereKey = (key: IdentityLinkKey) => ({ exchange_user_id: key.exchangeUserId, metadata_url: key.metadataUrl });

export function createIdentityLinkRepository(db: Knex): IdentityLinkRepository {
  async function find(key: IdentityLinkKey): Promise<IdentityLink | undefined> {
    const row = await db(TABLE).where(whereKey(key)).first<IdentityLinkRow | undefined>();
    return row ? toLink(row) : undefined;
  }

  return {
    find,
    async createIfAbsent(key, userId, at) {
      // ON CONFLICT DO NOTHING: a concurrent first request may have linked it a moment ago.
      const [row] = await db(TABLE)
        .insert({ ...whereKey(key), user_id: userId, created_at: at, last_used_at: at })
        .onConflict(['exchange_user_id', 'metadata_url'])
        .ignore()
        .returning<IdentityLinkRow[]>('*');
      if (row) return toLink(row);
      const existing = await find(key);
      if (!existing) throw new Error('addin_identity_links: the conflicting link vanished');
      return existing;
    },
    async markUsed(id, at) {
      await db(TABLE).where({ id }).update({ last_used_at: at });
    },
  };
}
