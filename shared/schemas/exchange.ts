import { z } from 'zod';
import { instantSchema, uuidSchema } from './common';
import { roomSchema } from './locations';

/** The installation's Exchange connection (EWS), as the admin sees and edits it. */

export const EXCHANGE_AUTH_METHODS = ['ntlm', 'basic'] as const;

const ewsUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .meta({ example: 'https://mail.example.com/EWS/Exchange.asmx' });

const pemSchema = z
  .string()
  .max(200_000)
  .refine(
    (pem) => pem.includes('-----BEGIN CERTIFICATE-----'),
    'must be PEM certificates (-----BEGIN CERTIFICATE-----)',
  );

export const exchangeSettingsInputSchema = z
  .object({
    ewsUrl: ewsUrlSchema,
    /** The service account: DOMAIN\user or a UPN. */
    username: z.string().trim().min(1).max(256),
    /** Write-only. Required the first time; omit it to keep the stored one. */
    password: z.string().min(1).max(1024).optional(),
    authMethod: z.enum(EXCHANGE_AUTH_METHODS).default('ntlm'),
    caBundlePem: pemSchema.nullable().default(null),
    skipTlsVerification: z.boolean().default(false),
    /**
     * Basic authentication over plain http is refused unless this is ticked: the password then
     * crosses the network readable. Not stored; tick it with every such save.
     */
    sendPasswordUnencrypted: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'ExchangeSettingsInput' });

export const exchangeSettingsSchema = z
  .object({
    configured: z.boolean(),
    ewsUrl: z.string().nullable(),
    username: z.string().nullable(),
    authMethod: z.enum(EXCHANGE_AUTH_METHODS),
    caBundlePem: z.string().nullable(),
    skipTlsVerification: z.boolean(),
    /** The password itself is never returned. */
    passwordSet: z.boolean(),
    updatedAt: instantSchema.nullable(),
  })
  .meta({ id: 'ExchangeSettings' });
export type ExchangeSettings = z.infer<typeof exchangeSettingsSchema>;

export const exchangeTestInputSchema = z
  .object({
    /** A mailbox to impersonate; by default the first room of the room lists. */
    mailbox: z.email().max(254).optional(),
  })
  .strict()
  .default({})
  .meta({ id: 'ExchangeTestInput' });

export const EXCHANGE_TEST_FAILURES = [
  'not-configured',
  'dns',
  'tls',
  'auth',
  'ews-url',
  'unreachable',
  'impersonation',
  'mailbox',
  'other',
] as const;

export const exchangeTestResultSchema = z
  .object({
    ok: z.boolean(),
    /** What failed (or what worked), in words. */
    message: z.string(),
    failure: z.enum(EXCHANGE_TEST_FAILURES).nullable(),
    roomMailboxes: z.number().int().nullable(),
    checkedMailbox: z.string().nullable(),
  })
  .meta({ id: 'ExchangeTestResult' });
export type ExchangeTestResult = z.infer<typeof exchangeTestResultSchema>;

export const roomMailboxSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    roomList: z.string(),
    /** A Roomserve room already uses this mailbox. */
    connected: z.boolean(),
  })
  .meta({ id: 'RoomMailbox' });

export const importRoomsInputSchema = z
  .object({
    floorId: uuidSchema,
    mailboxes: z.array(z.email().max(254)).min(1).max(500),
    /** Exchange's room lists carry no capacity; the admin corrects it per room afterwards. */
    capacity: z.number().int().min(1).max(10_000).default(10),
  })
  .strict()
  .meta({ id: 'ImportRoomsInput' });

export const importRoomsResultSchema = z
  .object({
    created: z.array(roomSchema),
    skipped: z.array(z.object({ email: z.string(), reason: z.string() })),
  })
  .meta({ id: 'ImportRoomsResult' });
