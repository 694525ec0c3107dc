import { z } from 'zod';
import { instantSchema } from './common';
import { roleSchema } from './users';

/** Single sign-on (OpenID Connect or SAML 2.0) of the web pages, as the admin configures it on Admin → Sign-in. */

export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];

/** The identity provider's SAML metadata: pasted, or fetched by Roomserve from its URL on every save. */
export const samlSettingsInputSchema = z
  .object({
    /** The IdP's metadata XML (AD FS: /FederationMetadata/2007-06/FederationMetadata.xml). */
    idpMetadataXml: z.string().trim().min(1).max(500_000).optional(),
    /** Where Roomserve fetches the metadata instead; public, or on the allow-list of internal networks. */
    idpMetadataUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    /** How far the IdP's clock may be off: assertion times are accepted this many seconds early or late. */
    clockSkewSeconds: z.number().int().min(0).max(600).default(60),
  })
  .strict()
  .refine((saml) => (saml.idpMetadataXml === undefined) !== (saml.idpMetadataUrl === undefined), {
    message: 'give the identity provider’s metadata XML or its URL (one of them)',
    path: ['idpMetadataXml'],
  })
  .meta({ id: 'SamlSettingsInput' });

/** Which claim names the Roomserve account: AD FS's `sub` differs per application, so never `sub`. */
export const SSO_USER_CLAIMS = ['upn', 'email'] as const;
export type SsoUserClaim = (typeof SSO_USER_CLAIMS)[number];

/** A scope token as RFC 6749 allows it (no spaces, quotes or backslashes). */
const scopeSchema = z
  .string()
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/, 'must be one scope without spaces (for example allatclaims)');

export const roleMappingSchema = z
  .object({
    /** The claim to read, e.g. `group` (AD FS), `groups` (Keycloak) or `role`. */
    claim: z.string().trim().min(1).max(200),
    /** The group or role name that grants the role. */
    value: z.string().trim().min(1).max(500),
    role: roleSchema,
  })
  .strict()
  .meta({ id: 'SsoRoleMapping' });
export type RoleMapping = z.infer<typeof roleMappingSchema>;

export const ssoSettingsInputSchema = z
  .object({
    enabled: z.boolean(),
    /** Which protocol signs people in; the other one's settings are not needed. */
    protocol: z.enum(SSO_PROTOCOLS).default('oidc'),
    /** Shown on the sign-in page: "Sign in with <displayName>". */
    displayName: z.string().trim().min(1).max(80),
    /** OIDC: required. */
    issuerUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .meta({ example: 'https://adfs.example.com/adfs' }),
    /** OIDC: required. */
    clientId: z.string().trim().min(1).max(500).optional(),
    /** SAML: required. */
    saml: samlSettingsInputSchema.optional(),
    /** Write-only. Omit it to keep the stored one; null removes it (a public client). */
    clientSecret: z.string().min(1).max(4000).nullable().optional(),
    scopes: z
      .array(scopeSchema)
      .max(20)
      .default(['openid', 'profile', 'email'])
      .refine((scopes) => scopes.includes('openid'), 'must include openid'),
    userClaim: z.enum(SSO_USER_CLAIMS).default('upn'),
    /** In order: the first mapping whose claim holds its value gives the role; none: employee. */
    roleMappings: z.array(roleMappingSchema).max(100).default([]),
    /** false: only the break-glass admin may still sign in with a password. */
    passwordSignIn: z.boolean().default(true),
    breakGlassEmail: z.email().max(254).nullable().default(null),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.protocol === 'oidc') {
      for (const field of ['issuerUrl', 'clientId'] as const) {
        if (input[field] === undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: 'required for OpenID Connect' });
      }
    }
    if (input.protocol === 'saml' && input.saml === undefined) {
      ctx.addIssue({ code: 'custom', path: ['saml'], message: 'required for SAML' });
    }
    if (!input.passwordSignIn && input.breakGlassEmail === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['breakGlassEmail'],
        message: 'name a break-glass admin before turning password sign-in off',
      });
    }
  })
  .meta({ id: 'SsoSettingsInput' });
export type SsoSettingsInput = z.input<typeof ssoSettingsInputSchema>;

export const samlSettingsSchema = z
  .object({
    idpMetadataXml: z.string().nullable(),
    idpMetadataUrl: z.string().nullable(),
    /** The IdP's entity ID, read from its metadata. */
    idpEntityId: z.string().nullable(),
    clockSkewSeconds: z.number().int(),
    /** Roomserve's entity ID (its metadata URL), to register at the IdP. */
    spEntityId: z.string(),
    /** The assertion consumer service (HTTP-POST binding), to register at the IdP. */
    acsUrl: z.string(),
    /** Roomserve's SP metadata, for the IdP to import (AD FS: "Import data about the relying party"). */
    spMetadataUrl: z.string(),
  })
  .meta({ id: 'SamlSettings' });

export const ssoSettingsSchema = z
  .object({
    configured: z.boolean(),
    enabled: z.boolean(),
    protocol: z.enum(SSO_PROTOCOLS),
    displayName: z.string(),
    issuerUrl: z.string().nullable(),
    clientId: z.string().nullable(),
    /** The secret itself is never returned. */
    clientSecretSet: z.boolean(),
    scopes: z.array(z.string()),
    userClaim: z.enum(SSO_USER_CLAIMS),
    roleMappings: z.array(roleMappingSchema),
    passwordSignIn: z.boolean(),
    breakGlassEmail: z.string().nullable(),
    /** Register this redirect URI at the identity provider. */
    redirectUri: z.string(),
    saml: samlSettingsSchema,
    updatedAt: instantSchema.nullable(),
  })
  .meta({ id: 'SsoSettings' });
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

/** What the sign-in page needs to know, before anyone signs in. */
export const ssoSignInOptionsSchema = z
  .object({
    sso: z.object({ displayName: z.string(), loginUrl: z.string() }).nullable(),
    passwordSignIn: z.boolean(),
  })
  .meta({ id: 'SsoSignInOptions' });
export type SsoSignInOptions = z.infer<typeof ssoSignInOptionsSchema>;

export const ssoTestStartSchema = z.object({ url: z.string() }).meta({ id: 'SsoTestStart' });

export const ssoTestResultSchema = z
  .object({
    /** Every claim of the ID token (OIDC) or attribute of the assertion (SAML), as received. */
    claims: z.record(z.string(), z.unknown()),
    /** The account these claims would sign in, and with which role. */
    email: z.string().nullable(),
    role: roleSchema,
    existingUser: z.boolean(),
    problem: z.string().nullable(),
  })
  .meta({ id: 'SsoTestResult' });
export type SsoTestResult = z.infer<typeof ssoTestResultSchema>;
