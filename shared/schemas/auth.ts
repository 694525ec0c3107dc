import { z } from 'zod';
import { instantSchema, uuidSchema } from './common';
import { roleSchema } from './users';

/** Long enough to resist guessing; bounded so hashing cannot be used to burn CPU. */
export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(200);
const emailSchema = z.email().max(254);
const personNameSchema = z.string().trim().min(1).max(120);

export const userSchema = z
  .object({
    id: uuidSchema,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    active: z.boolean(),
    createdAt: instantSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    role: roleSchema,
    password: passwordSchema,
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'UserCreate' });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userPatchSchema = z
  .object({
    name: personNameSchema,
    role: roleSchema,
    active: z.boolean(),
    password: passwordSchema,
  })
  .partial()
  .strict()
  .meta({ id: 'UserPatch' });
export type UserPatch = z.infer<typeof userPatchSchema>;

export const loginInputSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    // Not the password policy: existing passwords must still be accepted when the policy changes.
    password: z.string().min(1).max(1024),
  })
  .strict()
  .meta({ id: 'LoginInput' });
export type LoginInput = z.infer<typeof loginInputSchema>;

/** The signed-in user and the token that cookie-authenticated writes send in X-CSRF-Token. */
export const sessionInfoSchema = z
  .object({
    user: userSchema,
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'null when the request was authenticated with a bearer token' }),
    mustChangePassword: z.boolean().meta({
      description:
        'The session was opened with a password an admin reset: until POST /api/auth/password, every other ' +
        'signed-in request answers 403 password_change_required',
    }),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const passwordChangeSchema = z
  .object({
    // Not the policy: the current password may predate it.
    currentPassword: z.string().min(1).max(1024),
    newPassword: passwordSchema,
  })
  .strict()
  .meta({ id: 'PasswordChange' });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const apiTokenSchema = z
  .object({
    id: uuidSchema,
    name: z.string(),
    createdAt: instantSchema,
    expiresAt: instantSchema.nullable(),
    lastUsedAt: instantSchema
      .nullable()
      .meta({ description: 'When the token last authenticated a request, to the minute; null if never.' }),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Omit for a token that does not expire. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .meta({ id: 'ApiTokenCreate' });
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().meta({ description: 'Shown once; send as `Authorization: Bearer <token>`' }) })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) }).meta({ id: 'ApiTokenList' });
