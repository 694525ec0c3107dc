import { LINK_REQUIRED, LINKED_TO_ANOTHER_ACCOUNT, type AddinSignInReason } from '../../../shared/schemas/addin';
import { identityLinkKey, type IdentityLinkKey } from '../../domain/addin/identityLink';
import { AppError } from '../../domain/errors';
import type { IdentityLink, IdentityLinkRepository } from '../../ports/identityLinks';
import {
  IdentityTokenRejected,
  type ExchangeIdentity,
  type ExchangeIdentityDirectory,
  type ExchangeMailboxOwner,
  type IdentityTokenVerifier,
} from '../../ports/identityTokens';
import type { UserRecord, UserRepository } from '../../ports/users';
import type { Clock } from '../../ports/clock';

/**
 * Signs in the Outlook add-in's callers with their Exchange identity token. The token names the
 * user as (msexchuid, amurl); Roomserve remembers which of its users that is in a link table:
 *
 * 1. verify the token;
 * 2. a stored link names the user: done, Exchange is not asked;
 * 3. otherwise ask Exchange's directory for the mailbox (EWS ResolveNames), sign in as the
 *    Roomserve user with that address (provisioning a passwordless `employee` on first sight)
 *    and store the link;
 * 4. when Exchange finds no mailbox: 401 reason `link-required` — the user signs in to Roomserve
 *    once in the taskpane (`link`), which stores the link.
 *
 * An account an admin deactivated stays locked out, whichever way it was found.
 */

export interface AddinIdentityDeps {
  readonly verifier: IdentityTokenVerifier;
  readonly directory: ExchangeIdentityDirectory;
  readonly users: UserRepository;
  readonly links: IdentityLinkRepository;
  /** The sign-in's password check (services/auth): the active user, or AppError invalid_credentials. */
  readonly verifyCredentials: (email: string, password: string) => Promise<UserRecord>;
  /** The source of "now". */
  readonly clock: Clock;
}

export interface AddinIdentityService {
  /** The Roomserve user behind an Exchange identity token (steps 1–3), or 401 with a reason. */
  authenticate(token: string): Promise<UserRecord>;
  /** Step 4: the user proved who they are with their Roomserve password; the link is stored. */
  link(token: string, email: string, password: string): Promise<UserRecord>;
}

/** last_used_at is for admins ("is this link still used?"): an hour's precision spares a write per request. */
const LAST_USED_PRECISION_MS = 60 * 60 * 1000;

const unauthenticated = (message: string, reason: AddinSignInReason): AppError =>
  new AppError('unauthenticated', message, { reason });

const deactivated = (): AppError => unauthenticated('This Roomserve account is deactivated', 'deactivated');

export function createAddinIdentityService(deps: AddinIdentityDeps): AddinIdentityService {
  async function verify(token: string): Promise<ExchangeIdentity> {
    try {
      return await deps.verifier.verify(token);
    } catch (err) {
      if (err instanceof IdentityTokenRejected) throw unauthenticated(err.message, err.reason);
      throw new AppError('unavailable', 'The Exchange connection could not be read to check this add-in request');
    }
  }

  async function ownerOf(identity: ExchangeIdentity): Promise<ExchangeMailboxOwner> {
    let owner: ExchangeMailboxOwner | undefined;
    try {
      owner = await deps.directory.mailboxOf(identity);
    } catch {
      throw new AppError('unavailable', 'Exchange could not be asked who sent this add-in request; try again shortly');
    }
    if (!owner) {
      throw unauthenticated(
        'Roomserve does not know this Outlook user yet: sign in to Roomserve once from the add-in',
        LINK_REQUIRED,
      );
    }
    return owner;
  }

  async function provision(owner: ExchangeMailboxOwner): Promise<UserRecord> {
    try {
      return await deps.users.create({
        email: owner.smtpAddress,
        name: owner.displayName,
        role: 'employee',
        passwordHash: null,
        active: true,
      });
    } catch (err) {
      // Two first requests at once: the other one created the account.
      const existing =
        err instanceof AppError && err.code === 'conflict' && (await deps.users.findByEmail(owner.smtpAddress));
      if (existing) return existing;
      throw err;
    }
  }

  /** The user a stored link names; undefined when there is none (or its user vanished meanwhile). */
  async function linkedUser(link: IdentityLink | undefined): Promise<UserRecord | undefined> {
    if (!link) return undefined;
    const user = await deps.users.findById(link.userId);
    if (!user) return undefined;
    const now = deps.clock.now();
    if (now.getTime() - link.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) await deps.links.markUsed(link.id, now);
    return user;
  }

  /** First sight of this identity: Exchange says whose mailbox it is, and the answer is kept. */
  async function resolveThroughExchange(identity: ExchangeIdentity, key: IdentityLinkKey): Promise<UserRecord> {
    const owner = await ownerOf(identity);
    const user = (await deps.users.findByEmail(owner.smtpAddress)) ?? (await provision(owner));
    const stood = await deps.links.createIfAbsent(key, user.id, deps.clock.now());
    // A one-time link made at the same moment wins: it is what every later request will see.
    if (stood.userId === user.id) return user;
    return (await deps.users.findById(stood.userId)) ?? user;
  }

  return {
    /** The Roomserve user behind an Exchange identity token; AppError unauthenticated otherwise. */
    async authenticate(token: string): Promise<UserRecord> {
      const identity = await verify(token);
      const key = identityLinkKey(identity);
      const user = (await linkedUser(await deps.links.find(key))) ?? (await resolveThroughExchange(identity, key));
      if (!user.active) throw deactivated();
      return user;
    },

    /**
     * The one-time link: the token's identity becomes the account whose email and password the
     * user typed. Linking again to the same account is harmless; an identity that already names
     * another account is a conflict (an admin removes that account's link by deleting the account
     * or the link row — see docs/addin.md).
     */
    async link(token: string, email: string, password: string): Promise<UserRecord> {
      // The token first: without a genuine Exchange identity the password is never looked at.
      const key = identityLinkKey(await verify(token));
      const user = await deps.verifyCredentials(email, password);
      const existing = await deps.links.find(key);
      const stood = existing ?? (await deps.links.createIfAbsent(key, user.id, deps.clock.now()));
      if (stood.userId !== user.id) {
        throw new AppError(
          'conflict',
          'This Outlook user is already linked to another Roomserve account; ask your Roomserve admin to remove that link',
          { reason: LINKED_TO_ANOTHER_ACCOUNT },
        );
      }
      return user;
    },
  };
}
