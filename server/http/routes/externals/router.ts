/**
 * Externals: invitations (admins, or employees where allowed), accepting one, passwordless
 * sign-in links, and the admin's list with bulk import, deactivation, expiry and settings.
 */
import { externalsEndpoints as endpoints } from '../../../../shared/api/externals';
import { presentUser } from '../../../services/auth/present';
import type { ExternalSession, ExternalsService } from '../../../services/externals';
import { writeSessionCookie, type SessionCookieSettings } from '../../middleware/sessionCookie';
import type { Response } from 'express';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface ExternalsRouterDeps {
  readonly externals: ExternalsService;
  readonly cookie: SessionCookieSettings;
}

export function externalsRouter({ externals, cookie }: ExternalsRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/externals', '/admin/externals', '/admin/external-settings');

  const signedIn = (res: Response, session: ExternalSession) => {
    writeSessionCookie(res, session.token, cookie);
    return {
      user: presentUser(session.user),
      csrfToken: session.csrfToken,
      // An invitation or an emailed link, not a password an admin reset.
      mustChangePassword: false,
    };
  };

  mount(routes, endpoints.invitationRights, ({ res }) => externals.invitationRights(requireActor(res)));
  mount(routes, endpoints.invite, ({ body, res }) => externals.invite(requireActor(res), body));
  mount(routes, endpoints.accept, async ({ body, res }) => signedIn(res, await externals.accept(body)));
  mount(routes, endpoints.requestSignInLink, ({ body }) => externals.requestSignInLink(body.email));
  mount(routes, endpoints.signInWithLink, async ({ body, res }) =>
    signedIn(res, await externals.signInWithLink(body.token)),
  );
  mount(routes, endpoints.list, async () => ({ items: await externals.list() }));
  mount(routes, endpoints.importCsv, ({ body, res }) => externals.importCsv(requireActor(res), body.csv));
  mount(routes, endpoints.newInvitationLink, ({ params, res }) => externals.reinvite(requireActor(res), params.id));
  mount(routes, endpoints.deactivationPreview, ({ params }) => externals.deactivationPreview(params.id));
  mount(routes, endpoints.deactivate, ({ params, res }) => externals.deactivate(requireActor(res), params.id));
  mount(routes, endpoints.setExpiry, ({ params, body }) =>
    externals.setExpiry(params.id, body.accessExpiresAt === null ? null : new Date(body.accessExpiresAt)),
  );
  mount(routes, endpoints.getSettings, () => externals.settings());
  mount(routes, endpoints.saveSettings, ({ body }) => externals.saveSettings(body));

  return routes;
}
