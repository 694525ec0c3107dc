import type { Claims } from './claims';

/**
 * SAML attributes under the short claim names the rest of single sign-on reads (upn, email, name,
 * group, role), so that one account match and one role mapping serve OIDC and SAML alike. The
 * attributes also stay under their own names: a mapping may name the full claim type.
 */

/** AD FS claim types (and the common OIDs, Keycloak's plain names) for each short name, in order of preference. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  upn: ['upn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'],
  email: [
    'email',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    'urn:oid:0.9.2342.19200300.100.1.3',
    'mail',
  ],
  name: [
    'name',
    'http://schemas.microsoft.com/identity/claims/displayname',
    'displayName',
    'urn:oid:2.16.840.1.113730.3.1.241',
  ],
  given_name: ['given_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'givenName'],
  family_name: ['family_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'sn'],
  group: [
    'group',
    'groups',
    'http://schemas.xmlsoap.org/claims/Group',
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  ],
  role: ['role', 'roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'],
};

const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export function claimsFromSamlAttributes(attributes: Claims): Record<string, unknown> {
  const claims: Record<string, unknown> = { ...attributes };
  for (const [short, names] of Object.entries(ALIASES)) {
    if (attributes[short] !== undefined) continue;
    const found = names.find((name) => attributes[name] !== undefined);
    if (found !== undefined) claims[short] = attributes[found];
  }
  // A NameID in email format names the person when no email attribute was released.
  if (
    claims.email === undefined &&
    attributes.nameIDFormat === EMAIL_NAME_ID &&
    typeof attributes.nameID === 'string'
  ) {
    claims.email = attributes.nameID;
  }
  return claims;
}
