import { describe, expect, it } from '@jest/globals';
import { accountEmailOf, roleFromClaims } from './claims';
import { claimsFromSamlAttributes } from './samlClaims';

describe('SAML attributes as claims', () => {
  it('reads AD FS claim types as upn, email, name and group, keeping the full names too', () => {
    const claims = claimsFromSamlAttributes({
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': 'ann.lee@northwind.test',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'Ann.Lee@northwind.test',
      'http://schemas.microsoft.com/identity/claims/displayname': 'Ann Lee',
      'http://schemas.xmlsoap.org/claims/Group': ['Staff', 'Roomserve-Admins'],
    });
    expect(claims).toMatchObject({
      upn: 'ann.lee@northwind.test',
      email: 'Ann.Lee@northwind.test',
      name: 'Ann Lee',
      group: ['Staff', 'Roomserve-Admins'],
      'http://schemas.xmlsoap.org/claims/Group': ['Staff', 'Roomserve-Admins'],
    });
    expect(accountEmailOf(claims, 'upn')).toBe('ann.lee@northwind.test');
    expect(roleFromClaims(claims, [{ claim: 'group', value: 'roomserve-admins', role: 'admin' }])).toBe('admin');
  });

  it('takes an emailAddress NameID when no email attribute came, and never overrides one that did', () => {
    const format = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
    expect(claimsFromSamlAttributes({ nameID: 'bo@northwind.test', nameIDFormat: format }).email).toBe(
      'bo@northwind.test',
    );
    expect(
      claimsFromSamlAttributes({ nameID: 'bo@northwind.test', nameIDFormat: format, email: 'b@x.test' }).email,
    ).toBe('b@x.test');
    expect(
      claimsFromSamlAttributes({
        nameID: 'opaque-id',
        nameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      }).email,
    ).toBeUndefined();
  });
});
