import type { PeopleDirectory } from './peopleDirectory';
/**
 * Exchange user identity tokens: what the Outlook add-in sends as its bearer token
 * (getUserIdentityTokenAsync, Mailbox 1.1) and how Roomserve learns whose it is.
 * Adapter: server/adapters/identity/exchangeIdentityToken.ts. See docs/addin.md.
 */

/** Who a verified token speaks for, as Exchange identifies them. */
export interface ExchangeIdentity {
  /** The user's Exchange id (appctx.msexchuid). */
  readonly exchangeUserId: string;
  /** The authentication metadata document the token names (appctx.amurl). */
  readonly metadataUrl: string;
}

export type IdentityTokenRejection =
  | 'malformed'
  | 'signature'
  | 'audience'
  | 'expired'
  | 'not-yet-valid'
  | 'version'
  | 'issuer'
  | 'metadata-host-not-allowed'
  | 'metadata-unavailable';

/** A token Roomserve does not accept; `reason` is safe to show (it carries no token content). */
export class IdentityTokenRejected extends Error {
  constructor(
    readonly reason: IdentityTokenRejection,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityTokenRejected';
  }
}

export interface IdentityTokenVerifier {
  /** Checks signature and claims; throws IdentityTokenRejected. */
  verify(token: string): Promise<ExchangeIdentity>;
}

/** The mailbox behind an Exchange identity, as Exchange's directory knows it. */
export interface ExchangeMailboxOwner {
  readonly smtpAddress: string;
  readonly displayName: string;
}

export interface ExchangeIdentityDirectory {
  /** Resolves the identity's SMTP address; undefined when Exchange knows no such user. */
  mailboxOf(identity: ExchangeIdentity): Promise<ExchangeMailboxOwner | undefined>;
}

/** Exchange's directory as the service account reads it (one view of the Exchange connection). */
export interface ExchangeUserDirectory extends PeopleDirectory {
  /** The mailbox of this msexchuid; undefined when Exchange knows no such user. */
  mailboxOfUser(exchangeUserId: string): Promise<ExchangeMailboxOwner | undefined>;
}
