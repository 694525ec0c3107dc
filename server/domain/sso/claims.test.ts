import { describe, expect, it } from '@jest/globals';
import { accountEmailOf, displayNameOf, roleFromClaims } from './claims';

const mappings = [
  { claim: 'group', value: 'Roomserve Admins', role: 'admin' as const },
  { claim: 'group', value: 'Facility', role: 'facility' as const },
];

describe('SSO claims', () => {
  it('names the account by upn (AD FS), falling back to email, never by sub', () => {
    expect(accountEmailOf({ sub: 'x@per-app', upn: 'Ann@Example.com', email: 'a@other.com' }, 'upn')).toBe(
      'ann@example.com',
    );
    expect(accountEmailOf({ sub: 'pairwise', email: 'bo@example.com' }, 'upn')).toBe('bo@example.com');
    expect(accountEmailOf({ upn: 'ann@example.com', email: 'a@other.com' }, 'email')).toBe('a@other.com');
    expect(accountEmailOf({ sub: 'someone@example.com' }, 'upn')).toBeUndefined();
    expect(accountEmailOf({ upn: 'DOMAIN\\ann' }, 'upn')).toBeUndefined();
  });

  it('gives the role of the first matching mapping, groups as string or list, case-insensitively', () => {
    expect(roleFromClaims({ group: ['Staff', 'roomserve admins'] }, mappings)).toBe('admin');
    expect(roleFromClaims({ group: 'Facility' }, mappings)).toBe('facility');
    expect(roleFromClaims({ group: ['Facility', 'Roomserve Admins'] }, mappings)).toBe('admin');
  });

  it('gives employee when no mapping matches, so leaving a group takes the role away', () => {
    expect(roleFromClaims({ group: ['Staff'] }, mappings)).toBe('employee');
    expect(roleFromClaims({}, mappings)).toBe('employee');
  });

  it('builds a display name from name or given and family name', () => {
    expect(displayNameOf({ name: 'Ann Lee' }, 'ann@example.com')).toBe('Ann Lee');
    expect(displayNameOf({ given_name: 'Ann', family_name: 'Lee' }, 'ann@example.com')).toBe('Ann Lee');
    expect(displayNameOf({}, 'ann@example.com')).toBe('ann@example.com');
  });
});
