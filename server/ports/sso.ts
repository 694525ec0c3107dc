import type { RoleMapping, SsoProtocol, SsoUserClaim } from '../../shared/schemas/sso';

/** Single sign-on with an OpenID Connect or SAML 2.0 provider (AD FS, Keycloak): what is stored and who talks to it. */

export interface StoredSamlSettings {
  /** The IdP's metadata as last read (pasted, or fetched from idpMetadataUrl at the last save). */
  readonly idpMetadataXml: string | null;
  readonly idpMetadataUrl: string | null;
  readonly clockSkewSeconds: number;
}

export interface StoredSsoSettings {
  readonly enabled: boolean;
  readonly protocol: SsoProtocol;
  readonly displayName: string;
  /** OIDC only. */
  readonly issuerUrl: string | null;
  readonly clientId: string | null;
  /** Sealed with the installation's secret key; null for a public client. */
  readonly clientSecretSealed: string | null;
  readonly scopes: readonly string[];
  readonly userClaim: SsoUserClaim;
  readonly roleMappings: readonly RoleMapping[];
  readonly passwordSignIn: boolean;
  readonly breakGlassEmail: string | null;
  readonly saml: StoredSamlSettings;
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
  /** OIDC: the nonce; SAML: the AuthnRequest's ID, which the response's InResponseTo must name. */
  readonly nonce: string;
  /** OIDC: the sealed PKCE verifier; SAML: empty. */
  readonly codeVerifierSealed: string;
  readonly purpose: SsoPurpose;
  /** The admin who started a test sign-in; null for a sign-in. */
  readonly requestedBy: string | null;
  readonly expiresAt: Date;
}

export interface VerifiedSsoLogin {
  readonly purpose: SsoPurpose;
  readonly requestedBy: string | null;
  readonly claims: Record<string, unknown>;
}

export interface SsoLoginRequestRepository {
  create(login: PendingSsoLogin): Promise<void>;
  /** Deletes and returns the pending login, so that one callback can use it at most once. */
  consume(stateHash: string, now: Date): Promise<PendingSsoLogin | undefined>;
  /**
   * A SAML response that checked out, kept until the browser that started the sign-in comes to
   * claim it (the response arrives as a cross-site POST, which carries none of our cookies).
   */
  saveVerified(stateHash: string, verified: VerifiedSsoLogin, expiresAt: Date): Promise<void>;
  /** Deletes and returns it, so that it is claimed at most once. */
  consumeVerified(stateHash: string, now: Date): Promise<VerifiedSsoLogin | undefined>;
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

/** The ID token of an OIDC sign-in, kept sealed for the id_token_hint of RP-initiated logout. */
export interface SsoLogoutHintRepository {
  save(handleHash: string, idTokenSealed: string, expiresAt: Date): Promise<void>;
  /** Deletes and returns the sealed ID token; expired rows are removed on the way. */
  take(handleHash: string, now: Date): Promise<string | undefined>;
}

/** SAML 2.0 (SP-initiated, HTTP-POST binding back) through @node-saml/node-saml. */

/** What Roomserve needs from the IdP's metadata. */
export interface SamlIdpMetadata {
  readonly entityId: string;
  /** SingleSignOnService, HTTP-Redirect binding. */
  readonly ssoUrl: string;
  /** The signing certificates (base64 DER): a response or assertion must be signed by one of them. */
  readonly certificates: readonly string[];
}

export interface SamlServiceProvider {
  readonly entityId: string;
  readonly acsUrl: string;
  readonly idp: SamlIdpMetadata;
  readonly clockSkewSeconds: number;
}

export interface SamlAssertion {
  /** The assertion's attributes by name, NameID and its format as `nameID` and `nameIDFormat`. */
  readonly claims: Record<string, unknown>;
  readonly assertionId: string;
  /** The assertion is no longer valid after this (its NotOnOrAfter, plus the clock skew). */
  readonly validUntil: Date;
}

export interface SamlGateway {
  /** Throws SamlMetadataInvalid when the XML is not an IdP's metadata with a signing certificate. */
  readIdpMetadata(xml: string): SamlIdpMetadata;
  spMetadata(sp: Omit<SamlServiceProvider, 'idp' | 'clockSkewSeconds'>): Promise<string>;
  /** The IdP's sign-in URL carrying a fresh AuthnRequest and the relay state; and the request's ID. */
  authorize(sp: SamlServiceProvider, relayState: string): Promise<{ url: URL; requestId: string }>;
  /**
   * Checks the posted SAMLResponse: signature (assertion, or the whole response), audience,
   * times within the clock skew, InResponseTo equal to `requestId`. Throws SamlRefusal otherwise.
   */
  verify(sp: SamlServiceProvider, samlResponse: string, requestId: string): Promise<SamlAssertion>;
}

/** Fetches an IdP's metadata from its URL, as guarded as any server-side request (no internal addresses). */
export interface SamlMetadataFetcher {
  /** Throws SamlMetadataUnreachable. */
  fetch(url: string): Promise<string>;
}

/** Assertion IDs already used, kept until the assertion expires. */
export interface SamlAssertionIdRepository {
  /** False when the ID was used before (a replay). Also drops the expired ones. */
  remember(assertionId: string, validUntil: Date, now: Date): Promise<boolean>;
}

export class SamlMetadataInvalid extends Error {
  override readonly name = 'SamlMetadataInvalid';
}

export class SamlMetadataUnreachable extends Error {
  override readonly name = 'SamlMetadataUnreachable';
}

export class SamlRefusal extends Error {
  override readonly name = 'SamlRefusal';
}
