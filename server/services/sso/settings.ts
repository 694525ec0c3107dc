import type { z } from 'zod';
import type { SsoSettings, SsoSignInOptions, ssoSettingsInputSchema } from '../../../shared/schemas/sso';
import { AppError } from '../../domain/errors';
import { passwordSignInAllowed } from '../../domain/sso/passwordPolicy';
import type { Clock } from '../../ports/clock';
import type { SecretSealer } from '../../ports/exchangeSettings';
import {
  OidcUnreachable,
  SamlMetadataInvalid,
  SamlMetadataUnreachable,
  type OidcDiscovery,
  type OidcProvider,
  type SamlGateway,
  type SamlMetadataFetcher,
  type SamlServiceProvider,
  type SsoPurpose,
  type SsoSettingsRepository,
  type StoredSamlSettings,
  type StoredSsoSettings,
} from '../../ports/sso';
import type { UserRepository } from '../../ports/users';

export type SsoSettingsInput = z.output<typeof ssoSettingsInputSchema>;

export interface SsoSettingsDeps {
  readonly settings: SsoSettingsRepository;
  readonly users: Pick<UserRepository, 'findByEmail'>;
  readonly discovery: OidcDiscovery;
  readonly saml: SamlGateway;
  readonly metadataFetcher: SamlMetadataFetcher;
  readonly secrets: SecretSealer;
  readonly clock: Clock;
  /** The installation's public base URL; the redirect URI hangs below it. */
  readonly publicUrl: string;
}

export const LOGIN_PATH = '/api/auth/sso/login';
export const CALLBACK_PATH = '/api/auth/sso/callback';
/** Roomserve's SAML metadata; its URL is also the SP's entity ID. */
export const SAML_METADATA_PATH = '/api/auth/saml/metadata';

const DEFAULT_SAML: StoredSamlSettings = { idpMetadataXml: null, idpMetadataUrl: null, clockSkewSeconds: 60 };

export interface SsoSettingsService {
  get(): Promise<SsoSettings>;
  /** Validates against the users and the issuer's discovery first: on any problem the earlier settings stay. */
  save(input: SsoSettingsInput): Promise<SsoSettings>;
  signInOptions(): Promise<SsoSignInOptions>;
  /** The saved settings and their provider (discovered once per saved version); undefined while SSO is off. */
  activeProvider(): Promise<{ settings: StoredSsoSettings; provider: OidcProvider } | undefined>;
  /** The same for the admin's test sign-in, which also works while SSO is still off. */
  configuredProvider(): Promise<{ settings: StoredSsoSettings; provider: OidcProvider } | undefined>;
  /** The saved settings a sign-in (SSO on) or a test (SSO configured) goes by. */
  current(purpose: SsoPurpose): Promise<StoredSsoSettings | undefined>;
  /** Roomserve as a SAML service provider of the saved IdP; throws SamlMetadataInvalid. */
  samlServiceProvider(stored: StoredSsoSettings): SamlServiceProvider;
  /** Roomserve's SP metadata XML, for the IdP to import. */
  samlMetadata(): Promise<string>;
  redirectUri(): string;
  passwordSignInAllowed(email: string): Promise<boolean>;
}

export function createSsoSettingsService(deps: SsoSettingsDeps): SsoSettingsService {
  const base = deps.publicUrl.replace(/\/+$/, '');
  const redirectUri = `${base}${CALLBACK_PATH}`;
  const sp = { entityId: `${base}${SAML_METADATA_PATH}`, acsUrl: redirectUri };
  let discovered: { key: string; provider: Promise<OidcProvider> } | undefined;

  const secretOf = (stored: StoredSsoSettings): string | null =>
    stored.clientSecretSealed === null ? null : deps.secrets.open(stored.clientSecretSealed);

  function idpEntityIdOf(xml: string | null): string | null {
    if (xml === null) return null;
    try {
      return deps.saml.readIdpMetadata(xml).entityId;
    } catch {
      return null;
    }
  }

  function present(stored: StoredSsoSettings | undefined): SsoSettings {
    const saml = stored?.saml ?? DEFAULT_SAML;
    return {
      configured: stored !== undefined,
      enabled: stored?.enabled ?? false,
      protocol: stored?.protocol ?? 'oidc',
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
      saml: {
        idpMetadataXml: saml.idpMetadataXml,
        idpMetadataUrl: saml.idpMetadataUrl,
        idpEntityId: idpEntityIdOf(saml.idpMetadataXml),
        clockSkewSeconds: saml.clockSkewSeconds,
        spEntityId: sp.entityId,
        acsUrl: sp.acsUrl,
        spMetadataUrl: sp.entityId,
      },
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

  function providerFor(stored: StoredSsoSettings & { issuerUrl: string; clientId: string }): Promise<OidcProvider> {
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
    if (!stored || stored.protocol !== 'oidc' || stored.issuerUrl === null || stored.clientId === null)
      return undefined;
    return {
      settings: stored,
      provider: await providerFor({ ...stored, issuerUrl: stored.issuerUrl, clientId: stored.clientId }),
    };
  }

  async function checkDiscovery(issuerUrl: string, clientId: string, clientSecret: string | null): Promise<void> {
    try {
      await deps.discovery.discover({ issuerUrl, clientId, clientSecret });
    } catch (err) {
      if (err instanceof OidcUnreachable) throw new AppError('unprocessable', err.message, { field: 'issuerUrl' });
      throw err;
    }
  }

  /** The IdP's metadata, fetched when given by URL; it must read as an IdP's metadata before anything is saved. */
  async function samlSettingsOf(input: NonNullable<SsoSettingsInput['saml']>): Promise<StoredSamlSettings> {
    let xml = input.idpMetadataXml;
    if (xml === undefined) {
      try {
        xml = await deps.metadataFetcher.fetch(input.idpMetadataUrl ?? '');
      } catch (err) {
        if (err instanceof SamlMetadataUnreachable)
          throw new AppError('unprocessable', err.message, { field: 'saml.idpMetadataUrl' });
        throw err;
      }
    }
    try {
      deps.saml.readIdpMetadata(xml);
    } catch (err) {
      if (err instanceof SamlMetadataInvalid) {
        const field = input.idpMetadataXml === undefined ? 'saml.idpMetadataUrl' : 'saml.idpMetadataXml';
        throw new AppError('unprocessable', err.message, { field });
      }
      throw err;
    }
    return {
      idpMetadataXml: xml,
      idpMetadataUrl: input.idpMetadataUrl ?? null,
      clockSkewSeconds: input.clockSkewSeconds,
    };
  }

  return {
    async get() {
      return present(await deps.settings.get());
    },

    async save(input) {
      const current = await deps.settings.get();
      const clientSecret = input.clientSecret === undefined ? (current ? secretOf(current) : null) : input.clientSecret;
      await checkBreakGlass(input.breakGlassEmail);
      // The other protocol's settings stay as they were, so switching back needs no retyping.
      const issuerUrl = input.issuerUrl ?? current?.issuerUrl ?? null;
      const clientId = input.clientId ?? current?.clientId ?? null;
      let saml = current?.saml ?? DEFAULT_SAML;
      if (input.protocol === 'oidc') {
        if (issuerUrl === null || clientId === null) {
          throw new AppError('validation_failed', 'OpenID Connect needs the issuer URL and the client ID', {
            field: issuerUrl === null ? 'issuerUrl' : 'clientId',
          });
        }
        await checkDiscovery(issuerUrl, clientId, clientSecret);
      } else {
        if (!input.saml)
          throw new AppError('validation_failed', 'SAML needs the identity provider’s metadata', { field: 'saml' });
        saml = await samlSettingsOf(input.saml);
      }
      const saved = await deps.settings.save({
        enabled: input.enabled,
        protocol: input.protocol,
        displayName: input.displayName,
        issuerUrl,
        clientId,
        clientSecretSealed: clientSecret === null ? null : deps.secrets.seal(clientSecret),
        scopes: input.scopes,
        userClaim: input.userClaim,
        roleMappings: input.roleMappings,
        passwordSignIn: input.passwordSignIn,
        breakGlassEmail: input.breakGlassEmail?.toLowerCase() ?? null,
        saml,
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

    async current(purpose) {
      const stored = await deps.settings.get();
      return purpose === 'test' || stored?.enabled ? stored : undefined;
    },

    samlServiceProvider(stored) {
      if (stored.saml.idpMetadataXml === null) throw new SamlMetadataInvalid('No SAML identity provider is configured');
      return {
        ...sp,
        idp: deps.saml.readIdpMetadata(stored.saml.idpMetadataXml),
        clockSkewSeconds: stored.saml.clockSkewSeconds,
      };
    },

    samlMetadata: () => deps.saml.spMetadata(sp),

    redirectUri: () => redirectUri,

    async passwordSignInAllowed(email) {
      return passwordSignInAllowed(await deps.settings.get(), email);
    },
  };
}
