import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { destinationAllowed, hostOfUrl, urlTextAllowed } from '../../domain/network/internalAddresses';
import { SamlMetadataUnreachable, type SamlMetadataFetcher } from '../../ports/sso';
import { guardedLookup, systemResolve, type ResolveHost } from '../network/guardedLookup';

const MAX_BYTES = 1_000_000;

export interface SamlMetadataFetcherOptions {
  readonly timeoutMs: number;
  /** The admin's allow-list of internal addresses or networks server-side requests may reach (the webhooks' one). */
  readonly internalAllowList: () => Promise<readonly string[]>;
  readonly resolve?: ResolveHost;
}

function getOnce(url: URL, options: { timeoutMs: number; lookup: ReturnType<typeof guardedLookup> }): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(
      url,
      { lookup: options.lookup, timeout: options.timeoutMs, agent: false, headers: { Accept: 'application/xml' } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`it answered ${res.statusCode ?? 0}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) req.destroy(new Error('the metadata is larger than 1 MB'));
          else chunks.push(chunk);
        });
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/**
 * Fetches a SAML IdP's metadata with the webhooks' guard: internal addresses (loopback, private,
 * link-local) only when on the admin's allow-list, checked where the socket connects (DNS
 * rebinding); no redirects followed.
 */
export function createSamlMetadataFetcher(options: SamlMetadataFetcherOptions): SamlMetadataFetcher {
  const resolve = options.resolve ?? systemResolve;
  return {
    async fetch(address) {
      const url = new URL(address);
      const allowList = await options.internalAllowList();
      const host = hostOfUrl(url);
      const literalRefused = isIP(host) ? !destinationAllowed(host, allowList) : !urlTextAllowed(url, allowList);
      if (literalRefused) {
        throw new SamlMetadataUnreachable(
          `The metadata URL ${url.href} points inside the network and is not on the allow-list of internal networks; paste the metadata XML instead`,
        );
      }
      try {
        return await getOnce(url, {
          timeoutMs: options.timeoutMs,
          lookup: guardedLookup(resolve, allowList, 'metadata URL'),
        });
      } catch (err) {
        throw new SamlMetadataUnreachable(
          `The metadata could not be fetched from ${url.href}: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    },
  };
}
