import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AnalyticsReportMailbox } from '../../../ports/analytics';

export const WEEKLY_REPORT_KIND = 'analytics-weekly-report';

/**
 * The weekly analytics emails as outbox rows, sent by the outbox dispatcher. The outbox's unique
 * dedupe key makes a week's report reach a recipient once, however many instances queue it.
 */
export function createAnalyticsReportMailbox(db: Knex, nudge: () => void): AnalyticsReportMailbox {
  return {
    async queued(dedupeKeys) {
      if (dedupeKeys.length === 0) return new Set();
      const rows = await db('outbox')
        .whereIn('dedupe_key', [...dedupeKeys])
        .select<{ dedupe_key: string }[]>('dedupe_key');
      return new Set(rows.map((r) => r.dedupe_key));
    },
    async enqueue(message) {
      const inserted = await db('outbox')
        .insert({
          dedupe_key: message.dedupeKey,
          change_id: randomUUID(),
          kind: WEEKLY_REPORT_KIND,
          channel: 'email',
          recipient: message.to,
          payload: JSON.stringify({ subject: message.subject, text: message.text, html: message.html }),
        })
        .onConflict('dedupe_key')
        .ignore()
        .returning<{ id: string }[]>('id');
      nudge();
      return inserted.length > 0;
    },
  };
}
