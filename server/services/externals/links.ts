import { linkExpiry, linkState, type LinkPurpose } from '../../domain/externals/rules';
import { AppError } from '../../domain/errors';
import type { StoredLink } from '../../ports/externals';
import { hashSecret, newSecret } from '../auth/secrets';
import type { ExternalsDeps } from './types';

/** The web pages that open each kind of link. */
const PAGE: Readonly<Record<LinkPurpose, string>> = {
  invitation: '/externals/accept',
  'sign-in': '/externals/sign-in',
};

export interface IssuedLink {
  readonly url: string;
  readonly expiresAt: Date;
  /** Names the link without revealing it (the email's dedupe key). */
  readonly key: string;
}

/** A fresh one-time link for the user; only the token's hash is stored. */
export async function issueLink(
  deps: Pick<ExternalsDeps, 'externals' | 'clock' | 'publicUrl'>,
  purpose: LinkPurpose,
  userId: string,
  createdBy: string | null,
): Promise<IssuedLink> {
  const token = newSecret();
  const now = deps.clock.now();
  const expiresAt = linkExpiry(purpose, now);
  const tokenHash = hashSecret(token);
  await deps.externals.insertLink({ tokenHash, purpose, userId, createdBy, createdAt: now, expiresAt });
  // The token rides in the query: the page posts it back, a GET of the link changes nothing.
  return {
    url: `${deps.publicUrl}${PAGE[purpose]}?token=${token}`,
    expiresAt,
    key: hashSecret(tokenHash).slice(0, 32),
  };
}

const gone = (purpose: LinkPurpose, why: 'used' | 'expired'): AppError =>
  new AppError(
    'link_gone',
    `This ${purpose === 'invitation' ? 'invitation' : 'sign-in'} link was ${why === 'used' ? 'used already' : 'valid for a limited time and has expired'}; ask for a new one`,
    { reason: why },
  );

/**
 * Uses a link once: unknown → 404, used or expired → 410, and under a race only one request wins
 * (the other sees it used). `beforeUse` may refuse (a deactivated external) and leave it unused.
 */
export async function consumeLink(
  deps: Pick<ExternalsDeps, 'externals' | 'clock'>,
  purpose: LinkPurpose,
  token: string,
  beforeUse: (link: StoredLink) => Promise<void>,
): Promise<StoredLink> {
  const link = await deps.externals.findLink(hashSecret(token));
  if (!link || link.purpose !== purpose) throw new AppError('not_found', 'This link is not one of ours');
  const now = deps.clock.now();
  const state = linkState(link, now);
  if (state !== 'usable') throw gone(purpose, state);
  await beforeUse(link);
  if (!(await deps.externals.useLink(link.id, now))) throw gone(purpose, 'used');
  return link;
}
