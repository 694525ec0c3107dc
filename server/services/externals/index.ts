import type {
  External,
  ExternalAcceptInput,
  ExternalImportResult,
  ExternalInvitation,
  ExternalInvitationInput,
} from '../../../shared/schemas/externals';
import type { Actor } from '../../domain/actor';
import { mayInvite, type ExternalSettings } from '../../domain/externals/rules';
import { deactivate, deactivationPreview, listExternals, setExpiry } from './admin';
import { importCsv } from './csvImport';
import { invite, reinvite } from './invitations';
import { acceptInvitation, requestSignInLink, signInWithLink } from './signIn';
import type { ExternalSession, ExternalsDeps } from './types';

export type { ExternalsDeps, ExternalSession, ExternalBookings } from './types';
export { createExternalBookingHooks } from './bookingHooks';

/** People without an Exchange account (issue 17): invitations, one-time links, the admin's list. See docs/externals.md. */
export interface ExternalsService {
  invite(inviter: Actor, input: ExternalInvitationInput): Promise<ExternalInvitation>;
  /** Whether `actor` may invite, and their daily limit (null for admins, who are not counted). */
  invitationRights(actor: Actor): Promise<{ mayInvite: boolean; perDay: number | null }>;
  accept(input: ExternalAcceptInput): Promise<ExternalSession>;
  requestSignInLink(email: string): Promise<void>;
  signInWithLink(token: string): Promise<ExternalSession>;
  list(): Promise<External[]>;
  importCsv(admin: Actor, csv: string): Promise<ExternalImportResult>;
  reinvite(admin: Actor, externalId: string): Promise<ExternalInvitation>;
  deactivationPreview(externalId: string): Promise<{ futureBookings: number }>;
  deactivate(admin: Actor, externalId: string): Promise<{ cancelled: number; failed: number }>;
  setExpiry(externalId: string, accessExpiresAt: Date | null): Promise<External>;
  settings(): Promise<ExternalSettings>;
  saveSettings(settings: ExternalSettings): Promise<ExternalSettings>;
}

export function createExternalsService(deps: ExternalsDeps): ExternalsService {
  return {
    invite: (inviter, input) => invite(deps, inviter, input),
    async invitationRights(actor) {
      const settings = await deps.externals.settings();
      const allowed = mayInvite(actor.role, settings);
      return { mayInvite: allowed, perDay: allowed && actor.role !== 'admin' ? settings.invitationsPerDay : null };
    },
    accept: (input) => acceptInvitation(deps, input),
    requestSignInLink: (email) => requestSignInLink(deps, email),
    signInWithLink: (token) => signInWithLink(deps, token),
    list: () => listExternals(deps),
    importCsv: (admin, csv) => importCsv(deps, admin, csv),
    reinvite: (admin, id) => reinvite(deps, admin, id),
    deactivationPreview: (id) => deactivationPreview(deps, id),
    deactivate: (admin, id) => deactivate(deps, admin, id),
    setExpiry: (id, at) => setExpiry(deps, id, at),
    settings: () => deps.externals.settings(),
    saveSettings: (settings) => deps.externals.saveSettings(settings),
  };
}
