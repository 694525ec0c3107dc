import { exchangeOriginsOf } from '../http/middleware/security';
import { createIdentityLinkRepository } from '../adapters/db/repositories/identityLinks';
import { createExchangeIdentityTokenVerifier } from '../adapters/identity/exchangeIdentityToken';
import { findAddinFiles, taskpaneUrl, type AddinFiles } from '../http/routes/addin/manifest';
import type { UserRecord, UserRepository } from '../ports/users';
import { createAddinIdentityService, type AddinIdentityService } from '../services/addinIdentity';
import type { ExchangeFeature } from './exchange';
import type { Infrastructure } from './infrastructure';

/** The Outlook add-in: its manifest and icons, and sign-in with Exchange identity tokens. */
export interface AddinFeature {
  readonly identity: AddinIdentityService;
  /** What /manifest.xml and the icons are served from, with PUBLIC_URL swapped in. */
  readonly manifest: AddinFiles & { readonly publicUrl: string };
  /** The Exchange origins (Outlook on the web on-premise) that may frame the taskpane. */
  exchangeOrigins(): Promise<readonly string[]>;
}

export interface AddinSettings {
  readonly publicUrl: string;
  /** ADDIN_TOKEN_ALLOWED_HOSTS; undefined: the configured EWS URL's host. */
  readonly tokenAllowedHosts: readonly string[] | undefined;
  /** Default: manifest.xml and addin/assets/icons of this checkout. */
  readonly files?: AddinFiles | undefined;
}

export interface AddinFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock'>;
  readonly settings: AddinSettings;
  readonly exchange: Pick<ExchangeFeature, 'exchange' | 'identityDirectory'>;
  /** The auth feature's accounts and password check (for the one-time link). */
  readonly accounts: UserRepository;
  readonly verifyCredentials: (email: string, password: string) => Promise<UserRecord>;
}

export function composeAddin(deps: AddinFeatureDeps): AddinFeature {
  const { knex, clock } = deps.infrastructure;
  const { publicUrl, tokenAllowedHosts } = deps.settings;
  const identity = createAddinIdentityService({
    verifier: createExchangeIdentityTokenVerifier({
      audience: taskpaneUrl(publicUrl),
      allowedHosts: tokenAllowedHosts,
      exchangeSettings: () => deps.exchange.exchange.connectionSettings(),
      now: () => clock.now().getTime(),
    }),
    directory: deps.exchange.identityDirectory,
    users: deps.accounts,
    links: createIdentityLinkRepository(knex),
    verifyCredentials: deps.verifyCredentials,
    clock,
  });
  return {
    identity,
    manifest: { publicUrl, ...(deps.settings.files ?? findAddinFiles()) },
    exchangeOrigins: async () =>
      exchangeOriginsOf((await deps.exchange.exchange.connectionSettings())?.url, tokenAllowedHosts),
  };
}
