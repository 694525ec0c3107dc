import type { z } from 'zod';
import type { SsoSettings, SsoSignInOptions, ssoSettingsInputSchema } from '../../../shared/schemas/sso';
import { AppError } from '../../domain/errors';
import { passwordSignInAllowed } from '../../domain/sso/passwordPolicy';
import type { Clock } from '../../ports/clock';
import type { SecretSealer } from '../../ports/exchangeSettings';
import {
  OidcUnreachable,
  type OidcDiscovery,
  type OidcProvider,
  type SsoSettingsRepository,
  type StoredSsoSettings,
} from '../../ports/sso';
import type { UserRepository } from '../../ports/users';

export type SsoSettingsInput = z.output<typeof ssoSettingsInputSchema>;

export interface SsoSettingsDeps {
  readonly settings: SsoSettingsRepository;
  readonly users: Pick<UserRepository, 'findByEmail'>;
  readonly discovery: OidcDiscovery;
  readonly secrets: SecretSealer;
  readonly clock: Clock;
  /** The installation's public base URL; the redirect URI hangs below it. */
  readonly publicUrl: string;
}

export const LOGIN_PATH = '/api/auth/sso/login';
export const CALLBACK_PATH = '/api/auth/sso/callback';

export interface SsoSettingsService {
  get(): Promise<SsoSettings>;
  /** Validates against the users and the issuer's discovery first: on any problem the earlier settings stay. */
  save(input: SsoSettingsInput): Promise<SsoSettings>;
  signInOptions(): Promise<SsoSignInOptions>;
  /** The saved settings and their provider (discovered once per saved version); undefined while SSO is off. */
  activeProvider(): Promise<{ settings: StoredSsoSettings; provider: OidcProvider } | undefined>;
  /** The same for the admin's test sign-in, which also works while SSO is still off. */
  configuredProvider(): Promise<{ settings: StoredSsoSettings; provider: OidcProvider } | undefined>;
  redirectUri(): string;
  passwordSignInAllowed(email: string): Promise<boolean>;
}

export function createSsoSettingsService(deps: SsoSettingsDeps): SsoSettingsService {
  const redirectUri = `${deps.publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}`;
  let discovered: { key: string; provider: Promise<OidcProvider> } | undefined;

  const secretOf = (stored: StoredSsoSettings): string | null =>
    stored.clientSecretSealed === null ? null : deps.secrets.open(stored.clientSecretSealed);

  function present(stored: StoredSsoSettings | undefined): SsoSettings {
    return {
      configured: stored !== undefined,
      enabled: stored?.enabled ?? false,
      displayName: stored?.displayName ?? '',
      issuerUrl: stored?.issuerUrl ?? null,
      clientId: stored?.clientId ?? null,
      clientSecretSet: (stored?.clientSecretSealed ?? null) !== null,
      scopes: [...(stored?.scopes ?? ['openid', 'profile', 'email'])],
      userClaim: stored?.userClaim ?? 'upn',
      roleMappings: [...(stored?.roleMappings ?? [])],
      passwordSignIn: stored?.passwordSignIn ?? true,
      breakGlassEmail: stored?.breakGlassEmail ?? null,
      redirectUri,
      updatedAt: stored ? stored.updatedAt.toISOString() : null,
    };
  }

  async function checkBreakGlass(email: string | null): Promise<void> {
    if (email === null) return;
    const user = await deps.users.findByEmail(email);
    if (!user || !user.active || user.role !== 'admin' || !user.passwordHash) {
      throw new AppError('unprocessable', `The break-glass account ${email} must be an active admin with a password`, {
        field: 'breakGlassEmail',
      });
    }
  }

  function providerFor(stored: StoredSsoSettings): Promise<OidcProvider> {
    const key = `${stored.updatedAt.getTime()} ${stored.issuerUrl}`;
    if (discovered?.key !== key) {
      const provider = deps.discovery.discover({
        issuerUrl: stored.issuerUrl,
        clientId: stored.clientId,
        clientSecret: secretOf(stored),
      });
      // A failed discovery (the provider down for a moment) is tried again on the next sign-in.
      provider.catch(() => {
        if (discovered?.provider === provider) discovered = undefined;
      });
      discovered = { key, provider };
    }
    return discovered.provider;
  }

  async function withProvider(stored: StoredSsoSettings | undefined) {
    if (!stored) return undefined;
    return { settings: stored, provider: await providerFor(stored) };
  }

  return {
    async get() {
      return present(await deps.settings.get());
    },

    async save(input) {
      const current = await deps.settings.get();
      const clientSecret = input.clientSecret === undefined ? (current ? secretOf(current) : null) : input.clientSecret;
      await checkBreakGlass(input.breakGlassEmail);
      try {
        await deps.discovery.discover({ issuerUrl: input.issuerUrl, clientId: input.clientId, clientSecret });
      } catch (err) {
        if (err instanceof OidcUnreachable) {
          throw new AppError('unprocessable', err.message, { field: 'issuerUrl' });
        }
        throw err;
      }
      const saved = await deps.settings.save({
        enabled: input.enabled,
        displayName: input.displayName,
        issuerUrl: input.issuerUrl,
        clientId: input.clientId,
        clientSecretSealed: clientSecret === null ? null : deps.secrets.seal(clientSecret),
        scopes: input.scopes,
        userClaim: input.userClaim,
        roleMappings: input.roleMappings,
        passwordSignIn: input.passwordSignIn,
        breakGlassEmail: input.breakGlassEmail?.toLowerCase() ?? null,
        updatedAt: deps.clock.now(),
      });
      return present(saved);
    },

    async signInOptions() {
      const stored = await deps.settings.get();
      if (!stored?.enabled) return { sso: null, passwordSignIn: true };
      return {
        sso: { displayName: stored.displayName, loginUrl: LOGIN_PATH },
        passwordSignIn: stored.passwordSignIn,
      };
    },

    async activeProvider() {
      const stored = await deps.settings.get();
      return withProvider(stored?.enabled ? stored : undefined);
    },

    async configuredProvider() {
      return withProvider(await deps.settings.get());
    },

    redirectUri: () => redirectUri,

    async passwordSignInAllowed(email) {
      return passwordSignInAllowed(await deps.settings.get(), email);
    },
  };
}
