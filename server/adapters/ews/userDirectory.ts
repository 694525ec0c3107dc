import * as ews from 'ews-javascript-api';
import type { ExchangeMailboxOwner, ExchangeUserDirectory } from '../../ports/identityTokens';
import type { EwsAccess } from './connection';

/** ResolveNames in the directory, as the service account, within the connection's budget. */
export function userDirectoryOn(access: EwsAccess): ExchangeUserDirectory {
  return {
    async mailboxOfUser(exchangeUserId: string): Promise<ExchangeMailboxOwner | undefined> {
      const service = access.connection.asServiceAccount();
      const found = await access.throttle.run(() =>
        service.ResolveName(exchangeUserId, ews.ResolveNameSearchLocation.DirectoryOnly, false),
      );
      // A GUID names one mailbox; anything else is not an answer we can trust.
      if (found.Count !== 1) return undefined;
      const mailbox = found._getItem(0).Mailbox;
      return mailbox.Address
        ? { smtpAddress: mailbox.Address.toLowerCase(), displayName: mailbox.Name || mailbox.Address }
        : undefined;
    },
  };
}
