/**
 * Externals: invitations (admins, or employees where allowed), accepting one, passwordless
 * sign-in links, and the admin's list with bulk import, deactivation, expiry and settings.
 */
import { Router } from 'express';
import { externalsEndpoints as endpoints } from '../../../../shared/api/externals';
import { presentUser } from '../../../services/auth/present';
import type { ExternalSession, ExternalsService } from '../../../services/externals';
import { writeSessionCookie, type SessionCookieSettings } from '../../middleware/sessionCookie';
import type { Response } from 'express';
import { mount, requireActor } from '../../route';

export interface ExternalsRouterDeps {
  readonly externals: ExternalsService;
  readonly cookie: SessionCookieSettings;
}

export function externalsRouter({ externals, cookie }: ExternalsRouterDeps): Router {
  const router = Router();

  const signedIn = (res: Response, session: ExternalSession) => {
    writeSessionCookie(res, session.token, cookie);
    return {
      user: presentUser(session.user),
      csrfToken: session.csrfToken,
      // An invitation or an emailed link, not a password an admin reset.
      mustChangePassword: false,
    };
  };

  mount(router, endpoints.invitationRights, ({ res }) => externals.invitationRights(requireActor(res)));
  mount(router, endpoints.invite, ({ body, res }) => externals.invite(requireActor(res), body));
  mount(router, endpoints.accept, async ({ body, res }) => signedIn(res, await externals.accept(body)));
  mount(router, endpoints.requestSignInLink, ({ body }) => externals.requestSignInLink(body.email));
  mount(router, endpoints.signInWithLink, async ({ body, res }) =>
    signedIn(res, await externals.signInWithLink(body.token)),
  );
  mount(router, endpoints.list, async () => ({ items: await externals.list() }));
  mount(router, endpoints.importCsv, ({ body, res }) => externals.importCsv(requireActor(res), body.csv));
  mount(router, endpoints.newInvitationLink, ({ params, res }) => externals.reinvite(requireActor(res), params.id));
  mount(router, endpoints.deactivationPreview, ({ params }) => externals.deactivationPreview(params.id));
  mount(router, endpoints.deactivate, ({ params, res }) => externals.deactivate(requireActor(res), params.id));
  mount(router, endpoints.setExpiry, ({ params, body }) =>
    externals.setExpiry(params.id, body.accessExpiresAt === null ? null : new Date(body.accessExpiresAt)),
  );
  mount(router, endpoints.getSettings, () => externals.settings());
  mount(router, endpoints.saveSettings, ({ body }) => externals.saveSettings(body));

  return router;
}
