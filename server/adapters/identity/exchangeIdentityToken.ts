import { base64url, compactVerify, decodeProtectedHeader, importX509, type KeyLike } from 'jose';
import { z } from 'zod';
import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';
import {
  IdentityTokenRejected,
  type ExchangeIdentity,
  type IdentityTokenRejection,
  type IdentityTokenVerifier,
} from '../../ports/identityTokens';
import { createMetadataFetcher, type MetadataFetcher, type SigningCertificates } from './metadataDocument';

/**
 * Verifies Exchange user identity tokens (RS256 JWTs signed by the Exchange server) as Microsoft's
 * "Validate an Exchange identity token" describes. jose checks the signature (compactVerify);
 * the claims are checked here because Exchange writes nbf/exp as strings, which jwtVerify refuses.
 */

export interface ExchangeIdentityTokenOptions {
  /** The add-in's first FormSettings SourceLocation: PUBLIC_URL + /taskpane.html. */
  readonly audience: string;
  /**
   * Exchange servers whose metadata may be fetched: `host`, `host:port` or `https://host[:port]`; a
   * bare host takes the scheme and port of the EWS URL. Undefined: the configured EWS URL's origin.
   * Only `<origin>/autodiscover/metadata/json/1` of these, without a query, is ever fetched.
   */
  readonly allowedHosts: readonly string[] | undefined;
  /** The Exchange connection (its host is the default allow-list; its CA bundle is trusted). */
  readonly exchangeSettings: () => Promise<ExchangeConnectionSettings | null>;
  readonly now?: () => number;
  /** How long a fetched metadata document is reused. Default 1 hour. */
  readonly metadataTtlMs?: number;
  /** Tests and special deployments may replace how the document is fetched. */
  readonly fetchMetadata?: MetadataFetcher;
}

const EXCHANGE_PRINCIPAL = '00000002-0000-0ff1-ce00-000000000000@';
const METADATA_PATH = '/autodiscover/metadata/json/1';
const TOKEN_VERSION = 'ExIdTok.V1';
const SKEW_SECONDS = 5 * 60;
const DEFAULT_TTL_MS = 60 * 60 * 1000;
/** An unknown x5t may mean Exchange renewed its certificate; look again, but not more often than this. */
const REFETCH_AFTER_MS = 60 * 1000;
/** However tokens arrive, one metadata URL is fetched at most this often (failures included). */
const MIN_FETCH_INTERVAL_MS = 10 * 1000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]+$/;

const epochSeconds = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]).transform(Number);
const payloadSchema = z.object({
  aud: z.string(),
  iss: z.string(),
  nbf: epochSeconds,
  exp: epochSeconds,
  appctx: z.string(),
});
const appContextSchema = z.object({ msexchuid: z.string().min(1), version: z.string(), amurl: z.string() });

type Claims = z.infer<typeof payloadSchema> & { readonly context: z.infer<typeof appContextSchema> };

/** `<scheme>://host:port` of an allow-list entry; a bare host or host:port borrows from the EWS URL. */
function originOf(entry: string, ews: URL | undefined): string | undefined {
  try {
    if (/^https?:\/\//i.test(entry)) return new URL(entry).origin;
    const url = new URL(`${ews?.protocol ?? 'https:'}//${entry}`);
    if (!/:\d+$/.test(entry) && ews) url.port = ews.port;
    return url.origin;
  } catch {
    return undefined;
  }
}

const reject = (reason: IdentityTokenRejection, message: string): IdentityTokenRejected =>
  new IdentityTokenRejected(reason, message);

function readHeader(token: string): { x5t: string } {
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((segment) => BASE64URL_SEGMENT.test(segment)))
    throw reject('malformed', 'The identity token must be a signed JWT (three base64url parts)');
  try {
    const header = decodeProtectedHeader(token);
    if (header.typ === 'JWT' && header.alg === 'RS256' && typeof header.x5t === 'string') return { x5t: header.x5t };
  } catch {
    // falls through to the rejection below
  }
  throw reject('malformed', 'The identity token header must say typ JWT, alg RS256 and carry x5t');
}

function readClaims(token: string): Claims {
  try {
    const payload: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1] ?? '')));
    const claims = payloadSchema.parse(payload);
    return { ...claims, context: appContextSchema.parse(JSON.parse(claims.appctx)) };
  } catch {
    throw reject('malformed', 'The identity token payload is not an Exchange identity token');
  }
}

function checkClaims(claims: Claims, audience: string, nowSeconds: number): void {
  if (claims.context.version !== TOKEN_VERSION) throw reject('version', `The token version is not ${TOKEN_VERSION}`);
  if (claims.aud !== audience) throw reject('audience', 'The identity token was issued for another add-in URL');
  if (!claims.iss.startsWith(EXCHANGE_PRINCIPAL))
    throw reject('issuer', 'The identity token was not issued by Exchange');
  if (nowSeconds > claims.exp + SKEW_SECONDS) throw reject('expired', 'The identity token has expired');
  if (nowSeconds < claims.nbf - SKEW_SECONDS) throw reject('not-yet-valid', 'The identity token is not valid yet');
}

export function createExchangeIdentityTokenVerifier(options: ExchangeIdentityTokenOptions): IdentityTokenVerifier {
  const now = options.now ?? Date.now;
  const ttlMs = options.metadataTtlMs ?? DEFAULT_TTL_MS;
  const fetchMetadata = options.fetchMetadata ?? createMetadataFetcher(options.exchangeSettings);
  const cache = new Map<string, { fetchedAt: number; failed: boolean; certificates: Promise<SigningCertificates> }>();

  /** The exact metadata URLs (scheme, host, port, path) of the Exchange servers Roomserve trusts. */
  async function allowedMetadataUrls(): Promise<ReadonlySet<string>> {
    const settings = await options.exchangeSettings();
    const ews = settings ? new URL(settings.url) : undefined;
    const origins = options.allowedHosts ? options.allowedHosts.map((entry) => originOf(entry, ews)) : [ews?.origin];
    return new Set(origins.filter((o): o is string => o !== undefined).map((o) => `${o}${METADATA_PATH}`));
  }

  /** Only an allow-listed Exchange may vouch for a user: never fetch a URL the token chose freely. */
  async function metadataUrlOf(amurl: string): Promise<URL> {
    let url: URL;
    try {
      url = new URL(amurl);
    } catch {
      throw reject('malformed', 'The identity token names no valid metadata URL');
    }
    const host = url.hostname.toLowerCase();
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(host));
    // A query or fragment would make every token a new URL (and a cache miss): refused outright.
    const plain = !amurl.includes('?') && !amurl.includes('#') && url.username === '' && url.password === '';
    if (!secure || !plain || !(await allowedMetadataUrls()).has(`${url.origin}${url.pathname}`)) {
      throw reject('metadata-host-not-allowed', `Identity tokens from ${url.host} are not accepted`);
    }
    return url;
  }

  function certificates(url: URL, refresh: boolean): Promise<SigningCertificates> {
    const cached = cache.get(url.href);
    const age = cached ? now() - cached.fetchedAt : Infinity;
    // Within the minimum interval the last answer stands, a failure included: tokens cannot drive fetches.
    if (cached && age < MIN_FETCH_INTERVAL_MS) return cached.certificates;
    if (cached && !cached.failed && age < ttlMs && !(refresh && age >= REFETCH_AFTER_MS)) return cached.certificates;
    const entry = { fetchedAt: now(), failed: false, certificates: fetchMetadata(url) };
    cache.set(url.href, entry);
    entry.certificates.catch(() => {
      entry.failed = true;
    });
    return entry.certificates;
  }

  async function signingKey(url: URL, x5t: string): Promise<KeyLike> {
    let certificate: string | undefined;
    try {
      certificate = (await certificates(url, false)).get(x5t) ?? (await certificates(url, true)).get(x5t);
    } catch {
      throw reject('metadata-unavailable', `The Exchange metadata document at ${url.host} could not be read`);
    }
    if (!certificate) throw reject('signature', 'The identity token was signed with an unknown certificate');
    const pem = `-----BEGIN CERTIFICATE-----\n${certificate.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----`;
    try {
      return await importX509(pem, 'RS256');
    } catch {
      throw reject('metadata-unavailable', 'The Exchange metadata document holds an unreadable certificate');
    }
  }

  return {
    async verify(token: string): Promise<ExchangeIdentity> {
      const header = readHeader(token);
      const claims = readClaims(token);
      checkClaims(claims, options.audience, Math.floor(now() / 1000));
      const url = await metadataUrlOf(claims.context.amurl);
      const key = await signingKey(url, header.x5t);
      try {
        await compactVerify(token, key, { algorithms: ['RS256'] });
      } catch {
        throw reject('signature', 'The identity token signature is not valid');
      }
      return { exchangeUserId: claims.context.msexchuid, metadataUrl: url.href };
    },
  };
}
