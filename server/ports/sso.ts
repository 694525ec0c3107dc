import type { RoleMapping, SsoUserClaim } from '../../shared/schemas/sso';

/** Single sign-on with an OpenID Connect provider (AD FS, Keycloak): what is stored and who talks to it. */

export interface StoredSsoSettings {
  readonly enabled: boolean;
  readonly displayName: string;
  readonly issuerUrl: string;
  readonly clientId: string;
  /** Sealed with the installation's secret key; null for a public client. */
  readonly clientSecretSealed: string | null;
  readonly scopes: readonly string[];
  readonly userClaim: SsoUserClaim;
  readonly roleMappings: readonly RoleMapping[];
  readonly passwordSignIn: boolean;
  readonly breakGlassEmail: string | null;
  readonly updatedAt: Date;
}

export interface SsoSettingsRepository {
  get(): Promise<StoredSsoSettings | undefined>;
  /** Inserts or replaces the single row. */
  save(settings: StoredSsoSettings): Promise<StoredSsoSettings>;
}

export type SsoPurpose = 'sign-in' | 'test';

/** A sign-in sent to the identity provider, waiting for its callback. */
export interface PendingSsoLogin {
  readonly stateHash: string;
  readonly nonce: string;
  readonly codeVerifierSealed: string;
  readonly purpose: SsoPurpose;
  /** The admin who started a test sign-in; null for a sign-in. */
  readonly requestedBy: string | null;
  readonly expiresAt: Date;
}

export interface SsoLoginRequestRepository {
  create(login: PendingSsoLogin): Promise<void>;
  /** Deletes and returns the pending login, so that one callback can use it at most once. */
  consume(stateHash: string, now: Date): Promise<PendingSsoLogin | undefined>;
  saveTestResult(resultId: string, requestedBy: string, result: unknown, expiresAt: Date): Promise<void>;
  findTestResult(resultId: string, requestedBy: string, now: Date): Promise<unknown>;
  deleteExpired(now: Date): Promise<void>;
}

/** The OIDC client settings an identity provider is reached with. */
export interface OidcClientSettings {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
}

/** What the browser is sent to, and what its callback must match. */
export interface OidcAuthorization {
  readonly url: URL;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface OidcExpectations {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** An identity provider found by discovery. The library does the protocol; this is its shape for us. */
export interface OidcProvider {
  authorize(redirectUri: string, scopes: readonly string[]): Promise<OidcAuthorization>;
  /**
   * Exchanges the code of the callback URL after checking state, PKCE and the ID token (signature,
   * issuer, audience, expiry, nonce); returns the ID token's claims and the token itself.
   * Throws OidcRefusal when anything does not check out.
   */
  finish(
    callbackUrl: URL,
    expected: OidcExpectations,
  ): Promise<{ claims: Record<string, unknown>; idToken: string | undefined }>;
  /** RP-initiated logout at the provider, when its discovery document has an end_session_endpoint. */
  endSessionUrl(postLogoutRedirectUri: string, idTokenHint: string | undefined): URL | undefined;
}

export interface OidcDiscovery {
  /** Throws OidcUnreachable when discovery at the issuer fails. */
  discover(settings: OidcClientSettings): Promise<OidcProvider>;
}

export class OidcUnreachable extends Error {
  override readonly name = 'OidcUnreachable';
}

export class OidcRefusal extends Error {
  override readonly name = 'OidcRefusal';
}
