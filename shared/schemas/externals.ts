import { z } from 'zod';
import { passwordSchema } from './auth';
import { instantSchema, uuidSchema } from './common';

const emailSchema = z.email().max(254);
const nameSchema = z.string().trim().min(1).max(120);
const companySchema = z.string().trim().max(120);
/** The token of a one-time email link: 43 URL-safe characters; bounded so junk is refused early. */
const linkTokenSchema = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the token from the link');

export const externalInvitationInputSchema = z
  .object({ email: emailSchema, name: nameSchema, company: companySchema.optional() })
  .strict()
  .meta({ id: 'ExternalInvitationInput' });
export type ExternalInvitationInput = z.infer<typeof externalInvitationInputSchema>;

export const externalInvitationSchema = z
  .object({
    externalId: uuidSchema,
    email: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    expiresAt: instantSchema,
    link: z
      .string()
      .nullable()
      .meta({ description: 'The invitation link, answered to admins only (to pass on by hand); null for employees.' }),
  })
  .meta({ id: 'ExternalInvitation' });
export type ExternalInvitation = z.infer<typeof externalInvitationSchema>;

export const externalAcceptInputSchema = z
  .object({
    token: linkTokenSchema,
    password: passwordSchema
      .optional()
      .meta({ description: 'Left out: no password is set; later sign-ins use a link by email.' }),
  })
  .strict()
  .meta({ id: 'ExternalAcceptInput' });
export type ExternalAcceptInput = z.infer<typeof externalAcceptInputSchema>;

export const signInLinkRequestSchema = z.object({ email: emailSchema }).strict().meta({ id: 'SignInLinkRequest' });

export const signInWithLinkSchema = z.object({ token: linkTokenSchema }).strict().meta({ id: 'SignInWithLink' });

export const EXTERNAL_STATUSES = ['invited', 'active', 'expired', 'deactivated'] as const;

export const externalSchema = z
  .object({
    id: uuidSchema,
    email: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    status: z.enum(EXTERNAL_STATUSES),
    invitedAt: instantSchema,
    lastSignInAt: instantSchema.nullable(),
    accessExpiresAt: instantSchema.nullable(),
    bookings: z.number().int().meta({ description: 'Bookings made in Roomserve, all time.' }),
    openBookings: z.number().int().meta({ description: 'Pending or confirmed bookings that have not ended.' }),
  })
  .meta({ id: 'External' });
export type External = z.infer<typeof externalSchema>;

export const externalListSchema = z.object({ items: z.array(externalSchema) }).meta({ id: 'ExternalList' });

export const externalImportInputSchema = z
  .object({
    csv: z
      .string()
      .min(1)
      .max(200_000)
      .meta({ description: 'CSV text with a header row: name, email, company (company may be empty).' }),
  })
  .strict()
  .meta({ id: 'ExternalImportInput' });

export const externalImportResultSchema = z
  .object({
    invited: z.array(externalInvitationSchema),
    errors: z.array(z.object({ row: z.number().int(), email: z.string().nullable(), message: z.string() })),
  })
  .meta({ id: 'ExternalImportResult' });
export type ExternalImportResult = z.infer<typeof externalImportResultSchema>;

export const externalDeactivationPreviewSchema = z
  .object({ futureBookings: z.number().int().meta({ description: 'Bookings deactivation cancels in Exchange.' }) })
  .meta({ id: 'ExternalDeactivationPreview' });

export const externalDeactivationSchema = z
  .object({
    cancelled: z.number().int(),
    failed: z.number().int().meta({ description: 'Bookings Exchange could not cancel now (left to retry by hand).' }),
  })
  .meta({ id: 'ExternalDeactivation' });

export const externalExpiryInputSchema = z
  .object({ accessExpiresAt: instantSchema.nullable() })
  .strict()
  .meta({ id: 'ExternalExpiryInput' });

export const externalSettingsSchema = z
  .object({
    employeesMayInvite: z.boolean(),
    invitationsPerDay: z.number().int().min(1).max(1000),
    maxOpenBookings: z.number().int().min(1).max(100),
  })
  .strict()
  .meta({ id: 'ExternalSettings' });

/** Whether the signed-in person may invite externals (admins always; employees when the installation allows it). */
export const invitationRightsSchema = z
  .object({ mayInvite: z.boolean(), perDay: z.number().int().nullable() })
  .meta({ id: 'InvitationRights' });
export type InvitationRights = z.infer<typeof invitationRightsSchema>;
