import type { z } from 'zod';
import type { ExchangeSettings, exchangeSettingsInputSchema } from '../../../../../shared/schemas/exchange';

export type SettingsBody = z.input<typeof exchangeSettingsInputSchema>;

/** What the form edits. The password field starts empty: the stored one is never sent to the browser. */
export interface SettingsDraft {
  readonly ewsUrl: string;
  readonly username: string;
  readonly password: string;
  readonly authMethod: ExchangeSettings['authMethod'];
  readonly caBundlePem: string;
  readonly skipTlsVerification: boolean;
  /** Basic over plain http: the admin's explicit consent, asked again with every such save. */
  readonly sendPasswordUnencrypted: boolean;
}

export function draftOf(settings: ExchangeSettings): SettingsDraft {
  return {
    ewsUrl: settings.ewsUrl ?? '',
    username: settings.username ?? '',
    password: '',
    authMethod: settings.authMethod,
    caBundlePem: settings.caBundlePem ?? '',
    skipTlsVerification: settings.skipTlsVerification,
    sendPasswordUnencrypted: false,
  };
}

/** Basic authentication to a plain http URL: the password would cross the network readable. */
export function sendsPasswordInClear(draft: SettingsDraft): boolean {
  return draft.authMethod === 'basic' && draft.ewsUrl.trim().toLowerCase().startsWith('http:');
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${parsed.port}`;
  } catch {
    return null;
  }
}

/**
 * Why the password must be typed (again), mirroring the server's rule: none is stored yet, the
 * EWS URL now names another server (scheme, host or port), or the authentication method changed.
 * Undefined when the stored one may be kept.
 */
export function passwordNeededBecause(
  draft: SettingsDraft,
  saved: ExchangeSettings,
): 'first_time' | 'server_changed' | 'auth_method_changed' | undefined {
  if (!saved.passwordSet) return 'first_time';
  // An address that is not a URL yet is the server's to refuse; it names no other server.
  const after = originOf(draft.ewsUrl);
  if (after !== null && after !== originOf(saved.ewsUrl ?? '')) return 'server_changed';
  if (draft.authMethod !== saved.authMethod) return 'auth_method_changed';
  return undefined;
}

/** The PUT body: an empty password field is left out, which keeps the stored password. */
export function bodyOf(draft: SettingsDraft): SettingsBody {
  const caBundle = draft.caBundlePem.trim();
  return {
    ewsUrl: draft.ewsUrl.trim(),
    username: draft.username.trim(),
    ...(draft.password === '' ? {} : { password: draft.password }),
    authMethod: draft.authMethod,
    caBundlePem: caBundle === '' ? null : caBundle,
    skipTlsVerification: draft.skipTlsVerification,
    ...(draft.sendPasswordUnencrypted && sendsPasswordInClear(draft) ? { sendPasswordUnencrypted: true } : {}),
  };
}

export function isDirty(draft: SettingsDraft, saved: ExchangeSettings): boolean {
  return JSON.stringify(bodyOf(draft)) !== JSON.stringify(bodyOf(draftOf(saved)));
}
