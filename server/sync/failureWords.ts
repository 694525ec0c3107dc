import { GatewayError } from '../ports/calendarGateway';

export interface DescribedFailure {
  /** Stable: a GatewayError kind, or `internal`. */
  readonly code: string;
  /** For the admin, in words. */
  readonly message: string;
  readonly retryAfterMs: number | undefined;
}

const WORDS: Record<GatewayError['kind'], string> = {
  auth: "Exchange refused the service account's credentials. Check the username and password in the Exchange settings.",
  permission: 'The service account may not open this room mailbox. Grant it the ApplicationImpersonation role.',
  'mailbox-not-found': "Exchange has no mailbox with this address. Check the room's external connection email address.",
  throttled: 'Exchange is busy and asked Roomserve to slow down; the sync is retried automatically.',
  transient: 'Exchange could not be reached; the sync is retried automatically.',
  'invalid-sync-state':
    'Exchange no longer recognised the stored sync position; the room is resynchronised from scratch.',
  'bad-request': 'Exchange rejected a request from Roomserve.',
};

export function describeFailure(err: unknown): DescribedFailure {
  if (err instanceof GatewayError) {
    const detail = err.serverCode ? ` (${err.serverCode}: ${err.message})` : ` (${err.message})`;
    return { code: err.kind, message: WORDS[err.kind] + detail, retryAfterMs: err.retryAfterMs };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Roomserve failed while syncing: ${message}`, retryAfterMs: undefined };
}
