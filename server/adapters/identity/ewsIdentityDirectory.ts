import type {
  ExchangeIdentity,
  ExchangeIdentityDirectory,
  ExchangeMailboxOwner,
  ExchangeUserDirectory,
} from '../../ports/identityTokens';

/**
 * Finds the mailbox behind an Exchange identity token's msexchuid through the Exchange
 * connection's directory view (ResolveNames as the service account). The answer is kept: a user's
 * Exchange id never changes while the mailbox exists, and every call from the add-in carries a token.
 */

export interface EwsIdentityDirectoryOptions {
  /** The directory of the current Exchange connection; null while none is configured. */
  readonly directory: () => Promise<ExchangeUserDirectory | null>;
  readonly now?: () => number;
  /** How long a resolved address is reused. Default 24 hours. */
  readonly ttlMs?: number;
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

export class IdentityDirectoryUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityDirectoryUnavailable';
  }
}

export function createEwsIdentityDirectory(options: EwsIdentityDirectoryOptions): ExchangeIdentityDirectory {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const cache = new Map<string, { at: number; owner: ExchangeMailboxOwner }>();

  return {
    async mailboxOf(identity: ExchangeIdentity): Promise<ExchangeMailboxOwner | undefined> {
      // The id is unique per Exchange organisation only, hence the metadata URL in the key.
      const key = `${identity.exchangeUserId}\n${identity.metadataUrl}`;
      const cached = cache.get(key);
      if (cached && now() - cached.at < ttlMs) return cached.owner;
      const directory = await options.directory();
      if (!directory) throw new IdentityDirectoryUnavailable('No Exchange connection is configured');
      const owner = await directory.mailboxOfUser(identity.exchangeUserId).catch((err: unknown) => {
        // The connection's words for the failure (a GatewayError's message).
        const words = err instanceof Error ? err.message : String(err);
        throw new IdentityDirectoryUnavailable(`Exchange could not resolve the add-in user: ${words}`);
      });
      // Unknown users are not remembered: a mailbox created a minute later must work.
      if (owner) cache.set(key, { at: now(), owner });
      return owner;
    },
  };
}
