import type { z } from 'zod';
import type { ExchangeSettings, exchangeSettingsInputSchema } from '../../../shared/schemas/exchange';
import { invalid } from '../../domain/errors';
import type { ExchangeConnectionSettings, ExchangeGateway, StoredExchangeSettings } from '../../ports/exchangeSettings';
import type { ExchangeServiceDeps } from './types';

export type ExchangeSettingsInput = z.output<typeof exchangeSettingsInputSchema>;

export const SKIP_TLS_WARNING =
  'Exchange TLS certificate verification is switched OFF (skip TLS verification): anyone on the network path can read the service password. Add the CA bundle instead.';

function view(stored: StoredExchangeSettings | undefined): ExchangeSettings {
  if (!stored)
    return {
      configured: false,
      ewsUrl: null,
      username: null,
      authMethod: 'ntlm',
      caBundlePem: null,
      skipTlsVerification: false,
      passwordSet: false,
      updatedAt: null,
    };
  return {
    configured: true,
    ewsUrl: stored.url,
    username: stored.username,
    authMethod: stored.authMethod,
    caBundlePem: stored.caBundlePem,
    skipTlsVerification: stored.skipTlsVerification,
    passwordSet: stored.passwordSealed !== '',
    updatedAt: stored.updatedAt.toISOString(),
  };
}

/**
 * The connection settings and the gateway built from them. The gateway is rebuilt after every
 * save; listeners (the sync engine) hear about it and restart their streams.
 */
export function settingsUseCases(deps: ExchangeServiceDeps) {
  let current: { gateway: ExchangeGateway; updatedAt: number } | undefined;
  const listeners = new Set<() => void>();

  async function connectionSettings(): Promise<ExchangeConnectionSettings | null> {
    const stored = await deps.settings.get();
    if (!stored) return null;
    const { passwordSealed, updatedAt: _updatedAt, ...rest } = stored;
    return { ...rest, password: deps.secrets.open(passwordSealed) };
  }

  async function gateway(): Promise<ExchangeGateway | null> {
    const stored = await deps.settings.get();
    if (!stored) return null;
    if (current && current.updatedAt === stored.updatedAt.getTime()) return current.gateway;
    const settings = await connectionSettings();
    if (!settings) return null;
    current?.gateway.close();
    current = { gateway: deps.createGateway(settings), updatedAt: stored.updatedAt.getTime() };
    return current.gateway;
  }

  async function store(settings: ExchangeConnectionSettings): Promise<ExchangeSettings> {
    const { password, ...rest } = settings;
    const saved = await deps.settings.save({ ...rest, passwordSealed: deps.secrets.seal(password) }, deps.clock.now());
    if (saved.skipTlsVerification) deps.warn(SKIP_TLS_WARNING);
    for (const listener of listeners) listener();
    return view(saved);
  }

  return {
    connectionSettings,
    gateway,
    async getSettings(): Promise<ExchangeSettings> {
      return view(await deps.settings.get());
    },
    async isConfigured(): Promise<boolean> {
      return (await deps.settings.get()) !== undefined;
    },
    async saveSettings(input: ExchangeSettingsInput): Promise<ExchangeSettings> {
      const { password: newPassword, ewsUrl, ...rest } = input;
      let password = newPassword;
      if (password === undefined) {
        const existing = await connectionSettings();
        if (!existing) throw invalid('The password is required the first time', { field: 'password' });
        password = existing.password;
      }
      return store({ ...rest, url: ewsUrl, password });
    },
    /** Points the integration at an Exchange (e.g. the demo simulator) in one call. */
    configure: store,
    /** Told after every save. Returns the unsubscribe function. */
    onSettingsChanged(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Called once at start: repeats the skip-TLS warning while the switch is on. */
    async startupCheck(): Promise<void> {
      const stored = await deps.settings.get();
      if (stored?.skipTlsVerification) deps.warn(SKIP_TLS_WARNING);
    },
    close(): void {
      current?.gateway.close();
      current = undefined;
    },
  };
}
