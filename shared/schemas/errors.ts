import { z } from 'zod';

/**
 * Stable error codes of the API. Clients may switch on them; never rename one.
 * The HTTP status of each code is decided in one place: server/http/middleware/errorHandler.ts.
 */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  /** A display action on a display with a PIN, sent without the X-Display-Pin header. */
  'display_pin_required',
  /** A display action with a wrong PIN (five in a minute answer rate_limited). */
  'display_pin_wrong',
  'not_found',
  'conflict',
  /** An order named an Outlook meeting whose room booking the sync has not brought in yet: retry shortly. */
  'meeting_not_synced',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  /** A catalog item's dietary label contradicts its own allergens (a "vegan" item with milk or eggs). */
  'dietary_label_conflict',
  'rate_limited',
  /** A one-time link (an external's invitation or sign-in link) that was used already or expired. */
  'link_gone',
  'unavailable',
  'internal',
  'uri_too_long',
  'headers_too_large',
  /** The session was opened with a password an admin reset: choose a new one (POST /api/auth/password) first. */
  'password_change_required',
  /** Changing one's password: the current password given is not correct. */
  'current_password_wrong',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
