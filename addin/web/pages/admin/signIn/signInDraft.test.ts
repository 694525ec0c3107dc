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
});
