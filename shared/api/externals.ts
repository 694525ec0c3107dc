import { idParamsSchema } from '../schemas/common';
import { sessionInfoSchema } from '../schemas/auth';
import {
  externalAcceptInputSchema,
  externalDeactivationPreviewSchema,
  externalDeactivationSchema,
  externalExpiryInputSchema,
  externalImportInputSchema,
  externalImportResultSchema,
  externalInvitationInputSchema,
  externalInvitationSchema,
  externalListSchema,
  externalSchema,
  externalSettingsSchema,
  invitationRightsSchema,
  signInLinkRequestSchema,
  signInWithLinkSchema,
} from '../schemas/externals';
import { endpoint } from './endpoint';

const TAG = 'Externals';

/** People without an Exchange account: invitations, one-time email links, and the admin's list. */
export const externalsEndpoints = {
  invitationRights: endpoint({
    method: 'get',
    path: '/externals/invitation-rights',
    tag: TAG,
    summary:
      'Whether you may invite externals, and your daily limit (null: none, for admins); the web app shows ' +
      '"Invite a guest" by it.',
    access: 'signed-in',
    response: invitationRightsSchema,
  }),
  invite: endpoint({
    method: 'post',
    path: '/externals/invitations',
    tag: TAG,
    summary:
      'Invite an external by email (admins; employees when the installation allows it). The invitation link ' +
      'is single-use and valid 7 days. 403 for others, 409 when the address belongs to an employee, 429 over the ' +
      "inviter's daily limit.",
    access: 'signed-in',
    body: externalInvitationInputSchema,
    response: externalInvitationSchema,
    successStatus: 201,
  }),
  accept: endpoint({
    method: 'post',
    path: '/externals/accept',
    tag: TAG,
    summary:
      'Accept an invitation: activates the account, sets the password if one is given, and signs in (sets the ' +
      'rs_session cookie). 410 when the link was used or expired, 401 when the external was deactivated.',
    access: 'public',
    body: externalAcceptInputSchema,
    response: sessionInfoSchema,
  }),
  requestSignInLink: endpoint({
    method: 'post',
    path: '/externals/sign-in-link',
    tag: TAG,
    summary:
      'Email a one-time sign-in link (15 minutes) to an active external. Answers 204 whether or not the ' +
      'address is known, so it reveals nobody.',
    access: 'public',
    body: signInLinkRequestSchema,
    successStatus: 204,
  }),
  signInWithLink: endpoint({
    method: 'post',
    path: '/externals/sign-in',
    tag: TAG,
    summary: 'Sign in with a one-time link from the email (sets the rs_session cookie). 410 when used or expired.',
    access: 'public',
    body: signInWithLinkSchema,
    response: sessionInfoSchema,
  }),
  list: endpoint({
    method: 'get',
    path: '/admin/externals',
    tag: TAG,
    summary: 'Every external with company, status, last sign-in, bookings and expiry',
    access: 'admin',
    response: externalListSchema,
  }),
  importCsv: endpoint({
    method: 'post',
    path: '/admin/externals/import',
    tag: TAG,
    summary: 'Invite externals in bulk from CSV (name, email, company); each bad row is reported, the others invited',
    access: 'admin',
    body: externalImportInputSchema,
    response: externalImportResultSchema,
  }),
  newInvitationLink: endpoint({
    method: 'post',
    path: '/admin/externals/:id/invitation',
    tag: TAG,
    summary: 'Send an external a fresh invitation (earlier links stop working); the link is in the answer',
    access: 'admin',
    params: idParamsSchema,
    response: externalInvitationSchema,
    successStatus: 201,
  }),
  deactivationPreview: endpoint({
    method: 'get',
    path: '/admin/externals/:id/deactivation',
    tag: TAG,
    summary: 'How many future bookings deactivating this external would cancel',
    access: 'admin',
    params: idParamsSchema,
    response: externalDeactivationPreviewSchema,
  }),
  deactivate: endpoint({
    method: 'post',
    path: '/admin/externals/:id/deactivate',
    tag: TAG,
    summary: 'Deactivate an external: sessions and links end at once, future bookings are cancelled in Exchange',
    access: 'admin',
    params: idParamsSchema,
    response: externalDeactivationSchema,
  }),
  setExpiry: endpoint({
    method: 'put',
    path: '/admin/externals/:id/expiry',
    tag: TAG,
    summary: "Set or clear an external's end date; after it the account counts as deactivated",
    access: 'admin',
    params: idParamsSchema,
    body: externalExpiryInputSchema,
    response: externalSchema,
  }),
  getSettings: endpoint({
    method: 'get',
    path: '/admin/external-settings',
    tag: TAG,
    summary: 'Whether employees may invite, invitations per person and day, open bookings per external',
    access: 'admin',
    response: externalSettingsSchema,
  }),
  saveSettings: endpoint({
    method: 'put',
    path: '/admin/external-settings',
    tag: TAG,
    summary: 'Save the rules for externals',
    access: 'admin',
    body: externalSettingsSchema,
    response: externalSettingsSchema,
  }),
};
