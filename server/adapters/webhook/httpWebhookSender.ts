import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { destinationAllowed, hostOfUrl } from '../../domain/network/internalAddresses';
import type { WebhookSender } from '../../ports/webhook';

export const SIGNATURE_HEADER = 'X-Roomserve-Signature';

/** `sha256=<hex>` of the HMAC-SHA256 of the exact body bytes. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export class WebhookError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

/** Resolves a host name to all its addresses (dns.lookup with all: true); tests inject their own. */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

export interface HttpWebhookSenderOptions {
  readonly timeoutMs: number;
  /** The admin's allow-list of internal addresses or networks (CIDR) a webhook may reach. */
  readonly internalAllowList: () => Promise<readonly string[]>;
  readonly resolve?: ResolveHost;
}

class DestinationRefused extends Error {
  constructor(address: string) {
    super(`the webhook address ${address} is internal and not on the admin's allow-list`);
    this.name = 'DestinationRefused';
  }
}

/**
 * The address is checked where the socket is opened, on what the name resolves to at that moment:
 * a name that passed when it was saved and later points inside (DNS rebinding) is refused here.
 */
function guardedLookup(resolve: ResolveHost, allowList: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        const refused = addresses.find((a) => !destinationAllowed(a.address, allowList));
        if (refused || addresses.length === 0) throw new DestinationRefused(refused?.address ?? hostname);
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

function postOnce(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; lookup: LookupFunction },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: options.lookup,
        timeout: options.timeoutMs,
        // A fresh connection per delivery, so every delivery is checked where it connects.
        agent: false,
      },
      (res) => {
        // Drain the body; redirects are not followed (a 3xx is not a 2xx).
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Signed JSON POST; a non-2xx answer, a timeout or a refused address throws so the outbox retries with back-off. */
export function createHttpWebhookSender(options: HttpWebhookSenderOptions): WebhookSender {
  const resolve = options.resolve ?? systemResolve;
  return {
    async post(request) {
      const url = new URL(request.url);
      const allowList = await options.internalAllowList();
      // An IP literal never goes through lookup: check it here.
      const literal = hostOfUrl(url);
      if (isIP(literal) && !destinationAllowed(literal, allowList))
        throw new WebhookError(`webhook not reachable: ${new DestinationRefused(literal).message}`, null);
      const headers = {
        'Content-Type': 'application/json',
        'User-Agent': 'Roomserve-Webhook/1',
        [SIGNATURE_HEADER]: signatureOf(request.body, request.secret),
        'X-Roomserve-Event': request.event,
        'X-Roomserve-Delivery': request.deliveryId,
      };
      let status: number;
      try {
        status = await postOnce(url, headers, request.body, {
          timeoutMs: options.timeoutMs,
          lookup: guardedLookup(resolve, allowList),
        });
      } catch (err) {
        throw new WebhookError(`webhook not reachable: ${err instanceof Error ? err.message : String(err)}`, null);
      }
      if (status < 200 || status > 299) throw new WebhookError(`webhook answered ${status}`, status);
    },
  };
}
