/**
 * Signing in and out with the session cookie (the password sign-in is rate-limited), who am I (with
 * the session's CSRF token), and the signed-in user's own personal API tokens: issue (the token is
 * shown once), list, revoke.
 */
import type { RequestHandler } from 'express';
import { authEndpoints } from '../../../../shared/api/auth';
import type { AuthService } from '../../../services/auth/authService';
import { presentApiToken, presentUser } from '../../../services/auth/present';
import type { UserService } from '../../../services/auth/userService';
import { sessionOf } from '../../middleware/authenticate';
import { loginRateLimit, type LoginRateLimitSettings } from '../../middleware/loginRateLimit';
import { clearSessionCookie, writeSessionCookie, type SessionCookieSettings } from '../../middleware/sessionCookie';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface AuthRouterDeps {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly cookie: SessionCookieSettings;
  readonly loginRateLimit: LoginRateLimitSettings;
  /** The limiter to use instead of a new one from the settings: shared with the add-in's one-time link. */
  readonly loginLimiter?: RequestHandler[];
}

export function authRouter(deps: AuthRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/auth');
  const e = authEndpoints;

  const limiter = deps.loginLimiter ?? loginRateLimit(deps.loginRateLimit);
  routes.route(e.login.path).post(limiter);
  // A wrong current password counts as a failed sign-in: a session cannot be used to guess it.
  routes.route(e.changePassword.path).post(limiter);
  mount(routes, e.login, async ({ body, res }) => {
    const session = await deps.auth.login(body.email, body.password);
    writeSessionCookie(res, session.token, deps.cookie);
    return {
      user: presentUser(session.user),
      csrfToken: session.csrfToken,
      mustChangePassword: session.passwordChangeRequired,
    };
  });

  mount(routes, e.me, async ({ res }) => {
    const actor = requireActor(res);
    const user = await deps.users.get(actor.userId);
    const session = sessionOf(res);
    return {
      user: presentUser(user),
      csrfToken: session?.csrfToken ?? null,
      mustChangePassword: session?.passwordChangeRequired ?? false,
    };
  });

  mount(routes, e.changePassword, async ({ body, res }) => {
    const actor = requireActor(res);
    const user = await deps.auth.changePassword(actor.email, body.currentPassword, body.newPassword);
    if (!sessionOf(res)) return { user: presentUser(user), csrfToken: null, mustChangePassword: false };
    // Every session ended with the old password; this browser goes on in a new one.
    const session = await deps.auth.startSession(user);
    writeSessionCookie(res, session.token, deps.cookie);
    return { user: presentUser(session.user), csrfToken: session.csrfToken, mustChangePassword: false };
  });

  mount(routes, e.logout, async ({ res }) => {
    const session = sessionOf(res);
    if (session) await deps.auth.logout(session.token);
    clearSessionCookie(res, deps.cookie);
  });

  mount(routes, e.createToken, async ({ body, res }) => {
    const issued = await deps.auth.createApiToken(requireActor(res).userId, body);
    return { ...presentApiToken(issued.record), token: issued.token };
  });

  mount(routes, e.listTokens, async ({ res }) => {
    const tokens = await deps.auth.listApiTokens(requireActor(res).userId);
    return { items: tokens.map(presentApiToken) };
  });

  mount(routes, e.revokeToken, async ({ params, res }) => {
    await deps.auth.revokeApiToken(requireActor(res).userId, params.id);
  });

  return routes;
}
