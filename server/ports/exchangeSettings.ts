import type { CalendarGateway } from './calendarGateway';
import type { ExchangeUserDirectory } from './identityTokens';
import type { MeetingLookup } from './meetingLookup';
import type { MeetingWriter } from './meetingWriter';

/** The one Exchange connection of an installation, as stored (the password sealed, see adapters/crypto). */

export type ExchangeAuthMethod = 'ntlm' | 'basic';

export interface ExchangeConnectionSettings {
  /** e.g. https://mail.example.com/EWS/Exchange.asmx */
  readonly url: string;
  /** DOMAIN\user or a UPN. */
  readonly username: string;
  readonly password: string;
  readonly authMethod: ExchangeAuthMethod;
  /** PEM certificates to trust in addition to the public roots (an internal CA). */
  readonly caBundlePem: string | null;
  /** Accept any certificate; logged as a warning at every start while on. */
  readonly skipTlsVerification: boolean;
}

export interface StoredExchangeSettings extends Omit<ExchangeConnectionSettings, 'password'> {
  readonly passwordSealed: string;
  readonly updatedAt: Date;
}

export interface ExchangeSettingsRepository {
  get(): Promise<StoredExchangeSettings | undefined>;
  /** Inserts or replaces the single row. */
  save(settings: Omit<StoredExchangeSettings, 'updatedAt'>, at: Date): Promise<StoredExchangeSettings>;
  /** Exchange emails already connected to a room (lower case). */
  connectedRoomEmails(): Promise<Set<string>>;
}

/** Seals secrets at rest (AES-256-GCM in adapters/crypto). */
export interface SecretSealer {
  seal(plaintext: string): string;
  /** Throws when the value was sealed with another key. */
  open(sealed: string): string;
  /** A keyed hash (HMAC under the installation's secret key) for short secrets stored for lookup. */
  keyedHash(purpose: string, value: string): string;
}

export type ConnectionProbe =
  | { readonly ok: true; readonly roomMailboxes: number }
  | {
      readonly ok: false;
      readonly failure: 'dns' | 'tls' | 'auth' | 'ews-url' | 'unreachable' | 'other';
      /** In words, for the admin. */
      readonly message: string;
    };

/** A CalendarGateway bound to one set of connection settings, plus what the settings page needs. */
export interface ExchangeGateway extends CalendarGateway {
  /** Reaches EWS as the service account itself (GetRoomLists): URL, DNS, TLS and credentials. */
  probe(): Promise<ConnectionProbe>;
  /** Releases kept-alive connections; the gateway is not used afterwards. */
  close(): void;
}

export type ExchangeGatewayFactory = (settings: ExchangeConnectionSettings) => ExchangeGateway;

/**
 * The one connection to Exchange for one set of saved settings: one concurrency budget for the
 * service account, one back-off, one transport. Everything that talks to Exchange is a view on it.
 */
export interface ExchangeConnection {
  gateway(): ExchangeGateway;
  meetingWriter(): MeetingWriter;
  meetingLookup(): MeetingLookup;
  directory(): ExchangeUserDirectory;
  /** Releases the transport; the views are not used afterwards. */
  close(): void;
}

/** Async: the EWS adapter loads its library when the first connection is built, not at start. */
export type ExchangeConnectionFactory = (settings: ExchangeConnectionSettings) => Promise<ExchangeConnection>;

/**
 * Tells every instance that the saved Exchange settings changed, so that each follows them (its
 * connection rebuilt, its sync restarted), not only the one that saved them. In one process
 * (PGlite) the service's own listeners suffice; on PostgreSQL it is LISTEN/NOTIFY. Best effort:
 * a missed message is repaired when the listening connection is back (subscribers are told then).
 * The message says only "look again": each instance reads the settings itself.
 */
export interface ExchangeSettingsChanges {
  publish(): Promise<void>;
  /** Called on this instance for saves on other instances. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  close(): Promise<void>;
}
