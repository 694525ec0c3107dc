import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { destinationAllowed, hostOfUrl } from '../../domain/network/internalAddresses';
import { DestinationRefused, guardedLookup, systemResolve, type ResolveHost } from '../network/guardedLookup';

export type { ResolveHost };
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

export interface HttpWebhookSenderOptions {
  readonly timeoutMs: number;
  /** The admin's allow-list of internal addresses or networks (CIDR) a webhook may reach. */
  readonly internalAllowList: () => Promise<readonly string[]>;
  readonly resolve?: ResolveHost;
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
        throw new WebhookError(`webhook not reachable: ${new DestinationRefused(literal, 'webhook').message}`, null);
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
          lookup: guardedLookup(resolve, allowList, 'webhook'),
        });
      } catch (err) {
        throw new WebhookError(`webhook not reachable: ${err instanceof Error ? err.message : String(err)}`, null);
      }
      if (status < 200 || status > 299) throw new WebhookError(`webhook answered ${status}`, status);
    },
  };
}
