import type { Configuration } from 'openid-client' with { 'resolution-mode': 'import' };
import {
  OidcRefusal,
  OidcUnreachable,
  type OidcClientSettings,
  type OidcDiscovery,
  type OidcExpectations,
  type OidcProvider,
} from '../../ports/sso';
import { importOpenIdClient, type OpenIdClientModule } from '../esm/importEsm';

/** Discovery and every later call to the provider give up after this long. */
const PROVIDER_TIMEOUT_SECONDS = 10;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Plain http is only accepted for an issuer on this machine (a test provider, a local Keycloak):
 * anywhere else the authorization code and ID token would cross the network readable.
 */
function mayUseHttp(issuer: URL): boolean {
  return issuer.protocol === 'https:' || LOOPBACK_HOSTS.has(issuer.hostname);
}

/** The library's message, with the provider's OAuth error and the check that failed when it names them. */
function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const oauth = err as Error & { error?: unknown; error_description?: unknown };
  const parts = [err.message];
  if (typeof oauth.error === 'string')
    parts.push(`${oauth.error}${typeof oauth.error_description === 'string' ? `: ${oauth.error_description}` : ''}`);
  if (err.cause instanceof Error) parts.push(err.cause.message);
  return parts.join(' — ');
}

function providerOn(oidc: OpenIdClientModule, config: Configuration): OidcProvider {
  return {
    async authorize(redirectUri, scopes) {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: scopes.join(' '),
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, state, nonce, codeVerifier };
    },

    async finish(callbackUrl: URL, expected: OidcExpectations) {
      try {
        // The library checks state, PKCE and the ID token: signature (JWKS), iss, aud, azp, exp,
        // iat and nonce. Only the ID token is read: AD FS issues access tokens under another issuer.
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new OidcRefusal('The identity provider sent no ID token');
        return { claims: { ...claims }, idToken: tokens.id_token };
      } catch (err) {
        if (err instanceof OidcRefusal) throw err;
        throw new OidcRefusal(messageOf(err));
      }
    },

    endSessionUrl(postLogoutRedirectUri, idTokenHint) {
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
      });
    },
  };
}

/** OpenID Connect through openid-client (certified): discovery, authorization code with PKCE, ID token checks. */
export function createOpenIdConnect(): OidcDiscovery {
  return {
    async discover(settings: OidcClientSettings) {
      const oidc = await importOpenIdClient();
      const issuer = new URL(settings.issuerUrl);
      if (!mayUseHttp(issuer)) {
        throw new OidcUnreachable(`The issuer must be an https:// URL (plain http only on this machine)`);
      }
      const auth = settings.clientSecret === null ? oidc.None() : oidc.ClientSecretPost(settings.clientSecret);
      try {
        const config = await oidc.discovery(issuer, settings.clientId, undefined, auth, {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        });
        return providerOn(oidc, config);
      } catch (err) {
        throw new OidcUnreachable(`Discovery at ${issuer.href} failed: ${messageOf(err)}`);
      }
    },
  };
}
