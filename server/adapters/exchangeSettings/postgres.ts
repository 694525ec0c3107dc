import type { Knex } from 'knex';
import type { ExchangeSettingsChanges } from '../../ports/exchangeSettings';
import { createPgNotifications } from '../db/pgNotifications';

/** NOTIFY channels are per database, so instances of one installation share this one. */
export const EXCHANGE_SETTINGS_CHANNEL = 'roomserve_exchange_settings';
const APPLICATION_NAME = 'roomserve exchange settings';

export interface PgExchangeSettingsChangesOptions {
  /** The LISTEN connection's own database URL (a pooled connection cannot hold a LISTEN). */
  readonly connectionString: string;
  /** Sends the NOTIFY (the app's pool). */
  readonly knex: Knex;
  readonly onError?: ((err: unknown) => void) | undefined;
  readonly applicationName?: string | undefined;
  readonly reconnectMs?: number | undefined;
}

export interface PgExchangeSettingsChanges extends ExchangeSettingsChanges {
  /** Resolves once this instance listens (tests wait for it before saving elsewhere). */
  ready(): Promise<void>;
}

/**
 * Saves of the Exchange settings across instances on one PostgreSQL. Installations in other
 * schemas of the same database hear the same channel; the service re-reads its own settings and
 * acts only when they differ, so such a message costs one read.
 */
export function createPgExchangeSettingsChanges(options: PgExchangeSettingsChangesOptions): PgExchangeSettingsChanges {
  const notifications = createPgNotifications<'saved'>({
    channel: EXCHANGE_SETTINGS_CHANNEL,
    connectionString: options.connectionString,
    knex: options.knex,
    applicationName: options.applicationName ?? APPLICATION_NAME,
    parse: (message) => (message === 'saved' ? 'saved' : undefined),
    // Saves missed while the connection was down: look again once.
    onReconnect: 'saved',
    onError: options.onError,
    reconnectMs: options.reconnectMs,
  });
  return {
    ready: () => notifications.ready(),
    // The saving instance has followed its own save already.
    publish: () => notifications.notifyOthers('saved'),
    subscribe: (listener) => notifications.subscribe(() => listener()),
    close: () => notifications.close(),
  };
}
