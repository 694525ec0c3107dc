import * as ews from 'ews-javascript-api';
import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';
import type { ExchangeIdentity, ExchangeIdentityDirectory, ExchangeMailboxOwner } from '../../ports/identityTokens';
import { EwsConnection } from '../ews/connection';
import { describeFailure } from '../ews/errors';

/**
 * Finds the mailbox behind an Exchange identity token's msexchuid with EWS ResolveNames in the
 * directory, as the service account. The answer is kept: a user's Exchange id never changes
 * while the mailbox exists, and every call from the add-in carries a token.
 */

export interface EwsIdentityDirectoryOptions {
  readonly exchangeSettings: () => Promise<ExchangeConnectionSettings | null>;
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

async function resolve(
  settings: ExchangeConnectionSettings,
  exchangeUserId: string,
): Promise<ExchangeMailboxOwner | undefined> {
  const connection = new EwsConnection(settings);
  try {
    const found = await connection
      .asServiceAccount()
      .ResolveName(exchangeUserId, ews.ResolveNameSearchLocation.DirectoryOnly, false);
    // A GUID names one mailbox; anything else is not an answer we can trust.
    if (found.Count !== 1) return undefined;
    const mailbox = found._getItem(0).Mailbox;
    return mailbox.Address
      ? { smtpAddress: mailbox.Address.toLowerCase(), displayName: mailbox.Name || mailbox.Address }
      : undefined;
  } catch (err) {
    throw new IdentityDirectoryUnavailable(
      `Exchange could not resolve the add-in user: ${describeFailure(err).message}`,
    );
  } finally {
    connection.destroy();
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
      const settings = await options.exchangeSettings();
      if (!settings) throw new IdentityDirectoryUnavailable('No Exchange connection is configured');
      const owner = await resolve(settings, identity.exchangeUserId);
      // Unknown users are not remembered: a mailbox created a minute later must work.
      if (owner) cache.set(key, { at: now(), owner });
      return owner;
    },
  };
}
