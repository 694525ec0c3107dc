import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only module that reads process.env. Every variable is declared, documented and validated
 * here; .env.example lists the same variables for operators.
 */

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const envSchema = z
  .object({
    /** Port the HTTP server listens on. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface to bind; 0.0.0.0 for all. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Where the embedded database and generated keys live. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** PostgreSQL connection string; when unset, the embedded PGlite database in DATA_DIR is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    /** The public base URL (https in production); used for cookies and the add-in manifest. */
    PUBLIC_URL: z.url().optional(),
    /** Seed the demo organisation on first start when the database is empty. */
    DEMO: onOff.default(true),
    /** The first admin account, created at start when no user with this email exists. */
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    /** pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Session lifetime in hours. */
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    /** Login attempts allowed per IP and email within LOGIN_RATE_WINDOW_MINUTES. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
    LOGIN_RATE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /** Express "trust proxy" setting when running behind a reverse proxy that terminates TLS. */
    TRUST_PROXY: onOff.default(false),
    /**
     * Key (base64 of 32 random bytes: `openssl rand -base64 32`) that encrypts secrets at rest, such
     * as the Exchange service password (AES-256-GCM). Unset: a key is generated on first start into
     * DATA_DIR/secret.key (mode 0600). With PostgreSQL and several instances, set it on every one.
     */
    ROOMSERVE_SECRET_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes (openssl rand -base64 32)')
      .optional(),
    /** Start the built-in Exchange simulator when no Exchange is configured (demo): on | off. */
    EXCHANGE_SIM: onOff.default(true),
    /**
     * Exchange servers whose /autodiscover/metadata/json/1 may be fetched to check the Outlook add-in's
     * identity tokens, comma-separated: `host`, `host:port` or `https://host[:port]` (a bare host takes
     * the EWS URL's scheme and port). Unset: the configured EWS URL's scheme, host and port.
     */
    ADDIN_TOKEN_ALLOWED_HOSTS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter((h) => h !== ''),
      )
      .refine(
        (hosts) => hosts.every((h) => /^(https?:\/\/)?[a-z0-9.:[\]-]+\/?$/.test(h)),
        'must be host names, host:port or https://host:port, separated by commas',
      )
      .optional(),
    /** Mail server for order notifications: smtp://user:pass@host:587 or smtps://…:465. Or SMTP_HOST/SMTP_PORT. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** on: TLS from the first byte (port 465); off: STARTTLS when the server offers it. */
    SMTP_SECURE: onOff.default(false),
    /** Sender address of order notifications. */
    SMTP_FROM: z.string().min(3).default('Roomserve <roomserve@localhost>'),
    /** Seconds a vanished meeting may take to reappear in another room before its orders are cancelled. */
    ORDERS_SETTLE_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
    /** Seconds between sweeps that re-check orders whose bookings changed. */
    ORDERS_SWEEP_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    /**
     * Concurrent EWS requests of the service account, all clients together. Exchange's
     * EWSMaxConcurrency is 27 (2013+) or 10 (2010) per account, shared with anything else using it.
     */
    EXCHANGE_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    /**
     * Seconds between the sync's claim rounds on PostgreSQL: how soon the other instances take over
     * the rooms of one that died (its rooms move within this plus the first sync of each), and how
     * soon a new instance gets its share.
     */
    SYNC_CLAIM_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
    /**
     * Bearer token the Prometheus scraper sends to GET /metrics (`Authorization: Bearer …`). Unset:
     * /metrics answers anyone, so keep it off the public network.
     */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (openssl rand -hex 32)').optional(),
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database:
    { readonly engine: 'pglite'; readonly dataDir: string } | { readonly engine: 'postgres'; readonly url: string };
  readonly publicUrl: string;
  readonly secureCookies: boolean;
  readonly demo: boolean;
  readonly initialAdmin?: { readonly email: string; readonly password: string };
  readonly logLevel: Env['LOG_LEVEL'];
  readonly nodeEnv: Env['NODE_ENV'];
  readonly sessionTtlHours: number;
  readonly loginRateLimit: { readonly max: number; readonly windowMinutes: number };
  readonly trustProxy: boolean;
  /** Base64 key for secrets at rest; undefined: generated into DATA_DIR. */
  readonly secretKey: string | undefined;
  /** Start the Exchange simulator when no Exchange is configured. */
  readonly exchangeSim: boolean;
  /** Hosts the add-in's identity-token metadata may come from; undefined: the EWS URL's host. */
  readonly addinTokenAllowedHosts: readonly string[] | undefined;
  /** Order notification mail; null: no mail server, email notifications are marked skipped. */
  readonly smtp: {
    readonly url?: string;
    readonly host?: string;
    readonly port: number;
    readonly secure: boolean;
    readonly from: string;
  } | null;
  /** How orders follow their meetings: settle delay for vanished meetings and sweep interval. */
  readonly orders: { readonly settleMs: number; readonly sweepMs: number };
  /** EXCHANGE_MAX_CONCURRENCY: the one budget of concurrent EWS requests of the service account. */
  readonly exchangeMaxConcurrency: number;
  /** SYNC_CLAIM_SECONDS in ms: how often each instance claims its share of the rooms. */
  readonly syncClaimIntervalMs: number;
  /** METRICS_TOKEN: the bearer token GET /metrics requires; undefined: /metrics is open. */
  readonly metricsToken: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? { engine: 'postgres', url: env.DATABASE_URL }
      : { engine: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    demo: env.DEMO,
    ...(env.ADMIN_EMAIL && env.ADMIN_PASSWORD
      ? { initialAdmin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } }
      : {}),
    logLevel: env.LOG_LEVEL,
    nodeEnv: env.NODE_ENV,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    loginRateLimit: { max: env.LOGIN_RATE_LIMIT, windowMinutes: env.LOGIN_RATE_WINDOW_MINUTES },
    trustProxy: env.TRUST_PROXY,
    secretKey: env.ROOMSERVE_SECRET_KEY,
    exchangeSim: env.EXCHANGE_SIM,
    addinTokenAllowedHosts: env.ADDIN_TOKEN_ALLOWED_HOSTS,
    smtp:
      env.SMTP_URL !== undefined || env.SMTP_HOST !== undefined
        ? {
            ...(env.SMTP_URL !== undefined ? { url: env.SMTP_URL } : {}),
            ...(env.SMTP_HOST !== undefined ? { host: env.SMTP_HOST } : {}),
            port: env.SMTP_PORT,
            secure: env.SMTP_SECURE,
            from: env.SMTP_FROM,
          }
        : null,
    orders: { settleMs: env.ORDERS_SETTLE_SECONDS * 1000, sweepMs: env.ORDERS_SWEEP_SECONDS * 1000 },
    exchangeMaxConcurrency: env.EXCHANGE_MAX_CONCURRENCY,
    syncClaimIntervalMs: env.SYNC_CLAIM_SECONDS * 1000,
    metricsToken: env.METRICS_TOKEN,
  };
}

/** Reads the process environment (and ./.env when present). */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
