import { ssoTestResultSchema, type SsoTestResult } from '../../../shared/schemas/sso';
import { accountEmailOf, displayNameOf, roleFromClaims, type Claims } from '../../domain/sso/claims';
import { AppError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { SecretSealer } from '../../ports/exchangeSettings';
import { OidcRefusal, OidcUnreachable, type SsoLoginRequestRepository, type StoredSsoSettings } from '../../ports/sso';
import type { UserRecord, UserRepository } from '../../ports/users';
import type { StartedSession } from '../auth/authService';
import { hashSecret, newSecret } from '../auth/secrets';
import type { SsoSettingsService } from './settings';

/** How long a sign-in may stay at the identity provider, and a test's claims stay readable. */
const PENDING_MS = 10 * 60_000;

/** Why a sign-in was refused, for the error page; the message says it in words. */
export type SsoFailure =
  | 'not-configured'
  | 'unreachable'
  | 'state-mismatch'
  | 'provider-error'
  | 'token-refused'
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
  | { readonly kind: 'signed-in'; readonly session: StartedSession }
  | { readonly kind: 'tested'; readonly resultId: string };

export interface SsoSignInService {
  start(): Promise<StartedSsoLogin>;
  /** An admin's test sign-in: the callback shows the claims instead of signing anyone in. */
  startTest(adminId: string): Promise<StartedSsoLogin>;
  finish(callbackUrl: URL, browserState: string | undefined): Promise<FinishedSsoLogin>;
  testResult(resultId: string, adminId: string): Promise<SsoTestResult>;
  /** Where the browser goes after signing out: the provider's end-session endpoint, or undefined. */
  endSessionUrl(postLogoutRedirectUri: string): Promise<string | undefined>;
}

const refused = (failure: SsoFailure, message: string) => new SsoSignInError(failure, message);

export function createSsoSignInService(deps: SsoSignInDeps): SsoSignInService {
  async function begin(purpose: 'sign-in' | 'test', requestedBy: string | null): Promise<StartedSsoLogin> {
    const found = await (
      purpose === 'test' ? deps.settings.configuredProvider() : deps.settings.activeProvider()
    ).catch((err: unknown) => {
      if (err instanceof OidcUnreachable) throw refused('unreachable', err.message);
      throw err;
    });
    if (!found) throw refused('not-configured', 'Single sign-on is not turned on for this installation');
    const auth = await found.provider.authorize(deps.settings.redirectUri(), found.settings.scopes);
    const now = deps.clock.now();
    await deps.requests.deleteExpired(now);
    await deps.requests.create({
      stateHash: hashSecret(auth.state),
      nonce: auth.nonce,
      codeVerifierSealed: deps.secrets.seal(auth.codeVerifier),
      purpose,
      requestedBy,
      expiresAt: new Date(now.getTime() + PENDING_MS),
    });
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
      try {
        ({ claims } = await found.provider.finish(callbackUrl, {
          state,
          nonce: pending.nonce,
          codeVerifier: deps.secrets.open(pending.codeVerifierSealed),
        }));
      } catch (err) {
        if (err instanceof OidcRefusal) throw refused('token-refused', `The sign-in did not check out: ${err.message}`);
        throw err;
      }
      if (pending.purpose === 'test' && pending.requestedBy !== null) {
        const resultId = newSecret();
        const result = await testResultOf(claims, found.settings);
        await deps.requests.saveTestResult(resultId, pending.requestedBy, result, pending.expiresAt);
        return { kind: 'tested', resultId };
      }
      return { kind: 'signed-in', session: await deps.startSession(await accountFor(claims, found.settings)) };
    },

    async testResult(resultId, adminId) {
      const result = await deps.requests.findTestResult(resultId, adminId, deps.clock.now());
      if (result === undefined)
        throw new AppError('not_found', 'This test sign-in expired or was started by someone else');
      return ssoTestResultSchema.parse(result);
    },

    async endSessionUrl(postLogoutRedirectUri) {
      const found = await deps.settings.activeProvider().catch(() => undefined);
      return found?.provider.endSessionUrl(postLogoutRedirectUri, undefined)?.href;
    },
  };
}
