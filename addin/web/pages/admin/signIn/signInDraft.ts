import type {
  RoleMapping,
  SsoProtocol,
  SsoSettings,
  SsoSettingsInput,
  SsoUserClaim,
} from '../../../../../shared/schemas/sso';

/** The form's state: text fields as typed, turned into the API body on save. */
export interface SignInDraft {
  readonly enabled: boolean;
  readonly protocol: SsoProtocol;
  readonly displayName: string;
  readonly issuerUrl: string;
  readonly clientId: string;
  /** Empty: keep the stored secret. */
  readonly clientSecret: string;
  readonly scopes: string;
  /** SAML: the IdP's metadata pasted, or the URL Roomserve fetches it from. */
  readonly metadataSource: 'xml' | 'url';
  readonly metadataXml: string;
  readonly metadataUrl: string;
  readonly clockSkewSeconds: string;
  readonly userClaim: SsoUserClaim;
  readonly roleMappings: readonly RoleMapping[];
  readonly passwordSignIn: boolean;
  readonly breakGlassEmail: string;
}

export function draftOf(settings: SsoSettings): SignInDraft {
  return {
    enabled: settings.enabled,
    protocol: settings.protocol,
    displayName: settings.displayName,
    issuerUrl: settings.issuerUrl ?? '',
    clientId: settings.clientId ?? '',
    clientSecret: '',
    scopes: settings.scopes.join(' '),
    metadataSource: settings.saml.idpMetadataUrl !== null ? 'url' : 'xml',
    metadataXml: settings.saml.idpMetadataXml ?? '',
    metadataUrl: settings.saml.idpMetadataUrl ?? '',
    clockSkewSeconds: String(settings.saml.clockSkewSeconds),
    userClaim: settings.userClaim,
    roleMappings: settings.roleMappings,
    passwordSignIn: settings.passwordSignIn,
    breakGlassEmail: settings.breakGlassEmail ?? '',
  };
}

/** A number as typed; anything else is sent as is, for the server to refuse with its message. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function bodyOf(draft: SignInDraft): SsoSettingsInput {
  const issuerUrl = draft.issuerUrl.trim();
  const clientId = draft.clientId.trim();
  return {
    enabled: draft.enabled,
    protocol: draft.protocol,
    displayName: draft.displayName.trim(),
    // The other protocol's fields are sent when filled in, so that they are kept for a switch back.
    ...(issuerUrl === '' ? {} : { issuerUrl }),
    ...(clientId === '' ? {} : { clientId }),
    ...(draft.clientSecret === '' ? {} : { clientSecret: draft.clientSecret }),
    scopes: draft.scopes.split(/\s+/).filter((s) => s !== ''),
    ...(draft.protocol === 'saml'
      ? {
          saml: {
            ...(draft.metadataSource === 'xml'
              ? { idpMetadataXml: draft.metadataXml }
              : { idpMetadataUrl: draft.metadataUrl.trim() }),
            clockSkewSeconds: numberOf(draft.clockSkewSeconds),
          },
        }
      : {}),
    userClaim: draft.userClaim,
    roleMappings: [...draft.roleMappings],
    passwordSignIn: draft.passwordSignIn,
    breakGlassEmail: draft.breakGlassEmail.trim() === '' ? null : draft.breakGlassEmail.trim(),
  };
}
