import type { Knex } from 'knex';
import type { OutboxRow, OutboxStore } from '../../../ports/outbox';

interface Row {
  id: string;
  dedupe_key: string;
  kind: string;
  channel: OutboxRow['channel'];
  recipient: string;
  provider_id: string | null;
  payload: unknown;
  attempts: number;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

export function createOutboxStore(db: Knex): OutboxStore {
  return {
    async claim(limit, now, leaseMs) {
      const result = await db.raw<{ rows: Row[] }>(
        `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = CAST(? AS timestamptz)
          WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= CAST(? AS timestamptz)
                        ORDER BY next_attempt_at, seq LIMIT ? FOR UPDATE SKIP LOCKED)
          RETURNING id, dedupe_key, kind, channel, recipient, provider_id, payload, attempts`,
        [new Date(now.getTime() + leaseMs).toISOString(), now.toISOString(), limit],
      );
      return result.rows.map((r) => ({
        id: r.id,
        dedupeKey: r.dedupe_key,
        kind: r.kind,
        channel: r.channel,
        recipient: r.recipient,
        providerId: r.provider_id,
        payload: json(r.payload),
        attempts: r.attempts,
      }));
    },
    async markSent(id, at) {
      await db('outbox').where({ id }).update({ state: 'sent', sent_at: at.toISOString(), last_error: null });
    },
    async retryAt(id, at, error) {
      await db('outbox')
        .where({ id })
        .update({ next_attempt_at: at.toISOString(), last_error: error.slice(0, 1000) });
    },
    async giveUp(id, state, error) {
      await db('outbox')
        .where({ id })
        .update({ state, last_error: error.slice(0, 1000) });
    },
    async sealedWebhookSecret(providerId) {
      const row = await db('catering_providers')
        .where({ id: providerId })
        .first<{ webhook_secret_sealed: string | null } | undefined>('webhook_secret_sealed');
      return row?.webhook_secret_sealed ?? null;
    },
  };
}
