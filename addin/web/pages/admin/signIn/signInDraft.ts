import type { RoleMapping, SsoSettings, SsoSettingsInput, SsoUserClaim } from '../../../../../shared/schemas/sso';

/** The form's state: text fields as typed, turned into the API body on save. */
export interface SignInDraft {
  readonly enabled: boolean;
  readonly displayName: string;
  readonly issuerUrl: string;
  readonly clientId: string;
  /** Empty: keep the stored secret. */
  readonly clientSecret: string;
  readonly scopes: string;
  readonly userClaim: SsoUserClaim;
  readonly roleMappings: readonly RoleMapping[];
  readonly passwordSignIn: boolean;
  readonly breakGlassEmail: string;
}

export function draftOf(settings: SsoSettings): SignInDraft {
  return {
    enabled: settings.enabled,
    displayName: settings.displayName,
    issuerUrl: settings.issuerUrl ?? '',
    clientId: settings.clientId ?? '',
    clientSecret: '',
    scopes: settings.scopes.join(' '),
    userClaim: settings.userClaim,
    roleMappings: settings.roleMappings,
    passwordSignIn: settings.passwordSignIn,
    breakGlassEmail: settings.breakGlassEmail ?? '',
  };
}

export function bodyOf(draft: SignInDraft): SsoSettingsInput {
  return {
    enabled: draft.enabled,
    displayName: draft.displayName.trim(),
    issuerUrl: draft.issuerUrl.trim(),
    clientId: draft.clientId.trim(),
    ...(draft.clientSecret === '' ? {} : { clientSecret: draft.clientSecret }),
    scopes: draft.scopes.split(/\s+/).filter((s) => s !== ''),
    userClaim: draft.userClaim,
    roleMappings: [...draft.roleMappings],
    passwordSignIn: draft.passwordSignIn,
    breakGlassEmail: draft.breakGlassEmail.trim() === '' ? null : draft.breakGlassEmail.trim(),
  };
}
