import { createSsoLoginRequestRepository } from '../adapters/db/repositories/ssoLoginRequests';
import { createSamlAssertionIdRepository } from '../adapters/db/repositories/samlAssertionIds';
import { createSsoLogoutHintRepository } from '../adapters/db/repositories/ssoLogoutHints';
import { createSsoSettingsRepository } from '../adapters/db/repositories/ssoSettings';
import { createWebhookAllowListRepository } from '../adapters/db/repositories/webhookAllowList';
import { createNodeSaml } from '../adapters/sso/nodeSaml';
import { createOpenIdConnect } from '../adapters/sso/openIdConnect';
import { createSamlMetadataFetcher } from '../adapters/sso/samlMetadataFetcher';
import type { OidcDiscovery } from '../ports/sso';
import type { UserRepository } from '../ports/users';
import type { AuthService } from '../services/auth/authService';
import { createSsoSettingsService, type SsoSettingsService } from '../services/sso/settings';
import { createSsoSignInService, type SsoSignInService } from '../services/sso/signIn';
import type { Infrastructure } from './infrastructure';

export interface SsoSettings {
  /** The installation's public base URL: the redirect URI registered at the identity provider hangs below it. */
  readonly publicUrl?: string | undefined;
  /** Default: openid-client's discovery. */
  readonly discovery?: OidcDiscovery | undefined;
}

export interface SsoFeature {
  readonly settings: SsoSettingsService;
  readonly signIn: SsoSignInService;
  readonly publicUrl: string;
}

export interface SsoFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'secrets'>;
  readonly accounts: UserRepository;
  readonly auth: Pick<AuthService, 'startSession'>;
  readonly settings?: SsoSettings | undefined;
}

/** Single sign-on with an OpenID Connect or SAML 2.0 provider (AD FS, Keycloak): settings, sign-in, test sign-in. */
export function composeSso(deps: SsoFeatureDeps): SsoFeature {
  const { knex, clock, secrets } = deps.infrastructure;
  const publicUrl = deps.settings?.publicUrl ?? 'http://localhost:3000';
  const settings = createSsoSettingsService({
    settings: createSsoSettingsRepository(knex),
    users: deps.accounts,
    discovery: deps.settings?.discovery ?? createOpenIdConnect(),
    saml: createNodeSaml(),
    // The same guard as webhooks: internal addresses only when on the admin's allow-list.
    metadataFetcher: createSamlMetadataFetcher({
      timeoutMs: 10_000,
      internalAllowList: () => createWebhookAllowListRepository(knex).list(),
    }),
    secrets,
    clock,
    publicUrl,
  });
  const signIn = createSsoSignInService({
    settings,
    requests: createSsoLoginRequestRepository(knex),
    saml: createNodeSaml(),
    assertionIds: createSamlAssertionIdRepository(knex),
    logoutHints: createSsoLogoutHintRepository(knex),
    users: deps.accounts,
    startSession: (user) => deps.auth.startSession(user),
    secrets,
    clock,
  });
  return { settings, signIn, publicUrl };
}
