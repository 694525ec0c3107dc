import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { destinationAllowed } from '../../domain/network/internalAddresses';

/**
 * Server-side requests to addresses an admin typed in (webhooks, a SAML IdP's metadata URL) connect
 * only to public addresses, or to internal ones on the admin's allow-list.
 */

/** Resolves a host name to all its addresses (dns.lookup with all: true); tests inject their own. */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

export class DestinationRefused extends Error {
  constructor(address: string, what: string) {
    super(`the ${what} address ${address} is internal and not on the admin's allow-list`);
    this.name = 'DestinationRefused';
  }
}

/**
 * The address is checked where the socket is opened, on what the name resolves to at that moment:
 * a name that passed when it was saved and later points inside (DNS rebinding) is refused here.
 */
export function guardedLookup(resolve: ResolveHost, allowList: readonly string[], what: string): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        const refused = addresses.find((a) => !destinationAllowed(a.address, allowList));
        if (refused || addresses.length === 0) throw new DestinationRefused(refused?.address ?? hostname, what);
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = addresses.filter((a) => wanted === undefined || a.family === wanted);
        if (options.all) callback(null, usable);
        else callback(null, usable[0]?.address ?? '', usable[0]?.family ?? 4);
      })
      .catch((err: unknown) => {
        const error: NodeJS.ErrnoException = err instanceof Error ? err : new Error(String(err));
        callback(error, '', 4);
      });
  };
}
