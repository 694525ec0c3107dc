import { z } from 'zod';
import { loginInputSchema } from './auth';

/**
 * The Outlook add-in's sign-in with Exchange identity tokens (docs/addin.md, "Who is it?").
 * A refused token answers 401 `unauthenticated` with `details.reason`, one of these.
 */
export const ADDIN_SIGN_IN_REASONS = [
  'malformed',
  'signature',
  'audience',
  'expired',
  'not-yet-valid',
  'version',
  'issuer',
  'metadata-host-not-allowed',
  'metadata-unavailable',
  /** The token is genuine but Roomserve does not know its user yet: sign in once (POST /api/addin/link). */
  'link-required',
  'deactivated',
] as const;
export const addinSignInReasonSchema = z.enum(ADDIN_SIGN_IN_REASONS);
export type AddinSignInReason = z.infer<typeof addinSignInReasonSchema>;

export const LINK_REQUIRED: AddinSignInReason = 'link-required';

/** 409 `conflict` of POST /api/addin/link when the identity already names another account. */
export const LINKED_TO_ANOTHER_ACCOUNT = 'linked-to-another-account';

/** The Roomserve account an Outlook user links their Exchange identity to, proven by its password. */
export const addinLinkInputSchema = loginInputSchema.meta({ id: 'AddinLinkInput' });
export type AddinLinkInput = z.infer<typeof addinLinkInputSchema>;

/**
 * What the admin's add-in page needs to know about this installation's PUBLIC_URL: Outlook loads
 * add-ins over https only, so an http URL means the manifest cannot be installed as it stands.
 */
export const addinInstallationSchema = z
  .object({
    publicUrl: z.string(),
    scheme: z.enum(['https', 'http']),
    /** The public copy of the manifest, as Outlook's "Add from URL" takes it. */
    manifestUrl: z.string(),
  })
  .meta({ id: 'AddinInstallation' });
export type AddinInstallation = z.infer<typeof addinInstallationSchema>;
