import type { SecretSealer } from '../../../ports/exchangeSettings';
import type { MailSender } from '../../../ports/mail';
import type { OutboxRow, OutboxStore } from '../../../ports/outbox';
import type { WebhookSender } from '../../../ports/webhook';
import type { Clock } from '../../../ports/clock';

export interface OutboxDispatcherDeps {
  readonly outbox: OutboxStore;
  /** Absent when no SMTP server is configured: email rows are then marked `skipped`. */
  readonly mail: MailSender | null;
  readonly webhooks: WebhookSender;
  readonly secrets: SecretSealer;
  /** The source of "now". */
  readonly clock: Clock;
  readonly log: { warn(details: object, message: string): void };
}

export interface OutboxDispatcherOptions {
  /** How often due rows are looked for (a nudge after each order change comes sooner). */
  readonly pollMs: number;
  /** A claimed row becomes due again after this, should the sender die mid-send. */
  readonly leaseMs: number;
  /** First retry delay; doubled per attempt up to maxRetryMs. */
  readonly retryBaseMs: number;
  readonly maxRetryMs: number;
  /** After this many attempts a row is marked failed. */
  readonly maxAttempts: number;
  readonly batchSize: number;
}

export const DEFAULT_DISPATCH: OutboxDispatcherOptions = {
  pollMs: 2_000,
  leaseMs: 120_000,
  retryBaseMs: 30_000,
  maxRetryMs: 3_600_000,
  maxAttempts: 10,
  batchSize: 20,
};

export interface OutboxDispatcher {
  /** Sends everything due now; returns how many rows it handled. */
  runOnce(): Promise<number>;
  /** Asks for a run now (after an order change committed); ignored until start(). */
  nudge(): void;
  start(): void;
  stop(): Promise<void>;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

type Attachment = { filename: string; contentType: string; content: string };

const isAttachment = (value: unknown): value is Attachment =>
  typeof value === 'object' &&
  value !== null &&
  'filename' in value &&
  typeof value.filename === 'string' &&
  'contentType' in value &&
  typeof value.contentType === 'string' &&
  'content' in value &&
  typeof value.content === 'string';

function mailPayload(row: OutboxRow): { subject: string; text: string; html?: string; attachments?: Attachment[] } {
  const p = row.payload as { subject?: unknown; text?: unknown; html?: unknown; attachments?: unknown } | null;
  if (typeof p?.subject !== 'string' || typeof p.text !== 'string') throw new Error('malformed mail payload');
  if (p.html !== undefined && typeof p.html !== 'string') throw new Error('malformed mail html');
  const base = { subject: p.subject, text: p.text, ...(p.html !== undefined ? { html: p.html } : {}) };
  if (p.attachments === undefined) return base;
  if (!Array.isArray(p.attachments) || !p.attachments.every(isAttachment))
    throw new Error('malformed mail attachments');
  return { ...base, attachments: p.attachments };
}

/** Exponential back-off: base × 2^(attempts−1), capped. */
export function retryDelayMs(
  attempts: number,
  options: Pick<OutboxDispatcherOptions, 'retryBaseMs' | 'maxRetryMs'>,
): number {
  return Math.min(options.maxRetryMs, options.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends the outbox: at least once per row (a crash after sending but before marking resends it,
 * with the same Message-ID / X-Roomserve-Delivery so receivers can tell), and never a second row
 * for the same change and recipient (the dedupe key is unique).
 */
export function createOutboxDispatcher(
  deps: OutboxDispatcherDeps,
  options: OutboxDispatcherOptions = DEFAULT_DISPATCH,
): OutboxDispatcher {
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<number> | null = null;
  let again = false;

  async function deliver(row: OutboxRow): Promise<void> {
    if (row.channel === 'email') {
      if (!deps.mail) {
        await deps.outbox.giveUp(row.id, 'skipped', 'no SMTP server configured');
        return;
      }
      await deps.mail.send({ to: row.recipient, ...mailPayload(row), messageId: `<${row.id}@roomserve.outbox>` });
    } else {
      const sealed = row.providerId === null ? null : await deps.outbox.sealedWebhookSecret(row.providerId);
      if (sealed === null) {
        await deps.outbox.giveUp(row.id, 'failed', 'the provider has no webhook secret');
        return;
      }
      await deps.webhooks.post({
        url: row.recipient,
        body: JSON.stringify(row.payload),
        secret: deps.secrets.open(sealed),
        event: row.kind,
        deliveryId: row.id,
      });
    }
    await deps.outbox.markSent(row.id, deps.clock.now());
  }

  async function handle(row: OutboxRow): Promise<void> {
    try {
      await deliver(row);
    } catch (err) {
      const error = messageOf(err);
      if (row.attempts >= options.maxAttempts) {
        deps.log.warn(
          { outboxId: row.id, channel: row.channel, attempts: row.attempts, error },
          'outbox message failed for good',
        );
        await deps.outbox.giveUp(row.id, 'failed', error);
      } else {
        const at = new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts, options));
        await deps.outbox.retryAt(row.id, at, error);
      }
    }
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await deps.outbox.claim(options.batchSize, deps.clock.now(), options.leaseMs);
      await Promise.all(rows.map(handle));
      handled += rows.length;
      if (rows.length < options.batchSize) return handled;
    }
  }

  function runOnce(): Promise<number> {
    if (current) {
      again = true;
      return current;
    }
    const run = drain().finally(() => {
      current = null;
      if (again) {
        again = false;
        void runOnce().catch((err: unknown) => deps.log.warn({ err }, 'outbox run failed'));
      }
    });
    current = run;
    return run;
  }

  const tick = (): void => {
    runOnce().catch((err: unknown) => deps.log.warn({ err }, 'outbox run failed'));
  };

  return {
    runOnce,
    nudge() {
      if (timer) tick();
    },
    start() {
      if (timer) return;
      timer = setInterval(tick, options.pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      again = false;
      if (current) await current.catch(() => 0);
    },
  };
}
