import type { RoleMapping, SsoUserClaim } from '../../../shared/schemas/sso';
import type { Role } from '../../../shared/schemas/users';

/**
 * What an identity provider's claims mean for Roomserve: which account they name and which role
 * they give. Pure, so the sign-in and the admin's test sign-in read claims the same way.
 */

export type Claims = Readonly<Record<string, unknown>>;

/** The role of someone no mapping matched. */
export const DEFAULT_SSO_ROLE: Role = 'employee';

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function stringClaim(claims: Claims, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The account's email: the configured claim first (AD FS: `upn`, since `sub` is per application),
 * the other one as a fallback; a UPN is the user's email in the organisations we serve. Never `sub`.
 */
export function accountEmailOf(claims: Claims, preferred: SsoUserClaim): string | undefined {
  const order: readonly SsoUserClaim[] = preferred === 'upn' ? ['upn', 'email'] : ['email', 'upn'];
  for (const name of order) {
    const value = stringClaim(claims, name);
    if (value !== undefined && EMAIL_LIKE.test(value)) return value.toLowerCase();
  }
  return undefined;
}

export function displayNameOf(claims: Claims, email: string): string {
  const name = stringClaim(claims, 'name');
  if (name) return name.slice(0, 120);
  const parts = [stringClaim(claims, 'given_name'), stringClaim(claims, 'family_name')].filter(Boolean);
  return parts.length > 0 ? parts.join(' ').slice(0, 120) : email;
}

/** A claim as a list of values: AD FS sends one group as a string and several as an array. */
function claimValues(claims: Claims, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The role the claims give: the first mapping (in the admin's order) whose claim holds its value,
 * compared without regard to case (AD FS group names are case-insensitive); none: employee.
 */
export function roleFromClaims(claims: Claims, mappings: readonly RoleMapping[]): Role {
  for (const mapping of mappings) {
    const wanted = mapping.value.toLowerCase();
    if (claimValues(claims, mapping.claim).some((v) => v.toLowerCase() === wanted)) return mapping.role;
  }
  return DEFAULT_SSO_ROLE;
}
