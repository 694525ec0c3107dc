import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express, RequestHandler } from 'express';
import { createApp, type AppDeps } from '../http/app';
import type { FeatureRoutes } from '../http/featureRoutes';
import { loginRateLimit } from '../http/middleware/loginRateLimit';
import { addinLinkRouter } from '../http/routes/addin/link';
import { addinApiRouter, addinPageRouter } from '../http/routes/addin/router';
import { pairRateLimit } from '../http/middleware/pairRateLimit';
import { displayPinGuard } from '../http/middleware/displayPin';
import { analyticsRouter } from '../http/routes/analytics/router';
import { bookingsRouter } from '../http/routes/bookings/router';
import { catalogRouter } from '../http/routes/catalog/router';
import { demoRouter } from '../http/routes/demo/router';
import { displaysRouter } from '../http/routes/displays/router';
import { eventsRouter } from '../http/routes/events/router';
import { exchangeRouter } from '../http/routes/exchange/router';
import { externalsRouter } from '../http/routes/externals/router';
import { facilityRouter } from '../http/routes/facility/router';
import { filesRouter } from '../http/routes/files/router';
import { integrationRouter } from '../http/routes/integration/router';
import { locationsRouter } from '../http/routes/locations/router';
import { ordersRouter } from '../http/routes/orders/router';
import { planRouter } from '../http/routes/plan/router';
import { previewOutlookRouter } from '../http/routes/previewOutlook/router';
import { roomsRouter } from '../http/routes/rooms/router';
import { ssoRouter } from '../http/routes/sso/router';
import type { Features } from './app';

export interface HttpOptions {
  readonly config: AppDeps['config'];
  /** The built web app; default: dist/web of this checkout. */
  readonly webDir?: string | undefined;
}

/** dist/server/main.js serves dist/web; server/main.ts (tsx) serves the same dist/web. */
function defaultWebDir(): string {
  const compiled = path.basename(path.resolve(__dirname, '../..')) === 'dist';
  return path.resolve(__dirname, compiled ? '../../web' : '../../dist/web');
}

function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string')
        return parsed.version;
    }
  }
  return '0.0.0';
}

function featureRoutes(
  features: Features,
  loginLimiter: RequestHandler[],
  config: HttpOptions['config'],
): FeatureRoutes[] {
  const { services, addin } = features;
  return [
    ssoRouter({
      settings: features.sso.settings,
      signIn: features.sso.signIn,
      cookie: { secure: config.secureCookies, maxAgeHours: config.sessionTtlHours },
      publicUrl: features.sso.publicUrl,
      logger: features.infrastructure.logger,
    }),
    externalsRouter({
      externals: services.externals,
      cookie: { secure: config.secureCookies, maxAgeHours: config.sessionTtlHours },
    }),
    locationsRouter({ locations: services.locations }),
    filesRouter({ files: services.files }),
    roomsRouter({ roomSearch: services.roomSearch }),
    exchangeRouter({ exchange: services.exchange, locations: services.locations }),
    integrationRouter({ integration: features.sync.integration }),
    catalogRouter({ catalog: services.catalog }),
    ordersRouter({ orders: services.orders }),
    facilityRouter({ orders: services.orders }),
    bookingsRouter({ bookings: services.bookings }),
    eventsRouter(features.events),
    previewOutlookRouter({ previewOutlook: features.previewOutlook }),
    demoRouter({ displayLink: features.displays.demoLink }),
    analyticsRouter({ analytics: features.analytics.service, weeklyReport: features.analytics.weeklyReport }),
    displaysRouter({
      pairing: features.displays.pairing,
      state: features.displays.state,
      settings: features.displays.settings,
      actions: features.displays.actions,
      pairLimiter: pairRateLimit(features.displays.pairRateLimit),
      live: features.displays.live,
      pins: features.displays.pins,
      pinGuard: displayPinGuard(features.displays.pins),
      heartbeatMs: features.displays.heartbeatMs,
    }),
    planRouter({
      occupancy: features.plan.occupancy,
      live: features.plan.live,
      privacy: features.plan.privacy,
      heartbeatMs: features.plan.heartbeatMs,
    }),
    ...(addin ? [addinApiRouter(addin.manifest), addinLinkRouter({ identity: addin.identity, loginLimiter })] : []),
  ];
}

/** The HTTP application over the features. */
export function composeHttp(features: Features, options: HttpOptions): Express {
  const { infrastructure, services, addin } = features;
  // One budget of failed password attempts for the sign-in and the add-in's one-time link.
  const loginLimiter = loginRateLimit(options.config.loginRateLimit);
  return createApp({
    config: options.config,
    logger: infrastructure.logger,
    auth: services.auth,
    users: services.users,
    checkDatabase: async () => {
      await infrastructure.knex.raw('select 1');
    },
    featureRoutes: featureRoutes(features, loginLimiter, options.config),
    displayTokens: features.displays.pairing,
    ...(addin
      ? {
          pageRouters: [addinPageRouter(addin.manifest)],
          identityTokens: addin.identity,
          exchangeOrigins: () => addin.exchangeOrigins(),
        }
      : {}),
    loginLimiter,
    webDir: options.webDir ?? defaultWebDir(),
    version: packageVersion(),
    metrics: infrastructure.metrics,
  });
}
