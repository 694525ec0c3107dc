/**
 * Single sign-on: the admin's settings and test sign-in (JSON, under the contract in shared/api/sso),
 * and the browser's redirects to the identity provider and back (not JSON: a 302 or an error page).
 */
import express, { type Request, type Response, type Router } from 'express';
import { parse as parseCookieHeader } from 'cookie';
import type { Logger } from 'pino';
import { ssoEndpoints as e } from '../../../../shared/api/sso';
import { SsoSignInError, type SsoSignInService } from '../../../services/sso/signIn';
import type { SsoSettingsService } from '../../../services/sso/settings';
import { writeSessionCookie, type SessionCookieSettings } from '../../middleware/sessionCookie';
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

function stateCookieOf(req: Request): string | undefined {
  return req.headers.cookie ? parseCookieHeader(req.headers.cookie)[STATE_COOKIE] : undefined;
}

export function ssoRouter(deps: SsoRouterDeps): Router {
  const router = express.Router();
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

  mount(router, e.signInOptions, () => deps.settings.signInOptions());
  mount(router, e.getSsoSettings, () => deps.settings.get());
  mount(router, e.saveSsoSettings, ({ body }) => deps.settings.save(body));
  mount(router, e.startSsoTest, async ({ res }) => {
    const started = await deps.signIn.startTest(requireActor(res).userId);
    writeStateCookie(res, started.state, secure);
    return { url: started.url };
  });
  mount(router, e.ssoTestResult, ({ params, res }) => deps.signIn.testResult(params.id, requireActor(res).userId));

  router.get('/auth/sso/login', async (_req, res) => {
    try {
      const started = await deps.signIn.start();
      writeStateCookie(res, started.state, secure);
      res.redirect(302, started.url);
    } catch (err) {
      refuse(res, err);
    }
  });

  router.get('/auth/sso/callback', async (req, res) => {
    try {
      // The redirect URI as registered, whatever host the request came through (the token request repeats it).
      const query = new URL(req.originalUrl, 'http://placeholder').search;
      const finished = await deps.signIn.finish(new URL(`${deps.settings.redirectUri()}${query}`), stateCookieOf(req));
      res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure });
      if (finished.kind === 'tested') {
        res.redirect(302, `${TEST_RESULT_PAGE}?test=${encodeURIComponent(finished.resultId)}`);
        return;
      }
      writeSessionCookie(res, finished.session.token, deps.cookie);
      res.redirect(302, '/');
    } catch (err) {
      refuse(res, err);
    }
  });

  // A form_post answer comes as a cross-site POST, which carries no SameSite=Lax cookie: the
  // sign-in could not be tied to its browser, so it is refused with a page that says what to change.
  router.post('/auth/sso/callback', (_req, res) => {
    refuse(
      res,
      new SsoSignInError(
        'state-mismatch',
        'The identity provider answered with response_mode=form_post; configure it to redirect with the code in the query',
      ),
    );
  });

  router.get('/auth/sso/logout', async (_req, res) => {
    const home = `${deps.publicUrl.replace(/\/+$/, '')}/`;
    res.redirect(302, (await deps.signIn.endSessionUrl(home)) ?? '/');
  });

  return router;
}
