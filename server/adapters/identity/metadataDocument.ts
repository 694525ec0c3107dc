import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { z } from 'zod';
import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';

/**
 * Exchange's authentication metadata document (`/autodiscover/metadata/json/1`): the certificates
 * that sign identity tokens, by SHA-1 thumbprint (x5t). Only what we read is declared.
 */
const metadataSchema = z.object({
  keys: z
    .array(
      z.object({
        keyinfo: z.object({ x5t: z.string().min(1) }),
        keyvalue: z.object({ type: z.string(), value: z.string().min(1) }),
      }),
    )
    .min(1),
});

/** Signing certificates (base64 DER) by x5t. */
export type SigningCertificates = ReadonlyMap<string, string>;

export type MetadataFetcher = (url: URL) => Promise<SigningCertificates>;

const FETCH_TIMEOUT_MS = 5_000;
const MAX_DOCUMENT_BYTES = 256 * 1024;

export function signingCertificatesOf(document: unknown): SigningCertificates {
  const parsed = metadataSchema.parse(document);
  return new Map(
    parsed.keys.filter((k) => k.keyvalue.type === 'x509Certificate').map((k) => [k.keyinfo.x5t, k.keyvalue.value]),
  );
}

/** Same trust as the EWS connection: public roots plus the admin's CA bundle, or the explicit skip switch. */
function tlsOf(settings: ExchangeConnectionSettings | null): https.RequestOptions {
  if (settings?.skipTlsVerification) return { rejectUnauthorized: false };
  return settings?.caBundlePem ? { ca: [...rootCertificates, settings.caBundlePem] } : {};
}

function getJson(url: URL, tls: https.RequestOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(
      url,
      { ...tls, timeout: FETCH_TIMEOUT_MS, headers: { Accept: 'application/json' } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`HTTP ${res.statusCode ?? '?'} from ${url.host}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_DOCUMENT_BYTES) req.destroy(new Error('metadata document too large'));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${FETCH_TIMEOUT_MS} ms`)));
    req.on('error', reject);
  });
}

/** Fetches the document over HTTP(S), trusting what the Exchange connection trusts. */
export function createMetadataFetcher(
  exchangeSettings: () => Promise<ExchangeConnectionSettings | null>,
): MetadataFetcher {
  return async (url) => signingCertificatesOf(await getJson(url, tlsOf(await exchangeSettings())));
}
