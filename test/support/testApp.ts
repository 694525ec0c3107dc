import type { Express } from 'express';
import type { Knex } from 'knex';
import { pino, type Logger } from 'pino';
import request from 'supertest';
import type { Role } from '../../shared/schemas/users';
import type { AppDeps } from '../../server/http/app';
import { composeApp, type ComposeOptions, type Services } from '../../server/compose/app';
import type { Clock } from '../../server/ports/clock';
import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import type { ExchangeGatewayFactory, SecretSealer } from '../../server/ports/exchangeSettings';
import type { CateringSettings } from '../../server/compose/catering';
import type { ExchangeSettingsChangesFactory } from '../../server/compose/exchange';
import type { SyncSettings } from '../../server/compose/sync';
import type { PreviewOutlookSource } from '../../server/ports/previewOutlook';
import type { SyncController } from '../../server/sync/syncController';
import { buildUser, TEST_SCRYPT_COST, type BuiltUser } from '../factories/users';

export const TEST_APP_CONFIG: AppDeps['config'] = {
  trustProxy: false,
  secureCookies: false,
  sessionTtlHours: 12,
  loginRateLimit: { max: 5, windowMinutes: 15 },
};

export interface TestAppOptions {
  readonly clock?: Clock;
  readonly config?: Partial<AppDeps['config']>;
  readonly logger?: Logger;
  readonly webDir?: string;
  /** Seals the Exchange password; default: a fresh random key per app. */
  readonly secrets?: SecretSealer;
  readonly exchangeGateway?: ExchangeGatewayFactory;
  /** How Exchange settings saves reach other instances (default: none, one process). */
  readonly exchangeSettingsChanges?: ExchangeSettingsChangesFactory;
  /** Mail server and order-following timings (default: no mail, production timings). */
  readonly orders?: CateringSettings;
  /** The sync's runtime timers and observer, leases (default: as production, off until restarted). */
  readonly sync?: SyncSettings;
  /** The bookings' timings, e.g. how long the follower waits for the attendant (default: production's). */
  readonly bookings?: ComposeOptions['bookings'];
  /** The taskpane preview's Outlook (the demo's with its simulator); default: none, as with a real Exchange. */
  readonly previewOutlook?: PreviewOutlookSource;
  /** Room displays' public URL and pairing rate limit (default: production's 5 wrong codes a minute). */
  readonly displays?: ComposeOptions['displays'];
  /** Single sign-on's public URL (the redirect URI's base) and discovery (default: openid-client's). */
  readonly sso?: ComposeOptions['sso'];
}

export interface SignedInSession {
  readonly user: BuiltUser;
  /** `rs_session=<token>`, for `.set('Cookie', cookie)`. */
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface TestApp {
  readonly app: Express;
  readonly deps: Services;
  /** The Exchange sync; off until a test calls `sync.restart(gateway)` (stop it in afterEach). */
  readonly sync: SyncController;
  /** Creates a user with this role and signs in through POST /api/auth/login. */
  loginAs(role: Role): Promise<SignedInSession>;
  /** Creates a user with this role and a personal API token for them; returns the token. */
  tokenFor(role: Role): Promise<string>;
}

function sessionCookieOf(setCookie: unknown): string {
  const headers = Array.isArray(setCookie) ? setCookie : [setCookie];
  const found = headers.find((h): h is string => typeof h === 'string' && h.startsWith('rs_session='));
  if (!found) throw new Error('sign-in set no rs_session cookie');
  return found.split(';')[0] ?? '';
}

/** The real application, with the real services and repositories, on a test database. */
export function createTestApp(db: Knex, options: TestAppOptions = {}): TestApp {
  const { app, services, sync } = composeApp({
    knex: db,
    config: { ...TEST_APP_CONFIG, ...options.config },
    logger: options.logger ?? pino({ level: 'silent' }),
    passwordCost: TEST_SCRYPT_COST,
    secrets: options.secrets ?? createSecretBox(randomBytes(32)),
    exchange: { gateway: options.exchangeGateway, settingsChanges: options.exchangeSettingsChanges },
    clock: options.clock,
    webDir: options.webDir,
    orders: options.orders,
    sync: options.sync,
    bookings: options.bookings,
    previewOutlook: options.previewOutlook,
    displays: options.displays,
    sso: options.sso,
  });

  return {
    app,
    deps: services,
    sync,
    async loginAs(role) {
      const user = await buildUser(db, { role });
      const res = await request(app).post('/api/auth/login').send({ email: user.email, password: user.password });
      if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const body = res.body as { csrfToken: string };
      return { user, cookie: sessionCookieOf(res.headers['set-cookie']), csrfToken: body.csrfToken };
    },
    async tokenFor(role) {
      const user = await buildUser(db, { role });
      const issued = await services.auth.createApiToken(user.id, { name: `${role} test token` });
      return issued.token;
    },
  };
}
