/** The transactional outbox as the dispatcher sees it: due rows, claimed under a lease. */

export interface OutboxRow {
  readonly id: string;
  readonly dedupeKey: string;
  readonly kind: string;
  readonly channel: 'email' | 'webhook';
  readonly recipient: string;
  readonly providerId: string | null;
  readonly payload: unknown;
  /** Including this one. */
  readonly attempts: number;
}

export interface OutboxStore {
  /**
   * Claims up to `limit` due rows (FOR UPDATE SKIP LOCKED, so instances never share one) and
   * leases them until `now + leaseMs`: a dispatcher that dies mid-send leaves them due again then.
   */
  claim(limit: number, now: Date, leaseMs: number): Promise<OutboxRow[]>;
  markSent(id: string, at: Date): Promise<void>;
  retryAt(id: string, at: Date, error: string): Promise<void>;
  /** No more attempts: `failed` after errors, `skipped` when the channel is not configured. */
  giveUp(id: string, state: 'failed' | 'skipped', error: string): Promise<void>;
  /** The provider's webhook signing secret, sealed as the catalog stores it; null when none. */
  sealedWebhookSecret(providerId: string): Promise<string | null>;
}
