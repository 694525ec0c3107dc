import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { allEndpoints } from '../../shared/api';
import type { Config } from '../config';
import type { AuthService } from '../services/auth/authService';
import type { UserService } from '../services/auth/userService';
import { authenticate, type AuthenticateDeps } from './middleware/authenticate';
import { errorHandler, notFoundHandler } from './middleware/errorHandler';
import { inlineScriptHashesOf } from './middleware/inlineScripts';
import { requestLogger } from './middleware/requestLogger';
import { requireMetricsToken } from './middleware/metricsToken';
import { noStore, urlLengthLimit } from './middleware/requestLimits';
import { securityHeaders, taskpaneSecurityHeaders } from './middleware/security';
import { staticWeb } from './middleware/staticWeb';
import { mountFeature, type FeatureRoutes } from './featureRoutes';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { authRouter } from './routes/auth/router';
import { healthRouter } from './routes/health/router';
import { usersRouter } from './routes/users/router';

export const JSON_BODY_LIMIT = '1mb';

export interface AppDeps {
  readonly config: Pick<Config, 'trustProxy' | 'secureCookies' | 'sessionTtlHours' | 'loginRateLimit'> &
    Partial<Pick<Config, 'metricsToken'>>;
  readonly logger: Logger;
  readonly auth: AuthService;
  readonly users: UserService;
  /** Resolves when the database answers; /readyz reports 503 otherwise. */
  readonly checkDatabase: () => Promise<void>;
  /** The features' routes (locations, files, rooms, ...), each router mounted at its prefix under /api. */
  readonly featureRoutes: readonly FeatureRoutes[];
  /** Routers for pages outside /api (the add-in's /manifest.xml and icons), before the web app. */
  readonly pageRouters?: readonly Router[];
  /**
   * The failed-sign-in limiter of POST /api/auth/login when another route shares it (the add-in's
   * one-time link), so that one budget of password guesses covers both; default: its own.
   */
  readonly loginLimiter?: RequestHandler[];
  /** Accepts room displays' device tokens as bearer tokens (on /api/display/* only). */
  readonly displayTokens?: AuthenticateDeps['displayTokens'];
  /** Accepts the Outlook add-in's Exchange identity tokens as bearer tokens. */
  readonly identityTokens?: AuthenticateDeps['identityTokens'];
  /** The built web app (index.html and bundles). */
  readonly webDir: string;
  /** Origins of the Exchange servers whose Outlook on the web may frame the taskpane. */
  readonly exchangeOrigins?: () => Promise<readonly string[]>;
  readonly version: string;
  /** Prometheus metrics at /metrics for the scraper: no session; config.metricsToken, when set, is required. */
  readonly metrics?: { readonly contentType: string; render(): Promise<string> };
}

function apiRouter(deps: AppDeps): Router {
  const api = express.Router();
  api.use(noStore);
  let openApi: OpenApiDocument | undefined;
  api.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument(allEndpoints, { version: deps.version });
    res.json(openApi);
  });
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use(
    authenticate({
      auth: deps.auth,
      ...(deps.identityTokens ? { identityTokens: deps.identityTokens } : {}),
      ...(deps.displayTokens ? { displayTokens: deps.displayTokens } : {}),
    }),
  );
  const auth = authRouter({
    auth: deps.auth,
    users: deps.users,
    cookie: { secure: deps.config.secureCookies, maxAgeHours: deps.config.sessionTtlHours },
    loginRateLimit: deps.config.loginRateLimit,
    ...(deps.loginLimiter ? { loginLimiter: deps.loginLimiter } : {}),
  });
  // In this order, as when every router was mounted at '/': where two features share a prefix,
  // the earlier one's routes are still tried first.
  for (const feature of [auth, usersRouter({ users: deps.users }), ...deps.featureRoutes]) mountFeature(api, feature);
  api.use(notFoundHandler);
  return api;
}

/** The whole HTTP application without listen(), so tests drive it in-process. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // One reverse proxy in front (TLS termination); trusting more would let clients forge their IP.
  app.set('trust proxy', deps.config.trustProxy ? 1 : false);
  const headers = securityHeaders({ https: deps.config.secureCookies });
  const taskpaneHeaders = taskpaneSecurityHeaders({
    https: deps.config.secureCookies,
    inlineScriptHashes: inlineScriptHashesOf(path.join(deps.webDir, 'taskpane.html')),
    ...(deps.exchangeOrigins ? { exchangeOrigins: deps.exchangeOrigins } : {}),
  });
  app.use((req, res, next) =>
    req.path === '/taskpane.html' || req.path.startsWith('/taskpane/')
      ? taskpaneHeaders(req, res, next)
      : headers(req, res, next),
  );
  app.use(urlLengthLimit);
  app.use(compression());
  app.use(requestLogger(deps.logger));
  mountFeature(app, healthRouter({ checkDatabase: deps.checkDatabase, logger: deps.logger }));
  const metrics = deps.metrics;
  if (metrics) {
    const token = deps.config.metricsToken;
    const guard: RequestHandler = token ? requireMetricsToken(token) : (_req, _res, next) => next();
    app.get('/metrics', guard, async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.render());
    });
  }
  app.use('/api', apiRouter(deps));
  for (const router of deps.pageRouters ?? []) app.use(router);
  app.use(staticWeb(deps.webDir));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
