/**
 * Single sign-on: the admin's settings and test sign-in (JSON, under the contract in shared/api/sso),
 * and the browser's redirects to the identity provider and back (not JSON: a 302 or an error page).
 */
import express, { type Request, type Response } from 'express';
import { parse as parseCookieHeader } from 'cookie';
import type { Logger } from 'pino';
import { ssoEndpoints as e } from '../../../../shared/api/sso';
import {
  SsoSignInError,
  type FinishedSsoLogin,
  type SamlPost,
  type SsoSignInService,
} from '../../../services/sso/signIn';
import type { SsoSettingsService } from '../../../services/sso/settings';
import { writeSessionCookie, type SessionCookieSettings } from '../../middleware/sessionCookie';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';
import { sendSignInErrorPage } from './errorPage';

export interface SsoRouterDeps {
  readonly settings: SsoSettingsService;
  readonly signIn: SsoSignInService;
  readonly cookie: SessionCookieSettings;
  readonly publicUrl: string;
  readonly logger: Logger;
}

/** Ties the provider's callback to the browser that started the sign-in (no login CSRF). */
const STATE_COOKIE = 'rs_sso_state';
const STATE_COOKIE_PATH = '/api/auth/sso';
const STATE_COOKIE_MS = 10 * 60_000;
/** Names the sealed ID token kept for RP-initiated logout's id_token_hint. */
const LOGOUT_COOKIE = 'rs_sso_logout';
/** A SAML response is verified at the POST, then claimed by its browser at a GET carrying this. */
const SAML_RELAY_PARAM = 'relay';
const SAML_FORM_LIMIT = '1mb';
const TEST_RESULT_PAGE = '/admin/sign-in';

function writeStateCookie(res: Response, state: string, secure: boolean): void {
  res.cookie(STATE_COOKIE, state, {
    httpOnly: true,
    // lax: sent on the provider's top-level GET redirect back to us.
    sameSite: 'lax',
    secure,
    path: STATE_COOKIE_PATH,
    maxAge: STATE_COOKIE_MS,
  });
}

function cookieOf(req: Request, name: string): string | undefined {
  return req.headers.cookie ? parseCookieHeader(req.headers.cookie)[name] : undefined;
}

export function ssoRouter(deps: SsoRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/auth/sign-in-options', '/auth/sso', '/auth/saml', '/admin/sso');
  const secure = deps.cookie.secure;

  function refuse(res: Response, err: unknown): void {
    res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure });
    if (err instanceof SsoSignInError) {
      deps.logger.warn({ failure: err.failure, reason: err.message }, 'single sign-on refused');
      sendSignInErrorPage(res, err.failure, err.message);
      return;
    }
    deps.logger.error({ err }, 'single sign-on failed');
    sendSignInErrorPage(res, 'unexpected', 'Something went wrong on our side; try again in a moment');
  }

  mount(routes, e.signInOptions, () => deps.settings.signInOptions());
  mount(routes, e.getSsoSettings, () => deps.settings.get());
  mount(routes, e.saveSsoSettings, ({ body }) => deps.settings.save(body));
  mount(routes, e.startSsoTest, async ({ res }) => {
    const started = await deps.signIn.startTest(requireActor(res).userId);
    writeStateCookie(res, started.state, secure);
    return { url: started.url };
  });
  mount(routes, e.ssoTestResult, ({ params, res }) => deps.signIn.testResult(params.id, requireActor(res).userId));

  routes.route('/auth/sso/login').get(async (_req, res) => {
    try {
      const started = await deps.signIn.start();
      writeStateCookie(res, started.state, secure);
      res.redirect(302, started.url);
    } catch (err) {
      refuse(res, err);
    }
  });

  function finishIn(res: Response, finished: FinishedSsoLogin): void {
    res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure });
    if (finished.kind === 'tested') {
      res.redirect(302, `${TEST_RESULT_PAGE}?test=${encodeURIComponent(finished.resultId)}`);
      return;
    }
    writeSessionCookie(res, finished.session.token, deps.cookie);
    if (finished.logoutHandle !== undefined) {
      res.cookie(LOGOUT_COOKIE, finished.logoutHandle, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: STATE_COOKIE_PATH,
        maxAge: Math.max(0, finished.session.expiresAt.getTime() - Date.now()),
      });
    }
    res.redirect(302, '/');
  }

  routes.route('/auth/sso/callback').get(async (req, res) => {
    try {
      const relay = req.query[SAML_RELAY_PARAM];
      if (typeof relay === 'string') {
        finishIn(res, await deps.signIn.finishSaml(relay, cookieOf(req, STATE_COOKIE)));
        return;
      }
      // The redirect URI as registered, whatever host the request came through (the token request repeats it).
      const query = new URL(req.originalUrl, 'http://placeholder').search;
      finishIn(
        res,
        await deps.signIn.finish(new URL(`${deps.settings.redirectUri()}${query}`), cookieOf(req, STATE_COOKIE)),
      );
    } catch (err) {
      refuse(res, err);
    }
  });

  // The SAML IdP's answer (HTTP-POST binding). It arrives as a cross-site POST, which carries no
  // SameSite=Lax cookie: it is checked here, then the browser is sent on to a GET that carries its
  // state cookie, so an answer obtained by someone else cannot sign this browser in (login CSRF).
  // An OIDC form_post answer lands here too and is refused: configure the provider to redirect.
  routes
    .route('/auth/sso/callback')
    .post(
      express.urlencoded({ extended: false, limit: SAML_FORM_LIMIT }),
      async (req: Request<unknown, unknown, SamlPost | undefined>, res) => {
        try {
          if (req.body?.SAMLResponse === undefined) {
            throw new SsoSignInError(
              'state-mismatch',
              'The identity provider answered with response_mode=form_post; configure it to redirect with the code in the query',
            );
          }
          const { state } = await deps.signIn.receiveSamlResponse(req.body);
          res.redirect(303, `/api/auth/sso/callback?${SAML_RELAY_PARAM}=${encodeURIComponent(state)}`);
        } catch (err) {
          refuse(res, err);
        }
      },
    );

  routes.route('/auth/saml/metadata').get(async (_req, res) => {
    res.type('application/samlmetadata+xml').send(await deps.settings.samlMetadata());
  });

  routes.route('/auth/sso/logout').get(async (req, res) => {
    const home = `${deps.publicUrl.replace(/\/+$/, '')}/`;
    const handle = cookieOf(req, LOGOUT_COOKIE);
    if (handle !== undefined)
      res.clearCookie(LOGOUT_COOKIE, { path: STATE_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure });
    res.redirect(302, (await deps.signIn.endSessionUrl(home, handle)) ?? '/');
  });

  return routes;
}
