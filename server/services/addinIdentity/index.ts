import { AppError } from '../../domain/errors';
import {
  IdentityTokenRejected,
  type ExchangeIdentityDirectory,
  type ExchangeMailboxOwner,
  type IdentityTokenVerifier,
} from '../../ports/identityTokens';
import type { UserRecord, UserRepository } from '../../ports/users';

/**
 * Signs in the Outlook add-in's callers with their Exchange identity token: verify the token, find
 * the mailbox's SMTP address through Exchange, then the Roomserve user with that email.
 *
 * Users come from Exchange: someone Exchange vouches for who has no Roomserve account yet gets one
 * as an `employee` (no password: they can only use the add-in until an admin sets one). An account
 * an admin deactivated stays locked out.
 */

export interface AddinIdentityDeps {
  readonly verifier: IdentityTokenVerifier;
  readonly directory: ExchangeIdentityDirectory;
  readonly users: UserRepository;
}

export type AddinIdentityService = ReturnType<typeof createAddinIdentityService>;

const unauthenticated = (message: string, reason: string): AppError =>
  new AppError('unauthenticated', message, { reason });

export function createAddinIdentityService(deps: AddinIdentityDeps) {
  async function ownerOf(token: string): Promise<ExchangeMailboxOwner> {
    let owner: ExchangeMailboxOwner | undefined;
    try {
      owner = await deps.directory.mailboxOf(await deps.verifier.verify(token));
    } catch (err) {
      if (err instanceof IdentityTokenRejected) throw unauthenticated(err.message, err.reason);
      throw new AppError('unavailable', 'Exchange could not be asked who sent this add-in request; try again shortly');
    }
    if (!owner) throw unauthenticated('Exchange knows no mailbox for this identity token', 'unknown-mailbox');
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

  return {
    /** The Roomserve user behind an Exchange identity token; AppError unauthenticated otherwise. */
    async authenticate(token: string): Promise<UserRecord> {
      const owner = await ownerOf(token);
      const user = (await deps.users.findByEmail(owner.smtpAddress)) ?? (await provision(owner));
      if (!user.active) throw unauthenticated('This Roomserve account is deactivated', 'deactivated');
      return user;
    },
  };
}
