import type { ExchangeConnection, ExchangeConnectionSettings, ExchangeGateway } from '../../ports/exchangeSettings';
import type { ExchangeUserDirectory } from '../../ports/identityTokens';
import type { MeetingLookup } from '../../ports/meetingLookup';
import type { MeetingWriter } from '../../ports/meetingWriter';
import { openEwsAccess } from './connection';
import { calendarGatewayOn, type EwsGatewayOptions } from './gateway';
import { meetingLookupOn } from './meetingLookup';
import { meetingWriterOn } from './meetingWriter';
import { DEFAULT_POLICY } from './resilience';
import { userDirectoryOn } from './userDirectory';

/**
 * The one Exchange connection of a set of saved settings. The gateway (sync, settings page), the
 * meeting writer (bookings), the meeting lookup (orders from Outlook) and the user directory
 * (add-in sign-in) are views on it: they share its transport, its concurrency budget for the
 * service account and its back-off, so together they never hold more than
 * `policy.concurrency` requests at Exchange. Only server/compose/exchange.ts (and tests) build it.
 */
export function createExchangeConnection(
  settings: ExchangeConnectionSettings,
  options: EwsGatewayOptions = {},
): ExchangeConnection {
  const access = openEwsAccess(settings, { ...DEFAULT_POLICY, ...options.policy }, options.hooks);
  // The views do not own the transport: closing one of them leaves the others working.
  const keep = (): void => undefined;
  let gateway: ExchangeGateway | undefined;
  let writer: MeetingWriter | undefined;
  let lookup: MeetingLookup | undefined;
  let directory: ExchangeUserDirectory | undefined;
  return {
    gateway: () => (gateway ??= calendarGatewayOn(access, options, keep)),
    meetingWriter: () => (writer ??= meetingWriterOn(access, keep)),
    meetingLookup: () => (lookup ??= meetingLookupOn(access, keep)),
    directory: () => (directory ??= userDirectoryOn(access)),
    close: () => access.connection.destroy(),
  };
}
