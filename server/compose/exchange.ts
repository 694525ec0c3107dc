import { createExchangeSettingsRepository } from '../adapters/db/repositories/exchangeSettings';
import { connectExchange } from '../adapters/ews/connectOnFirstUse';
import { createEwsIdentityDirectory } from '../adapters/identity/ewsIdentityDirectory';
import type { Knex } from 'knex';
import type { ExchangeGatewayFactory, ExchangeSettingsChanges } from '../ports/exchangeSettings';
import type { ExchangeIdentityDirectory } from '../ports/identityTokens';
import type { MeetingLookup } from '../ports/meetingLookup';
import type { MeetingWriter, MeetingWriterFactory } from '../ports/meetingWriter';
import { createExchangeService, type ExchangeService } from '../services/exchange';
import { withSwappedViews } from '../services/exchange/swappedViews';
import type { Infrastructure } from './infrastructure';

/**
 * Everything that speaks EWS: ONE connection per saved settings (one concurrency budget and one
 * back-off for the service account), and its views: the sync's gateway, the meeting writer of
 * bookings, the meeting lookup of orders and the identity directory of the add-in. The other
 * features reach Exchange only through this.
 */
export interface ExchangeFeature {
  readonly exchange: ExchangeService;
  /** Bookings made in Roomserve: null while no Exchange is configured. */
  meetingWriter(): Promise<MeetingWriter | null>;
  /** Orders on Outlook items read the meeting's identity through it: null while no Exchange is configured. */
  meetingLookup(): Promise<MeetingLookup | null>;
  /** Whose mailbox an add-in identity token names (EWS ResolveNames). */
  readonly identityDirectory: ExchangeIdentityDirectory;
  /** Ends the connection that hears of saves on other instances, if any (at shutdown). */
  closeSettingsChanges(): Promise<void>;
}

/** Builds the instance's ExchangeSettingsChanges on the app's database (main: LISTEN/NOTIFY on PostgreSQL). */
export type ExchangeSettingsChangesFactory = (knex: Knex) => ExchangeSettingsChanges;

/** Tests and benches may swap EWS views for fakes; production uses ews-javascript-api. */
export interface ExchangeOverrides {
  readonly gateway?: ExchangeGatewayFactory | undefined;
  readonly meetingWriter?: MeetingWriterFactory | undefined;
  /** Concurrent EWS requests of the service account, every view together (EXCHANGE_MAX_CONCURRENCY). */
  readonly maxConcurrency?: number | undefined;
  /** How saves reach the other instances (default: none, one process). */
  readonly settingsChanges?: ExchangeSettingsChangesFactory | undefined;
}

export interface ExchangeFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger' | 'secrets' | 'metrics'>;
  readonly overrides?: ExchangeOverrides | undefined;
}

export function composeExchange(deps: ExchangeFeatureDeps): ExchangeFeature {
  const { knex, clock, logger, secrets, metrics } = deps.infrastructure;
  const overrides = deps.overrides ?? {};
  const changes = overrides.settingsChanges?.(knex);
  const hooks = { onBackOff: (reason: 'server-busy' | 'http-503', ms: number) => metrics.ewsBackOff(reason, ms) };
  const exchange = createExchangeService({
    settings: createExchangeSettingsRepository(knex),
    secrets,
    createConnection: withSwappedViews(
      (settings) =>
        connectExchange(settings, {
          // Unset: the adapter's default concurrency.
          policy: overrides.maxConcurrency === undefined ? {} : { concurrency: overrides.maxConcurrency },
          hooks,
        }),
      { gateway: overrides.gateway, meetingWriter: overrides.meetingWriter },
    ),
    clock,
    warn: (message) => logger.warn(message),
    changes,
    warnError: (err, message) => logger.warn({ err }, message),
  });
  return {
    exchange,
    meetingWriter: () => exchange.meetingWriter(),
    meetingLookup: () => exchange.meetingLookup(),
    identityDirectory: createEwsIdentityDirectory({
      directory: () => exchange.userDirectory(),
      now: () => clock.now().getTime(),
    }),
    closeSettingsChanges: async () => {
      await changes?.close();
    },
  };
}
