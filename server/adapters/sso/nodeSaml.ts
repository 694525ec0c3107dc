import { DOMParser, type Element } from '@xmldom/xmldom';
import type * as NodeSamlModule from '@node-saml/node-saml';
import type { CacheProvider, Profile, SAML } from '@node-saml/node-saml';
import { SamlRefusal, type SamlAssertion, type SamlGateway, type SamlServiceProvider } from '../../ports/sso';
import { readIdpMetadata } from './samlMetadata';

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

/**
 * node-saml keeps AuthnRequest IDs in a cache to check InResponseTo. Ours live in the database
 * (sso_login_requests), so each call gets a cache that knows exactly the one request it expects,
 * or records the one it creates.
 */
function singleRequestCache(expected: string | undefined, created: string[] = []): CacheProvider {
  const now = new Date().toISOString();
  return {
    saveAsync: (key) => {
      created.push(key);
      return Promise.resolve({ value: now, createdAt: Date.now() });
    },
    getAsync: (key) => Promise.resolve(key === expected ? now : null),
    removeAsync: () => Promise.resolve(null),
  };
}

/**
 * node-saml (with its XML signature and crypto stack) is loaded at the first SAML request: most
 * installations sign in otherwise, and it cost every start and every test of the app ~0.2 s of CPU.
 */
let nodeSaml: Promise<typeof NodeSamlModule> | undefined;
const loadNodeSaml = (): Promise<typeof NodeSamlModule> => (nodeSaml ??= import('@node-saml/node-saml'));

async function samlFor(sp: SamlServiceProvider, cache: CacheProvider): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await loadNodeSaml();
  return new SAML({
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    entryPoint: sp.idp.ssoUrl,
    idpCert: [...sp.idp.certificates],
    // Either the assertion or the whole response must be signed by the IdP's key: node-saml then
    // insists on a signed assertion inside an unsigned response. AD FS signs only the assertion.
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: sp.clockSkewSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.always,
    cacheProvider: cache,
    // AD FS refuses Windows integrated sign-in when PasswordProtectedTransport is requested, and a
    // NameIDPolicy with emailAddress unless a rule issues one: ask for neither.
    disableRequestedAuthnContext: true,
    identifierFormat: null,
  });
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The assertion's ID and the last moment any of its NotOnOrAfter allows. */
function idAndExpiryOf(assertionXml: string): { id: string; notOnOrAfter: number } {
  const root: Element | null = new DOMParser().parseFromString(assertionXml, 'text/xml').documentElement;
  const id = root?.getAttribute('ID');
  if (!root || !id) throw new SamlRefusal('The assertion has no ID');
  const limits = [
    ...Array.from(root.getElementsByTagNameNS(ASSERTION_NS, 'Conditions')),
    ...Array.from(root.getElementsByTagNameNS(ASSERTION_NS, 'SubjectConfirmationData')),
  ]
    .map((e) => Date.parse(e.getAttribute('NotOnOrAfter') ?? ''))
    .filter((t) => Number.isFinite(t));
  // Without an end, the assertion could not be forgotten and its replay not refused for ever.
  if (limits.length === 0) throw new SamlRefusal('The assertion has no NotOnOrAfter; it could be replayed for ever');
  return { id, notOnOrAfter: Math.max(...limits) };
}

/** Every attribute by its name (one value or a list), and the NameID. */
function claimsOf(profile: Profile): Record<string, unknown> {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  return {
    ...(profile.nameID ? { nameID: profile.nameID } : {}),
    ...(profile.nameIDFormat ? { nameIDFormat: profile.nameIDFormat } : {}),
    ...attributes,
  };
}

/** SAML 2.0 through @node-saml/node-saml: the library signs nothing and checks everything it receives. */
export function createNodeSaml(): SamlGateway {
  return {
    readIdpMetadata,

    async spMetadata(sp) {
      const { generateServiceProviderMetadata } = await loadNodeSaml();
      return generateServiceProviderMetadata({
        issuer: sp.entityId,
        callbackUrl: sp.acsUrl,
        // Tells the IdP to sign assertions (AD FS does anyway); a signed whole response is accepted too.
        wantAssertionsSigned: true,
        identifierFormat: null,
      });
    },

    async authorize(sp, relayState) {
      const created: string[] = [];
      const saml = await samlFor(sp, singleRequestCache(undefined, created));
      const url = await saml.getAuthorizeUrlAsync(relayState, undefined, {});
      const [requestId] = created;
      if (!requestId) throw new Error('node-saml created no AuthnRequest ID');
      return { url: new URL(url), requestId };
    },

    async verify(sp, samlResponse, requestId): Promise<SamlAssertion> {
      let profile: Profile | null;
      try {
        const saml = await samlFor(sp, singleRequestCache(requestId));
        ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
      } catch (err) {
        throw new SamlRefusal(messageOf(err));
      }
      if (!profile) throw new SamlRefusal('The identity provider answered without an assertion');
      if (profile.issuer !== sp.idp.entityId) {
        throw new SamlRefusal(`The assertion was issued by ${String(profile.issuer)}, not by ${sp.idp.entityId}`);
      }
      const assertionXml = profile.getAssertionXml?.();
      if (!assertionXml) throw new SamlRefusal('The signed assertion could not be read');
      const { id, notOnOrAfter } = idAndExpiryOf(assertionXml);
      return {
        claims: claimsOf(profile),
        assertionId: id,
        validUntil: new Date(notOnOrAfter + sp.clockSkewSeconds * 1000),
      };
    },
  };
}
