import type { ExternalInvitation, ExternalInvitationInput } from '../../../shared/schemas/externals';
import type { Actor } from '../../domain/actor';
import { AppError, conflict, forbidden } from '../../domain/errors';
import { INVITATION_WINDOW_MS, invitationsAllowed, invitationsCounted, mayInvite } from '../../domain/externals/rules';
import type { UserRecord } from '../../ports/users';
import { issueLink } from './links';
import { invitationMail } from './mails';
import type { ExternalsDeps } from './types';

/** The external's account: created inactive (invited) for a new address, reused for a known external. */
async function externalAccount(
  deps: ExternalsDeps,
  input: ExternalInvitationInput,
  inviter: Actor,
): Promise<UserRecord> {
  const existing = await deps.users.findByEmail(input.email);
  if (!existing) {
    return deps.users.create({
      email: input.email.toLowerCase(),
      name: input.name,
      role: 'external',
      passwordHash: null,
      active: false,
    });
  }
  if (existing.role !== 'external') {
    throw conflict(`${input.email} already has a Roomserve account that is not an external's`, { field: 'email' });
  }
  const profile = await deps.externals.profile(existing.id);
  // An admin's deactivation stands until an admin invites them again.
  if (profile?.deactivatedAt && inviter.role !== 'admin') {
    throw forbidden(`${input.email} was deactivated by an admin; only an admin can invite them again`);
  }
  // An admin's new invitation lifts the deactivation; the account stays inactive until it is accepted.
  if (profile?.deactivatedAt) await deps.externals.markDeactivated(existing.id, null);
  return existing;
}

/** Sends an invitation link; the link itself is answered to admins only. */
export async function sendInvitation(
  deps: ExternalsDeps,
  inviter: Actor,
  user: UserRecord,
  company: string | null,
): Promise<ExternalInvitation> {
  const now = deps.clock.now();
  await deps.externals.saveProfile({ userId: user.id, company, invitedBy: inviter.userId, invitedAt: now });
  const link = await issueLink(deps, 'invitation', user.id, inviter.userId);
  await deps.mail.enqueue(
    invitationMail({
      to: user.email,
      name: user.name,
      inviter: inviter.name,
      url: link.url,
      expiresAt: link.expiresAt,
      linkKey: link.key,
    }),
  );
  return {
    externalId: user.id,
    email: user.email,
    name: user.name,
    company,
    expiresAt: link.expiresAt.toISOString(),
    link: inviter.role === 'admin' ? link.url : null,
  };
}

/** Who may invite, and how many per day: checked before anything is written. */
export async function checkInviter(deps: ExternalsDeps, inviter: Actor, invitations = 1): Promise<void> {
  const settings = await deps.externals.settings();
  if (!mayInvite(inviter.role, settings)) {
    throw forbidden(
      inviter.role === 'employee'
        ? 'Only admins may invite externals in this installation'
        : 'You may not invite externals',
    );
  }
  if (!invitationsCounted(inviter.role)) return;
  const since = new Date(deps.clock.now().getTime() - INVITATION_WINDOW_MS);
  const sent = await deps.externals.invitationsSentBy(inviter.userId, since);
  if (!invitationsAllowed(inviter.role, sent, invitations, settings)) {
    throw new AppError(
      'rate_limited',
      `You may send ${settings.invitationsPerDay} invitations a day; ${Math.max(0, settings.invitationsPerDay - sent)} left`,
      { limit: settings.invitationsPerDay, sentToday: sent },
    );
  }
}

/** POST /api/externals/invitations. */
export async function invite(
  deps: ExternalsDeps,
  inviter: Actor,
  input: ExternalInvitationInput,
): Promise<ExternalInvitation> {
  await checkInviter(deps, inviter);
  const user = await externalAccount(deps, input, inviter);
  return sendInvitation(deps, inviter, user, input.company?.trim() || null);
}

/** An admin sends a known external a new invitation (the demo's "copy link", a lost email). */
export async function reinvite(deps: ExternalsDeps, admin: Actor, externalId: string): Promise<ExternalInvitation> {
  const user = await deps.users.findById(externalId);
  const profile = user?.role === 'external' ? await deps.externals.profile(externalId) : undefined;
  if (!user || !profile) throw new AppError('not_found', `External ${externalId} not found`);
  await checkInviter(deps, admin);
  await deps.externals.revokeLinks(user.id, deps.clock.now());
  if (profile.deactivatedAt) await deps.externals.markDeactivated(user.id, null);
  return sendInvitation(deps, admin, user, profile.company);
}
