import type { IdentityLinkKey } from '../domain/addin/identityLink';

/**
 * Which Roomserve user an Outlook add-in user is: (msexchuid, amurl) → user, learnt once from
 * Exchange (EWS ResolveNames) or from a one-time sign-in in the taskpane. See docs/addin.md.
 * Keys reach the repository normalised (domain/addin/identityLink.ts).
 */
export interface IdentityLink extends IdentityLinkKey {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date;
}

export interface IdentityLinkRepository {
  find(key: IdentityLinkKey): Promise<IdentityLink | undefined>;
  /**
   * Links the identity to the user unless it is linked already (to anyone); returns the link
   * that stands afterwards, so two first requests at once agree on one.
   */
  createIfAbsent(key: IdentityLinkKey, userId: string, at: Date): Promise<IdentityLink>;
  markUsed(id: string, at: Date): Promise<void>;
}
