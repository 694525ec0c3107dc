import { z } from 'zod';
import { pageQuerySchema } from './common';
import { roleSchema } from './users';

/** The admin's user list: a page, narrowed by a text in the name or email and by role. */
export const userListQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
  })
  .meta({ id: 'UserListQuery' });
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/**
 * The answer to a password reset: a fresh random password, shown to the admin in this response
 * only (never stored in clear, never logged) to pass on to the user. The user's sessions end.
 */
export const passwordResetSchema = z
  .object({
    temporaryPassword: z
      .string()
      .meta({ description: 'Shown once; the account signs in with it until it is changed again.' }),
  })
  .meta({ id: 'PasswordReset' });
export type PasswordReset = z.infer<typeof passwordResetSchema>;
