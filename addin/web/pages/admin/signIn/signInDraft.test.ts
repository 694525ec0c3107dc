import { describe, expect, it } from '@jest/globals';
import { bodyOf, draftOf } from './signInDraft';

const saved = {
  configured: true,
  enabled: true,
  displayName: 'Northwind',
  issuerUrl: 'https://adfs.northwind.test/adfs',
  clientId: 'roomserve',
  clientSecretSet: true,
  scopes: ['openid', 'allatclaims'],
  userClaim: 'upn' as const,
  roleMappings: [{ claim: 'group', value: 'Admins', role: 'admin' as const }],
  passwordSignIn: true,
  breakGlassEmail: null,
  redirectUri: 'https://rooms.northwind.test/api/auth/sso/callback',
  protocol: 'oidc' as const,
  saml: {
    idpMetadataXml: null,
    idpMetadataUrl: null,
    idpEntityId: null,
    clockSkewSeconds: 60,
    spEntityId: 'https://rooms.northwind.test/api/auth/saml/metadata',
    acsUrl: 'https://rooms.northwind.test/api/auth/sso/callback',
    spMetadataUrl: 'https://rooms.northwind.test/api/auth/saml/metadata',
  },
  updatedAt: '2026-12-07T10:00:00.000Z',
};

describe('the sign-in settings form', () => {
  it('keeps the stored secret when the field stays empty and sends a typed one', () => {
    expect(bodyOf(draftOf(saved))).not.toHaveProperty('clientSecret');
    expect(bodyOf({ ...draftOf(saved), clientSecret: 's3cret' }).clientSecret).toBe('s3cret');
  });

  it('splits the scopes at spaces and sends an empty break-glass email as none', () => {
    const body = bodyOf({ ...draftOf(saved), scopes: ' openid  profile allatclaims ', breakGlassEmail: ' ' });
    expect(body.scopes).toEqual(['openid', 'profile', 'allatclaims']);
    expect(body.breakGlassEmail).toBeNull();
  });

  it('sends SAML metadata by URL or as XML, with the clock skew, and keeps the OIDC fields for a switch back', () => {
    const saml = {
      ...draftOf(saved),
      protocol: 'saml' as const,
      metadataXml: '<EntityDescriptor/>',
      clockSkewSeconds: '90',
    };
    expect(bodyOf(saml)).toMatchObject({
      protocol: 'saml',
      issuerUrl: saved.issuerUrl,
      saml: { idpMetadataXml: '<EntityDescriptor/>', clockSkewSeconds: 90 },
    });
    const byUrl = bodyOf({ ...saml, metadataSource: 'url', metadataUrl: ' https://adfs.northwind.test/m.xml ' });
    expect(byUrl.saml).toEqual({ idpMetadataUrl: 'https://adfs.northwind.test/m.xml', clockSkewSeconds: 90 });
    expect(bodyOf(draftOf(saved))).not.toHaveProperty('saml');
  });
});
