import type { RequestHandler } from 'express';
import { addinEndpoints as endpoints } from '../../../../shared/api/addin';
import { AppError } from '../../../domain/errors';
import type { AddinIdentityService } from '../../../services/addinIdentity';
import { presentUser } from '../../../services/auth/present';
import { bearerTokenOf, looksLikeJwt } from '../../middleware/authenticate';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount } from '../../route';

/**
 * POST /api/addin/link: the Outlook add-in's one-time sign-in (docs/addin.md, "Who is it?").
 * The identity token travels as the bearer token like on every add-in call — the taskpane runs
 * in a third-party iframe where cookies are unreliable — and the authentication middleware leaves
 * it to this route, because an unknown token is exactly what this request is for.
 */

export interface AddinLinkRouterDeps {
  readonly identity: Pick<AddinIdentityService, 'link'>;
  /** The sign-in's limiter (one budget of password guesses for both doors). */
  readonly loginLimiter: RequestHandler[];
}

export function addinLinkRouter(deps: AddinLinkRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/addin');
  routes.route(endpoints.link.path).post(deps.loginLimiter);
  mount(routes, endpoints.link, async ({ body, req }) => {
    const token = bearerTokenOf(req);
    if (token === undefined || !looksLikeJwt(token)) {
      throw new AppError(
        'unauthenticated',
        'Send the Outlook add-in’s Exchange identity token as "Authorization: Bearer <token>"',
        { reason: 'malformed' },
      );
    }
    const user = await deps.identity.link(token, body.email, body.password);
    return { user: presentUser(user), csrfToken: null, mustChangePassword: false };
  });
  return routes;
}
