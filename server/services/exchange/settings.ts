import type { z } from 'zod';
import type { ExchangeSettings, exchangeSettingsInputSchema } from '../../../shared/schemas/exchange';
import { invalid } from '../../domain/errors';
import { passwordReentryReason, sendsPasswordInClear } from '../../domain/exchange/passwordRules';
import type {
  ExchangeConnection,
  ExchangeConnectionSettings,
  ExchangeGateway,
  StoredExchangeSettings,
} from '../../ports/exchangeSettings';
import type { ExchangeUserDirectory } from '../../ports/identityTokens';
import type { MeetingLookup } from '../../ports/meetingLookup';
import type { MeetingWriter } from '../../ports/meetingWriter';
import type { ExchangeServiceDeps } from './types';

export type ExchangeSettingsInput = Omit<z.output<typeof exchangeSettingsInputSchema>, 'sendPasswordUnencrypted'> & {
  readonly sendPasswordUnencrypted?: boolean;
};

export const CLEAR_PASSWORD_WARNING =
  'The Exchange password is sent unencrypted (Basic authentication over plain http): anyone on the network path can read it. Use https.';

export const SKIP_TLS_WARNING =
  'Exchange TLS certificate verification is switched OFF (skip TLS verification): anyone on the network path can read the service password. Add the CA bundle instead.';

const PASSWORD_REENTRY_MESSAGES = {
  server_changed: 'Enter the password again: the EWS URL now points at another server (scheme, host or port).',
  auth_method_changed: 'Enter the password again: the authentication method changed.',
} as const;

function view(stored: StoredExchangeSettings | undefined): ExchangeSettings {
  if (!stored)
    return {
      configured: false,
      ewsUrl: null,
      username: null,
      authMethod: 'ntlm',
      caBundlePem: null,
      skipTlsVerification: false,
      passwordSet: false,
      updatedAt: null,
    };
  return {
    configured: true,
    ewsUrl: stored.url,
    username: stored.username,
    authMethod: stored.authMethod,
    caBundlePem: stored.caBundlePem,
    skipTlsVerification: stored.skipTlsVerification,
    passwordSet: stored.passwordSealed !== '',
    updatedAt: stored.updatedAt.toISOString(),
  };
}

/** The connection of one version of the saved settings, built or being built. */
interface HeldConnection {
  readonly version: number;
  readonly connection: Promise<ExchangeConnection>;
  close(): void;
}

/**
 * The connection settings and the one Exchange connection built from them. The connection is
 * rebuilt after every save (the old one closed); listeners (the sync engine, the rooms waiting for
 * verification) hear about it.
 */
export function settingsUseCases(deps: ExchangeServiceDeps) {
  let current: HeldConnection | undefined;
  /** Saves made through this instance. */
  const listeners = new Set<() => void>();
  /** Every change of this instance's connection: saved here or elsewhere, changed or gone. */
  const connectionListeners = new Set<() => void>();
  deps.changes?.subscribe(() => {
    followSaved().catch((err: unknown) =>
      deps.warnError?.(err, 'could not follow the Exchange settings saved elsewhere'),
    );
  });

  function open(stored: StoredExchangeSettings): ExchangeConnectionSettings {
    const { passwordSealed, updatedAt: _updatedAt, ...rest } = stored;
    return { ...rest, password: deps.secrets.open(passwordSealed) };
  }

  async function connectionSettings(): Promise<ExchangeConnectionSettings | null> {
    const stored = await deps.settings.get();
    return stored ? open(stored) : null;
  }

  function drop(): void {
    current?.close();
    current = undefined;
  }

  /** The connection being built from `settings`; closed when built if dropped before. */
  function hold(settings: ExchangeConnectionSettings, version: number): HeldConnection {
    let built: ExchangeConnection | undefined;
    let dropped = false;
    const connection = deps.createConnection(settings).then((created) => {
      built = created;
      if (dropped) created.close();
      return created;
    });
    return {
      version,
      connection,
      close: () => {
        dropped = true;
        built?.close();
      },
    };
  }

  /**
   * The one connection of the saved settings, built on first use. Settings saved on another
   * instance show as a newer version; an older read (racing a save) never replaces a newer one.
   */
  async function connection(): Promise<ExchangeConnection | null> {
    const stored = await deps.settings.get();
    if (!stored) return null;
    const version = stored.updatedAt.getTime();
    if (current && current.version >= version) return current.connection;
    // A connection replaced here was saved over elsewhere: its users (the sync) must move too.
    const replaced = current !== undefined;
    drop();
    const held = hold(open(stored), version);
    current = held;
    if (replaced) tellConnectionChanged();
    try {
      return await held.connection;
    } catch (err) {
      // As when nothing was built: the next use tries again.
      if (current === held) current = undefined;
      throw err;
    }
  }

  function tellConnectionChanged(): void {
    for (const listener of connectionListeners) listener();
  }

  /**
   * Another instance saved (or a missed message is being made up for): follow the stored settings
   * when they differ from this instance's connection, saved, changed or gone. The same settings
   * (another installation's message on a shared database, a save already followed) change nothing.
   */
  async function followSaved(): Promise<void> {
    const stored = await deps.settings.get();
    const version = stored ? stored.updatedAt.getTime() : null;
    // Versions compared for equality: another instance's clock may be behind this one's.
    if (version === (current?.version ?? null)) return;
    drop();
    tellConnectionChanged();
  }

  async function gateway(): Promise<ExchangeGateway | null> {
    return (await connection())?.gateway() ?? null;
  }

  async function store(settings: ExchangeConnectionSettings): Promise<ExchangeSettings> {
    const { password, ...rest } = settings;
    const saved = await deps.settings.save({ ...rest, passwordSealed: deps.secrets.seal(password) }, deps.clock.now());
    if (saved.skipTlsVerification) deps.warn(SKIP_TLS_WARNING);
    // The old connection goes at once: its budget and transport belong to the old settings.
    drop();
    for (const listener of listeners) listener();
    tellConnectionChanged();
    await deps.changes?.publish();
    return view(saved);
  }

  return {
    connectionSettings,
    connection,
    gateway,
    async meetingWriter(): Promise<MeetingWriter | null> {
      return (await connection())?.meetingWriter() ?? null;
    },
    async meetingLookup(): Promise<MeetingLookup | null> {
      return (await connection())?.meetingLookup() ?? null;
    },
    async userDirectory(): Promise<ExchangeUserDirectory | null> {
      return (await connection())?.directory() ?? null;
    },
    async getSettings(): Promise<ExchangeSettings> {
      return view(await deps.settings.get());
    },
    async isConfigured(): Promise<boolean> {
      return (await deps.settings.get()) !== undefined;
    },
    async saveSettings(input: ExchangeSettingsInput): Promise<ExchangeSettings> {
      const { password: newPassword, ewsUrl, sendPasswordUnencrypted, ...rest } = input;
      if (sendsPasswordInClear(ewsUrl, rest.authMethod) && !sendPasswordUnencrypted)
        throw invalid(
          'Basic authentication over plain http sends the password readable to anyone on the network path: use https, or tick "send the password unencrypted".',
          { field: 'sendPasswordUnencrypted' },
        );
      let password = newPassword;
      if (password === undefined) {
        const existing = await connectionSettings();
        if (!existing) throw invalid('The password is required the first time', { field: 'password' });
        // Otherwise the write-only password could be sent to, and read at, an address of the admin's choosing.
        const reason = passwordReentryReason(existing, { url: ewsUrl, authMethod: rest.authMethod });
        if (reason !== undefined) throw invalid(PASSWORD_REENTRY_MESSAGES[reason], { field: 'password', reason });
        password = existing.password;
      }
      if (sendPasswordUnencrypted && sendsPasswordInClear(ewsUrl, rest.authMethod)) deps.warn(CLEAR_PASSWORD_WARNING);
      return store({ ...rest, url: ewsUrl, password });
    },
    /** Points the integration at an Exchange (e.g. the demo simulator) in one call. */
    configure: store,
    /** Told after every save through this instance. Returns the unsubscribe function. */
    onSettingsChanged(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Told whenever this instance's connection changes, whichever instance saved. Returns the unsubscribe function. */
    onConnectionChanged(listener: () => void): () => void {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    /** Called once at start: repeats the skip-TLS warning while the switch is on. */
    async startupCheck(): Promise<void> {
      const stored = await deps.settings.get();
      if (stored?.skipTlsVerification) deps.warn(SKIP_TLS_WARNING);
    },
    /** Closes the connection (at shutdown); the next use builds a new one. */
    close: drop,
  };
}
