import { addinInstallationSchema, addinLinkInputSchema } from '../schemas/addin';
import { sessionInfoSchema } from '../schemas/auth';
import { endpoint } from './endpoint';

/**
 * The Outlook add-in: its manifest for admins (the public copy is served at /manifest.xml), and
 * the one-time link of an Exchange identity to a Roomserve account (docs/addin.md, "Who is it?").
 */
export const addinEndpoints = {
  installation: endpoint({
    method: 'get',
    path: '/admin/addin',
    tag: 'Outlook add-in',
    summary:
      'This installation’s public URL (PUBLIC_URL) and its scheme, and where the manifest is served. Outlook ' +
      'refuses add-ins that are not served over https.',
    access: 'admin',
    response: addinInstallationSchema,
  }),
  manifestDownload: endpoint({
    method: 'get',
    path: '/admin/addin/manifest',
    tag: 'Outlook add-in',
    summary:
      'The Outlook add-in manifest (XML) with every URL pointing at this server, as an attachment named ' +
      'roomserve-manifest.xml, for sideloading in Outlook on the web or installing with New-App.',
    access: 'admin',
  }),
  link: endpoint({
    method: 'post',
    path: '/addin/link',
    tag: 'Outlook add-in',
    summary:
      'Links the Outlook user behind the Exchange identity token (sent as `Authorization: Bearer <token>`) to ' +
      'an existing, active Roomserve account proven by its email and password, for when Roomserve cannot ' +
      'find the mailbox through Exchange (401 reason `link-required`). Afterwards the token alone signs in ' +
      'as that account. Wrong credentials: 401 `invalid_credentials`; the identity already linked to another ' +
      'account: 409 `conflict` (reason `linked-to-another-account`); rate-limited like sign-in.',
    access: 'public',
    body: addinLinkInputSchema,
    response: sessionInfoSchema,
  }),
};
