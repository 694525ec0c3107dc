import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { addinEndpoints } from '../../../shared/api/addin';
import { DISPLAY_VERSION_HEADER } from '../../../shared/schemas/displays';
import { DEVICE_TOKEN_PREFIX } from '../../domain/displays/pairing';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import { AppError } from '../../domain/errors';
import type { UserRecord } from '../../ports/users';
import { actorFor, type AuthService } from '../../services/auth/authService';
import { secretsEqual } from '../../services/auth/secrets';
import { CSRF_HEADER, readSessionCookie } from './sessionCookie';

export interface AuthenticateDeps {
  readonly auth: AuthService;
  /** The Outlook add-in's Exchange identity tokens (services/addinIdentity); absent: refused. */
  readonly identityTokens?: { authenticate(token: string): Promise<UserRecord> };
  /** Room displays' device tokens (services/displays); absent: refused. */
  readonly displayTokens?: {
    authenticate(token: string, appVersion: string | undefined): Promise<DisplayPrincipal | undefined>;
  };
}

/** The only paths a display device token opens (below /api). */
const DISPLAY_PATH = /^\/display\//;

async function authenticateDisplay(deps: AuthenticateDeps, req: Request, res: Response, token: string): Promise<void> {
  if (!DISPLAY_PATH.test(req.path)) {
    throw new AppError('forbidden', 'A display device token may call /api/display/* only');
  }
  const display = await deps.displayTokens?.authenticate(token, req.get(DISPLAY_VERSION_HEADER));
  if (!display)
    throw new AppError('unauthenticated', 'The display token is unknown or revoked: pair the display again');
  res.locals.display = display;
}

/** Exchange identity tokens are JWTs (header.payload.signature); personal API tokens have no dots. */
export const looksLikeJwt = (token: string): boolean => token.split('.').length === 3;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Signing in replaces whatever session the browser had, so it needs no proof of the old one. A
 * SAML IdP posts its answer to /auth/sso/callback; the signed response is the proof there.
 */
const CSRF_EXEMPT_PATHS = new Set(['/auth/login', '/externals/accept', '/externals/sign-in', '/auth/sso/callback']);
/**
 * What a session opened with a password an admin reset may do: learn that it must change it, change
 * it, sign out, or sign in again. Anything else answers 403 password_change_required.
 */
const BEFORE_PASSWORD_CHANGE = new Set(['/auth/me', '/auth/password', '/auth/logout', '/auth/login']);
/** The add-in's one-time link reads the identity token itself: it is what makes an unknown token known. */
const IDENTITY_TOKEN_READ_BY_ROUTE = new Set([addinEndpoints.link.path]);

/** What the auth routes need to know about the cookie session of this request. */
export interface SessionLocals {
  readonly token: string;
  readonly csrfToken: string;
  readonly passwordChangeRequired: boolean;
}

export function sessionOf(res: Response): SessionLocals | undefined {
  const session: unknown = res.locals.session;
  return session === undefined ? undefined : (session as SessionLocals);
}

export function bearerTokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
  return match[1];
}

function checkCsrf(req: Request, expected: string): void {
  if (SAFE_METHODS.has(req.method) || CSRF_EXEMPT_PATHS.has(req.path)) return;
  const sent = req.get(CSRF_HEADER);
  if (!sent || !secretsEqual(sent, expected)) {
    throw new AppError(
      'csrf_failed',
      `Cookie-authenticated writes must send the ${CSRF_HEADER} header from the sign-in response`,
    );
  }
}

/**
 * Resolves who is calling: a bearer token (scripts, integrations, the Outlook add-in's Exchange
 * identity token; no CSRF: a browser never attaches one by itself) or the session cookie
 * (the web app; writes must echo the CSRF token). Sets res.locals.actor; access rules live in mount().
 */
export function authenticate(deps: AuthenticateDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const bearer = bearerTokenOf(req);
    if (bearer?.startsWith(DEVICE_TOKEN_PREFIX)) {
      await authenticateDisplay(deps, req, res, bearer);
      next();
      return;
    }
    if (bearer !== undefined && deps.identityTokens && looksLikeJwt(bearer)) {
      if (IDENTITY_TOKEN_READ_BY_ROUTE.has(req.path)) {
        next();
        return;
      }
      res.locals.actor = actorFor(await deps.identityTokens.authenticate(bearer), 'token');
      next();
      return;
    }
    if (bearer !== undefined) {
      const user = await deps.auth.authenticateApiToken(bearer);
      if (!user) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired');
      res.locals.actor = actorFor(user, 'token');
      next();
      return;
    }
    const cookie = readSessionCookie(req);
    const session = cookie === undefined ? undefined : await deps.auth.resumeSession(cookie);
    if (cookie !== undefined && session) {
      checkCsrf(req, session.csrfToken);
      if (session.passwordChangeRequired && !BEFORE_PASSWORD_CHANGE.has(req.path))
        throw new AppError('password_change_required', 'Choose a new password first (POST /api/auth/password)');
      res.locals.actor = actorFor(session.user, 'session');
      res.locals.session = {
        token: cookie,
        csrfToken: session.csrfToken,
        passwordChangeRequired: session.passwordChangeRequired,
      } satisfies SessionLocals;
    }
    next();
  };
}
