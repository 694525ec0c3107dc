import { createExchangeSettingsRepository } from '../adapters/db/repositories/exchangeSettings';
import { createEwsCalendarGateway } from '../adapters/ews/gateway';
import { createEwsMeetingLookup } from '../adapters/ews/meetingLookup';
import { createEwsMeetingWriter } from '../adapters/ews/meetingWriter';
import { createEwsIdentityDirectory } from '../adapters/identity/ewsIdentityDirectory';
import type { ExchangeGatewayFactory } from '../ports/exchangeSettings';
import type { ExchangeIdentityDirectory } from '../ports/identityTokens';
import type { MeetingLookup, MeetingLookupFactory } from '../ports/meetingLookup';
import type { MeetingWriter, MeetingWriterFactory } from '../ports/meetingWriter';
import { meetingWriterSource } from '../services/bookings';
import { meetingLookupSource } from '../services/catering/orders/lookupSource';
import { createExchangeService, type ExchangeService } from '../services/exchange';
import type { Infrastructure } from './infrastructure';

/**
 * Everything that speaks EWS, built from the saved Exchange settings: the sync's gateway (inside
 * the exchange service), the meeting writer of bookings, the meeting lookup of orders and the
 * identity directory of the add-in. The other features reach Exchange only through this.
 */
export interface ExchangeFeature {
  readonly exchange: ExchangeService;
  /** Bookings made in Roomserve: null while no Exchange is configured. */
  meetingWriter(): Promise<MeetingWriter | null>;
  /** Orders on Outlook items read the meeting's identity through it: null while no Exchange is configured. */
  meetingLookup(): Promise<MeetingLookup | null>;
  /** Whose mailbox an add-in identity token names (EWS ResolveNames). */
  readonly identityDirectory: ExchangeIdentityDirectory;
}

/** Tests and benches may swap the EWS adapters; production uses ews-javascript-api. */
export interface ExchangeOverrides {
  readonly gateway?: ExchangeGatewayFactory | undefined;
  readonly meetingWriter?: MeetingWriterFactory | undefined;
  readonly meetingLookup?: MeetingLookupFactory | undefined;
}

export interface ExchangeFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger' | 'secrets' | 'metrics'>;
  readonly overrides?: ExchangeOverrides | undefined;
}

export function composeExchange(deps: ExchangeFeatureDeps): ExchangeFeature {
  const { knex, clock, logger, secrets, metrics } = deps.infrastructure;
  const overrides = deps.overrides ?? {};
  const hooks = { onBackOff: (reason: string, ms: number) => metrics.ewsBackOff(reason, ms) };
  const exchange = createExchangeService({
    settings: createExchangeSettingsRepository(knex),
    secrets,
    createGateway: overrides.gateway ?? ((settings) => createEwsCalendarGateway(settings, { hooks })),
    clock,
    warn: (message) => logger.warn(message),
  });
  const savedConnection = {
    connectionSettings: () => exchange.connectionSettings(),
    onSettingsChanged: (listener: () => void) => exchange.onSettingsChanged(listener),
  };
  const writers = meetingWriterSource({
    ...savedConnection,
    createWriter: overrides.meetingWriter ?? ((settings) => createEwsMeetingWriter(settings, { hooks })),
  });
  const lookups = meetingLookupSource({
    ...savedConnection,
    createLookup: overrides.meetingLookup ?? ((settings) => createEwsMeetingLookup(settings, { hooks })),
  });
  return {
    exchange,
    meetingWriter: () => writers.writer(),
    meetingLookup: () => lookups.lookup(),
    identityDirectory: createEwsIdentityDirectory({
      exchangeSettings: savedConnection.connectionSettings,
      now: () => clock.now().getTime(),
    }),
  };
}
