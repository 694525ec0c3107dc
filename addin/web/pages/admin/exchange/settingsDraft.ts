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
