import type { ExchangeConnection, ExchangeConnectionSettings } from '../../ports/exchangeSettings';
import type * as ExchangeConnectionModule from './exchangeConnection';
import type { EwsGatewayOptions } from './gateway';

/**
 * ews-javascript-api (and everything in this folder that uses it) is loaded when the first
 * connection is built, not when the app is composed: loading it cost every start of the server,
 * and every test file that composes the app, about 0.8 s of CPU, also where Exchange is never used.
 */
let loaded: Promise<typeof ExchangeConnectionModule> | undefined;
const loadExchangeConnection = (): Promise<typeof ExchangeConnectionModule> =>
  (loaded ??= import('./exchangeConnection.js'));

/** createExchangeConnection, with the EWS adapter loaded on the first call. */
export async function connectExchange(
  settings: ExchangeConnectionSettings,
  options: EwsGatewayOptions = {},
): Promise<ExchangeConnection> {
  const { createExchangeConnection } = await loadExchangeConnection();
  return createExchangeConnection(settings, options);
}
