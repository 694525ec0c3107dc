import { ssoTestResultSchema, type SsoTestResult } from '../../../shared/schemas/sso';
import { accountEmailOf, displayNameOf, roleFromClaims, type Claims } from '../../domain/sso/claims';
import { claimsFromSamlAttributes } from '../../domain/sso/samlClaims';
import { AppError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { SecretSealer } from '../../ports/exchangeSettings';
import {
  OidcRefusal,
  OidcUnreachable,
  SamlMetadataInvalid,
  SamlRefusal,
  type SamlAssertionIdRepository,
  type SamlGateway,
  type SsoLoginRequestRepository,
  type SsoLogoutHintRepository,
  type SsoPurpose,
  type StoredSsoSettings,
} from '../../ports/sso';
import type { UserRecord, UserRepository } from '../../ports/users';
import type { StartedSession } from '../auth/authService';
import { hashSecret, newSecret } from '../auth/secrets';
import type { SsoSettingsService } from './settings';

/** How long a sign-in may stay at the identity provider, and a test's claims stay readable. */
const PENDING_MS = 10 * 60_000;
/** A verified SAML response waits this long for its browser to come and claim it (one redirect). */
const VERIFIED_MS = 2 * 60_000;

/** Why a sign-in was refused, for the error page; the message says it in words. */
export type SsoFailure =
  | 'not-configured'
  | 'unreachable'
  | 'state-mismatch'
  | 'provider-error'
  | 'token-refused'
  | 'assertion-refused'
  | 'assertion-replayed'
  | 'no-account-claim'
  | 'deactivated'
  | 'role-refused';

export class SsoSignInError extends Error {
  override readonly name = 'SsoSignInError';
  constructor(
    readonly failure: SsoFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface SsoSignInDeps {
  readonly settings: SsoSettingsService;
  readonly requests: SsoLoginRequestRepository;
  readonly saml: SamlGateway;
  readonly assertionIds: SamlAssertionIdRepository;
  readonly logoutHints: SsoLogoutHintRepository;
  readonly users: UserRepository;
  readonly startSession: (user: UserRecord) => Promise<StartedSession>;
  readonly secrets: SecretSealer;
  readonly clock: Clock;
}

export interface StartedSsoLogin {
  readonly url: string;
  /** Set as a short-lived cookie: the callback must come back to the browser that started it. */
  readonly state: string;
}

export type FinishedSsoLogin =
  | {
      readonly kind: 'signed-in';
      readonly session: StartedSession;
      /** Names the sealed ID token kept for RP-initiated logout (OIDC); kept in a cookie. */
      readonly logoutHandle: string | undefined;
    }
  | { readonly kind: 'tested'; readonly resultId: string };

/** What the IdP posts to the assertion consumer service (HTTP-POST binding). */
export interface SamlPost {
  readonly SAMLResponse?: unknown;
  readonly RelayState?: unknown;
}

export interface SsoSignInService {
  start(): Promise<StartedSsoLogin>;
  /** An admin's test sign-in: the callback shows the claims instead of signing anyone in. */
  startTest(adminId: string): Promise<StartedSsoLogin>;
  /** OIDC: the provider's redirect back with the code. */
  finish(callbackUrl: URL, browserState: string | undefined): Promise<FinishedSsoLogin>;
  /**
   * SAML: the IdP's cross-site POST. The response is checked in full and kept for the browser, which
   * is then sent to finishSaml with the returned state (a GET, which carries its state cookie).
   */
  receiveSamlResponse(post: SamlPost): Promise<{ readonly state: string }>;
  finishSaml(state: string, browserState: string | undefined): Promise<FinishedSsoLogin>;
  testResult(resultId: string, adminId: string): Promise<SsoTestResult>;
  /** Where the browser goes after signing out: the provider's end-session endpoint (with the ID token as hint), or undefined. */
  endSessionUrl(postLogoutRedirectUri: string, logoutHandle: string | undefined): Promise<string | undefined>;
}

const refused = (failure: SsoFailure, message: string) => new SsoSignInError(failure, message);

export function createSsoSignInService(deps: SsoSignInDeps): SsoSignInService {
  async function remember(
    purpose: SsoPurpose,
    requestedBy: string | null,
    state: string,
    nonce: string,
    codeVerifierSealed: string,
  ): Promise<void> {
    const now = deps.clock.now();
    await deps.requests.deleteExpired(now);
    await deps.requests.create({
      stateHash: hashSecret(state),
      nonce,
      codeVerifierSealed,
      purpose,
      requestedBy,
      expiresAt: new Date(now.getTime() + PENDING_MS),
    });
  }

  function samlProviderOf(settings: StoredSsoSettings) {
    try {
      return deps.settings.samlServiceProvider(settings);
    } catch (err) {
      if (err instanceof SamlMetadataInvalid) throw refused('not-configured', err.message);
      throw err;
    }
  }

  async function beginSaml(settings: StoredSsoSettings, purpose: SsoPurpose, requestedBy: string | null) {
    // The relay state names the pending sign-in and ties the answer to this browser (its cookie).
    const state = newSecret();
    const { url, requestId } = await deps.saml.authorize(samlProviderOf(settings), state);
    await remember(purpose, requestedBy, state, requestId, '');
    return { url: url.href, state };
  }

  async function begin(purpose: 'sign-in' | 'test', requestedBy: string | null): Promise<StartedSsoLogin> {
    const current = await deps.settings.current(purpose);
    if (current?.protocol === 'saml') return beginSaml(current, purpose, requestedBy);
    const found = await (
      purpose === 'test' ? deps.settings.configuredProvider() : deps.settings.activeProvider()
    ).catch((err: unknown) => {
      if (err instanceof OidcUnreachable) throw refused('unreachable', err.message);
      throw err;
    });
    if (!found) throw refused('not-configured', 'Single sign-on is not turned on for this installation');
    const auth = await found.provider.authorize(deps.settings.redirectUri(), found.settings.scopes);
    await remember(purpose, requestedBy, auth.state, auth.nonce, deps.secrets.seal(auth.codeVerifier));
    return { url: auth.url.href, state: auth.state };
  }

  /** Creates the account on first sign-in; reads the role from the claims at every one. */
  async function accountFor(claims: Claims, settings: StoredSsoSettings): Promise<UserRecord> {
    const email = accountEmailOf(claims, settings.userClaim);
    if (!email) {
      throw refused(
        'no-account-claim',
        `The identity provider sent no ${settings.userClaim} or email claim to match an account (AD FS: add the allatclaims scope and a claim rule)`,
      );
    }
    const role = roleFromClaims(claims, settings.roleMappings);
    const existing = await deps.users.findByEmail(email);
    if (existing && !existing.active) {
      throw refused('deactivated', 'This Roomserve account is deactivated; ask your Roomserve admin');
    }
    if (!existing) {
      try {
        return await deps.users.create({
          email,
          name: displayNameOf(claims, email),
          role,
          passwordHash: null,
          active: true,
        });
      } catch (err) {
        // Two first sign-ins of the same person at once: the other one created the account.
        const created = await deps.users.findByEmail(email);
        if (created?.active) return created;
        throw err;
      }
    }
    // The break-glass admin keeps their role whatever the provider says, so it cannot lock everyone out.
    const keepsRole = settings.breakGlassEmail !== null && settings.breakGlassEmail === email;
    if (settings.roleMappings.length === 0 || keepsRole || existing.role === role) return existing;
    try {
      return (await deps.users.update(existing.id, { role })) ?? existing;
    } catch (err) {
      if (err instanceof AppError && err.code === 'unprocessable') throw refused('role-refused', err.message);
      throw err;
    }
  }

  async function testResultOf(claims: Claims, settings: StoredSsoSettings): Promise<SsoTestResult> {
    const email = accountEmailOf(claims, settings.userClaim) ?? null;
    const existing = email === null ? undefined : await deps.users.findByEmail(email);
    const problem =
      email === null
        ? `No ${settings.userClaim} or email claim: nobody could be signed in`
        : existing && !existing.active
          ? 'This account is deactivated in Roomserve and would be refused'
          : null;
    return {
      claims: { ...claims },
      email,
      role: roleFromClaims(claims, settings.roleMappings),
      existingUser: !!existing,
      problem,
    };
  }

  /** The end of every sign-in, OIDC or SAML: the admin's test gets the claims, anyone else a session. */
  async function conclude(
    purpose: SsoPurpose,
    requestedBy: string | null,
    claims: Claims,
    settings: StoredSsoSettings,
    expiresAt: Date,
  ): Promise<FinishedSsoLogin> {
    if (purpose === 'test' && requestedBy !== null) {
      const resultId = newSecret();
      await deps.requests.saveTestResult(resultId, requestedBy, await testResultOf(claims, settings), expiresAt);
      return { kind: 'tested', resultId };
    }
    return {
      kind: 'signed-in',
      session: await deps.startSession(await accountFor(claims, settings)),
      logoutHandle: undefined,
    };
  }

  async function keepLogoutHint(idToken: string | undefined, expiresAt: Date): Promise<string | undefined> {
    if (!idToken) return undefined;
    const handle = newSecret();
    await deps.logoutHints.save(hashSecret(handle), deps.secrets.seal(idToken), expiresAt);
    return handle;
  }

  return {
    start: () => begin('sign-in', null),
    startTest: (adminId) => begin('test', adminId),

    async finish(callbackUrl, browserState) {
      const state = callbackUrl.searchParams.get('state');
      const providerError = callbackUrl.searchParams.get('error');
      if (!state || !browserState || state !== browserState) {
        throw refused('state-mismatch', 'This sign-in was not started in this browser, or it was already used');
      }
      const pending = await deps.requests.consume(hashSecret(state), deps.clock.now());
      if (!pending) throw refused('state-mismatch', 'This sign-in expired or was already used; start again');
      if (providerError) {
        const description = callbackUrl.searchParams.get('error_description');
        throw refused(
          'provider-error',
          `The identity provider refused: ${providerError}${description ? ` (${description})` : ''}`,
        );
      }
      const found = await (pending.purpose === 'test'
        ? deps.settings.configuredProvider()
        : deps.settings.activeProvider());
      if (!found) throw refused('not-configured', 'Single sign-on was turned off meanwhile');
      let claims: Claims;
      let idToken: string | undefined;
      try {
        ({ claims, idToken } = await found.provider.finish(callbackUrl, {
          state,
          nonce: pending.nonce,
          codeVerifier: deps.secrets.open(pending.codeVerifierSealed),
        }));
      } catch (err) {
        if (err instanceof OidcRefusal) throw refused('token-refused', `The sign-in did not check out: ${err.message}`);
        throw err;
      }
      const finished = await conclude(pending.purpose, pending.requestedBy, claims, found.settings, pending.expiresAt);
      if (finished.kind !== 'signed-in') return finished;
      return { ...finished, logoutHandle: await keepLogoutHint(idToken, finished.session.expiresAt) };
    },

    async receiveSamlResponse(post) {
      const state = typeof post.RelayState === 'string' ? post.RelayState : '';
      if (typeof post.SAMLResponse !== 'string' || post.SAMLResponse === '') {
        throw refused('assertion-refused', 'The identity provider posted no SAMLResponse');
      }
      if (state === '') {
        throw refused(
          'state-mismatch',
          'Roomserve accepts only sign-ins it started: start at the Roomserve sign-in page (an IdP-initiated sign-in is refused)',
        );
      }
      const pending = await deps.requests.consume(hashSecret(state), deps.clock.now());
      if (!pending) throw refused('state-mismatch', 'This sign-in expired or was already used; start again');
      const settings = await deps.settings.current(pending.purpose);
      if (settings?.protocol !== 'saml') throw refused('not-configured', 'SAML sign-in was turned off meanwhile');
      let assertion;
      try {
        assertion = await deps.saml.verify(samlProviderOf(settings), post.SAMLResponse, pending.nonce);
      } catch (err) {
        if (err instanceof SamlRefusal)
          throw refused('assertion-refused', `The sign-in did not check out: ${err.message}`);
        throw err;
      }
      const now = deps.clock.now();
      if (!(await deps.assertionIds.remember(assertion.assertionId, assertion.validUntil, now))) {
        throw refused('assertion-replayed', 'This assertion was used before; start again');
      }
      await deps.requests.saveVerified(
        hashSecret(state),
        {
          purpose: pending.purpose,
          requestedBy: pending.requestedBy,
          claims: claimsFromSamlAttributes(assertion.claims),
        },
        new Date(now.getTime() + VERIFIED_MS),
      );
      return { state };
    },

    async finishSaml(state, browserState) {
      if (!browserState || state !== browserState) {
        throw refused('state-mismatch', 'This sign-in was not started in this browser, or it was already used');
      }
      const verified = await deps.requests.consumeVerified(hashSecret(state), deps.clock.now());
      if (!verified) throw refused('state-mismatch', 'This sign-in expired or was already used; start again');
      const settings = await deps.settings.current(verified.purpose);
      if (!settings) throw refused('not-configured', 'Single sign-on was turned off meanwhile');
      const expiresAt = new Date(deps.clock.now().getTime() + PENDING_MS);
      return conclude(verified.purpose, verified.requestedBy, verified.claims, settings, expiresAt);
    },

    async testResult(resultId, adminId) {
      const result = await deps.requests.findTestResult(resultId, adminId, deps.clock.now());
      if (result === undefined)
        throw new AppError('not_found', 'This test sign-in expired or was started by someone else');
      return ssoTestResultSchema.parse(result);
    },

    async endSessionUrl(postLogoutRedirectUri, logoutHandle) {
      // The hint is used up whether or not the provider is still there: one sign-out, one use.
      const sealed = logoutHandle ? await deps.logoutHints.take(hashSecret(logoutHandle), deps.clock.now()) : undefined;
      const found = await deps.settings.activeProvider().catch(() => undefined);
      const idTokenHint = sealed === undefined ? undefined : deps.secrets.open(sealed);
      return found?.provider.endSessionUrl(postLogoutRedirectUri, idTokenHint)?.href;
    },
  };
}
