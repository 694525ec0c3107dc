import type { ExternalAcceptInput } from '../../../shared/schemas/externals';
import { hasAccess } from '../../domain/auth/access';
import { AppError } from '../../domain/errors';
import { SIGN_IN_LINK_WINDOW_MS, SIGN_IN_LINKS_PER_WINDOW } from '../../domain/externals/rules';
import type { StoredLink } from '../../ports/externals';
import type { UserRecord } from '../../ports/users';
import { hashPassword } from '../auth/passwords';
import { consumeLink, issueLink } from './links';
import { signInLinkMail } from './mails';
import type { ExternalSession, ExternalsDeps } from './types';

const deactivated = (): AppError =>
  new AppError(
    'unauthenticated',
    'This external account was deactivated or has expired; ask your host for a new invitation',
  );

/** The external a link belongs to, unless an admin deactivated them or their end date passed. */
async function externalOf(deps: ExternalsDeps, link: StoredLink, invitation: boolean): Promise<UserRecord> {
  const [user, profile] = await Promise.all([deps.users.findById(link.userId), deps.externals.profile(link.userId)]);
  if (!user || user.role !== 'external' || !profile) throw deactivated();
  const now = deps.clock.now();
  if (profile.deactivatedAt !== null && !user.active) throw deactivated();
  // An invitation activates an account that is still waiting; everything else needs access now.
  const waiting = invitation && profile.acceptedAt === null;
  if (!hasAccess({ ...user, active: user.active || waiting }, now)) throw deactivated();
  return user;
}

/** POST /api/externals/accept: activates the account (with a password when given) and signs in. */
export async function acceptInvitation(deps: ExternalsDeps, input: ExternalAcceptInput): Promise<ExternalSession> {
  let user: UserRecord | undefined;
  await consumeLink(deps, 'invitation', input.token, async (link) => {
    user = await externalOf(deps, link, true);
  });
  if (!user) throw deactivated();
  const passwordHash =
    input.password === undefined ? {} : { passwordHash: await hashPassword(input.password, deps.passwordCost) };
  const activated = await deps.users.update(user.id, { active: true, ...passwordHash });
  if (!activated) throw deactivated();
  await deps.externals.markAccepted(user.id, deps.clock.now());
  return deps.startSession(activated);
}

/**
 * POST /api/externals/sign-in-link: a one-time link by email for an external who may sign in. The
 * answer is the same for unknown addresses, so nobody learns who is an external here; a fourth
 * request within 15 minutes is dropped quietly for the same reason.
 */
export async function requestSignInLink(deps: ExternalsDeps, email: string): Promise<void> {
  const user = await deps.users.findByEmail(email);
  if (!user || user.role !== 'external' || !hasAccess(user, deps.clock.now())) return;
  const since = new Date(deps.clock.now().getTime() - SIGN_IN_LINK_WINDOW_MS);
  if ((await deps.externals.signInLinksFor(user.id, since)) >= SIGN_IN_LINKS_PER_WINDOW) {
    deps.log.warn({ userId: user.id }, 'sign-in link requested too often; not sent');
    return;
  }
  const link = await issueLink(deps, 'sign-in', user.id, null);
  await deps.mail.enqueue(signInLinkMail({ to: user.email, name: user.name, url: link.url, linkKey: link.key }));
}

/** POST /api/externals/sign-in: the link from the email, once, within 15 minutes. */
export async function signInWithLink(deps: ExternalsDeps, token: string): Promise<ExternalSession> {
  let user: UserRecord | undefined;
  await consumeLink(deps, 'sign-in', token, async (link) => {
    user = await externalOf(deps, link, false);
  });
  if (!user) throw deactivated();
  return deps.startSession(user);
}
