import { describe, expect, it } from '@jest/globals';
import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';
import { IdentityTokenRejected } from '../../ports/identityTokens';
import { createExchangeIdentityTokenVerifier } from './exchangeIdentityToken';
import type { SigningCertificates } from './metadataDocument';

/**
 * Security issue #20, finding 2: a token must not make Roomserve fetch a URL of its choosing.
 * The metadata fetcher is replaced by one that records what would have been fetched.
 */

const AUDIENCE = 'https://rooms.example/taskpane.html';
const EXCHANGE = 'https://mail.example.com/EWS/Exchange.asmx';
const METADATA = 'https://mail.example.com/autodiscover/metadata/json/1';
const NOW_MS = Date.UTC(2026, 4, 4, 8);

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token shaped like Exchange's, with a signature nobody checked yet (the attacker's). */
function tokenFor(amurl: string, header: Record<string, unknown> = { typ: 'JWT', alg: 'RS256', x5t: 'x5t-1' }) {
  const seconds = Math.floor(NOW_MS / 1000);
  const payload = {
    aud: AUDIENCE,
    iss: '00000002-0000-0ff1-ce00-000000000000@tenant',
    nbf: String(seconds - 60),
    exp: String(seconds + 3600),
    appctx: JSON.stringify({ msexchuid: 'u1', version: 'ExIdTok.V1', amurl }),
  };
  return `${b64(header)}.${b64(payload)}.${Buffer.from('not a signature').toString('base64url')}`;
}

function verifierWith(options: { allowedHosts?: readonly string[]; ews?: string; failing?: boolean } = {}) {
  const fetched: string[] = [];
  let now = NOW_MS;
  const settings: ExchangeConnectionSettings = {
    url: options.ews ?? EXCHANGE,
    username: 'svc',
    password: 'secret',
    authMethod: 'basic',
    caBundlePem: null,
    skipTlsVerification: false,
  };
  const verifier = createExchangeIdentityTokenVerifier({
    audience: AUDIENCE,
    allowedHosts: options.allowedHosts,
    exchangeSettings: () => Promise.resolve(settings),
    now: () => now,
    fetchMetadata: (url) => {
      fetched.push(url.href);
      if (options.failing) return Promise.reject(new Error('down'));
      return Promise.resolve<SigningCertificates>(new Map());
    },
  });
  return { verifier, fetched, advance: (ms: number) => (now += ms) };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof IdentityTokenRejected) return err.reason;
    throw err;
  }
  return 'accepted';
}

describe('the metadata URL a token names', () => {
  it.each([
    ['another port of the Exchange host', 'https://mail.example.com:6379/autodiscover/metadata/json/1'],
    ['another scheme', 'http://mail.example.com/autodiscover/metadata/json/1'],
    ['a query string', `${METADATA}?probe=x`],
    ['an empty query', `${METADATA}?`],
    ['a fragment', `${METADATA}#x`],
    ['user info', 'https://u:p@mail.example.com/autodiscover/metadata/json/1'],
    ['another path', 'https://mail.example.com/owa/'],
    ['a loopback port', 'http://127.0.0.1:6379/autodiscover/metadata/json/1?probe=x'],
  ])('is refused, without any fetch, for %s', async (_name, amurl) => {
    const { verifier, fetched } = verifierWith();
    expect(await reasonOf(verifier.verify(tokenFor(amurl)))).toBe('metadata-host-not-allowed');
    expect(fetched).toEqual([]);
  });

  it('is fetched when it is exactly the configured Exchange metadata URL (an explicit :443 too)', async () => {
    const { verifier, fetched } = verifierWith();
    expect(await reasonOf(verifier.verify(tokenFor('https://mail.example.com:443/autodiscover/metadata/json/1')))).toBe(
      'signature',
    );
    expect(fetched).toEqual([METADATA]);
  });

  it('follows the EWS URL port, and allow-list entries name host, host:port or an origin', async () => {
    const onPort = verifierWith({ ews: 'https://mail.example.com:8443/EWS/Exchange.asmx' });
    expect(await reasonOf(onPort.verifier.verify(tokenFor(METADATA)))).toBe('metadata-host-not-allowed');
    const listed = verifierWith({
      allowedHosts: ['owa.example.com', 'https://ex2.example.com:9443', 'ex3.example.com:444'],
    });
    for (const ok of [
      'https://owa.example.com/autodiscover/metadata/json/1',
      'https://ex2.example.com:9443/autodiscover/metadata/json/1',
      'https://ex3.example.com:444/autodiscover/metadata/json/1',
    ])
      expect(await reasonOf(listed.verifier.verify(tokenFor(ok)))).toBe('signature');
    expect(
      await reasonOf(listed.verifier.verify(tokenFor('https://ex2.example.com/autodiscover/metadata/json/1'))),
    ).toBe('metadata-host-not-allowed');
  });
});

describe('a token that is not shaped like an Exchange identity token', () => {
  it.each([
    ['unsigned (alg none)', tokenFor(METADATA, { typ: 'JWT', alg: 'none', x5t: 'x' })],
    ['without x5t', tokenFor(METADATA, { typ: 'JWT', alg: 'RS256' })],
    ['HS256', tokenFor(METADATA, { typ: 'JWT', alg: 'HS256', x5t: 'x' })],
    ['with an empty signature', `${tokenFor(METADATA).split('.').slice(0, 2).join('.')}.`],
    ['with an appctx that is no JSON', tokenFor(METADATA).replace(/\..*\./, `.${b64({ appctx: '{' })}.`)],
  ])('is refused as malformed before anything is fetched: %s', async (_name, token) => {
    const { verifier, fetched } = verifierWith();
    expect(await reasonOf(verifier.verify(token))).toBe('malformed');
    expect(fetched).toEqual([]);
  });
});

describe('fetching the metadata document', () => {
  it('happens at most once per 10 seconds per URL, failures included, however many tokens arrive', async () => {
    const { verifier, fetched, advance } = verifierWith({ failing: true });
    for (let i = 0; i < 20; i += 1) {
      expect(await reasonOf(verifier.verify(tokenFor(METADATA)))).toBe('metadata-unavailable');
      advance(100);
    }
    expect(fetched).toHaveLength(1);
    advance(10_000);
    await reasonOf(verifier.verify(tokenFor(METADATA)));
    expect(fetched).toHaveLength(2);
  });

  it('does not refetch for unknown certificates more than once a minute', async () => {
    const { verifier, fetched, advance } = verifierWith();
    for (let i = 0; i < 30; i += 1) {
      await reasonOf(verifier.verify(tokenFor(METADATA, { typ: 'JWT', alg: 'RS256', x5t: `unknown-${i}` })));
      advance(1_000);
    }
    expect(fetched).toHaveLength(1);
  });
});
