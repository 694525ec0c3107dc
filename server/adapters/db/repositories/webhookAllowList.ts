import type { Knex } from 'knex';
import type { WebhookAllowListRepository } from '../../../ports/webhookAllowList';

const TABLE = 'webhook_allow_list';

export function createWebhookAllowListRepository(db: Knex): WebhookAllowListRepository {
  const list = async (executor: Knex = db): Promise<string[]> =>
    (await executor(TABLE).orderBy('entry').select<{ entry: string }[]>('entry')).map((r) => r.entry);
  return {
    list: () => list(),
    replace: (entries) =>
      db.transaction(async (trx) => {
        await trx(TABLE).delete();
        const unique = [...new Set(entries)];
        if (unique.length > 0) await trx(TABLE).insert(unique.map((entry) => ({ entry })));
        return list(trx);
      }),
  };
}
