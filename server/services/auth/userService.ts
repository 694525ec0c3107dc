import { randomBytes } from 'node:crypto';
import type { UserCreate, UserPatch } from '../../../shared/schemas/auth';
import type { Role } from '../../../shared/schemas/users';
import type { Actor } from '../../domain/actor';
import { notFound, unprocessable } from '../../domain/errors';
import type { SessionRepository } from '../../ports/sessions';
import type { UserChanges, UserRecord, UserRepository } from '../../ports/users';
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost } from './passwords';

export interface UserServiceDeps {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly passwordCost?: ScryptCost;
}

export interface UserListQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly q?: string | undefined;
  readonly role?: Role | undefined;
}

/** 120 random bits in 20 URL-safe characters: well beyond the password policy's minimum of 12. */
const newTemporaryPassword = (): string => randomBytes(15).toString('base64url');

export interface UserPage {
  readonly items: UserRecord[];
  readonly total: number;
}

/** The admin's user management. */
export interface UserService {
  get(id: string): Promise<UserRecord>;
  list(query: UserListQuery): Promise<UserPage>;
  create(input: UserCreate): Promise<UserRecord>;
  /** Ends the user's sessions when the password changes or the account is deactivated. */
  update(actor: Actor, id: string, patch: UserPatch): Promise<UserRecord>;
  /**
   * Replaces the password with a random one and ends the user's sessions; the new password is
   * returned once for the admin to pass on, and the user must choose another at the next password
   * sign-in. Refused for the admin's own account.
   */
  resetPassword(actor: Actor, id: string): Promise<{ readonly temporaryPassword: string }>;
  /** Creates the configured first admin unless an account with that email exists. */
  ensureInitialAdmin(admin: { readonly email: string; readonly password: string }): Promise<'created' | 'exists'>;
}

/** An admin who demotes or deactivates themselves could leave nobody able to administer. */
function refuseSelfLockout(actor: Actor, id: string, patch: UserPatch): void {
  if (actor.userId !== id) return;
  if (patch.active === false) throw unprocessable('You cannot deactivate your own account');
  if (patch.role !== undefined && patch.role !== 'admin' && actor.role === 'admin') {
    throw unprocessable('You cannot remove your own admin role');
  }
}

export function createUserService(deps: UserServiceDeps): UserService {
  const cost = deps.passwordCost ?? DEFAULT_SCRYPT_COST;

  return {
    async get(id: string): Promise<UserRecord> {
      const user = await deps.users.findById(id);
      if (!user) throw notFound('User', id);
      return user;
    },

    list({ page, pageSize, q, role }: UserListQuery): Promise<UserPage> {
      return deps.users.list({
        offset: (page - 1) * pageSize,
        limit: pageSize,
        ...(q === undefined ? {} : { text: q }),
        ...(role === undefined ? {} : { role }),
      });
    },

    async resetPassword(actor: Actor, id: string) {
      // Resetting one's own password here would end this very session with no way to learn the new one safely.
      if (actor.userId === id) throw unprocessable('Reset your own password by setting a new one instead');
      const temporaryPassword = newTemporaryPassword();
      const updated = await deps.users.update(id, {
        passwordHash: await hashPassword(temporaryPassword, cost),
        mustChangePassword: true,
      });
      if (!updated) throw notFound('User', id);
      await deps.sessions.deleteForUser(id);
      return { temporaryPassword };
    },

    async create(input: UserCreate): Promise<UserRecord> {
      return deps.users.create({
        email: input.email,
        name: input.name,
        role: input.role,
        active: input.active,
        passwordHash: await hashPassword(input.password, cost),
      });
    },

    async update(actor: Actor, id: string, patch: UserPatch): Promise<UserRecord> {
      refuseSelfLockout(actor, id, patch);
      const changes: UserChanges = {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.active === undefined ? {} : { active: patch.active }),
        ...(patch.password === undefined ? {} : { passwordHash: await hashPassword(patch.password, cost) }),
      };
      const updated =
        Object.keys(changes).length === 0 ? await deps.users.findById(id) : await deps.users.update(id, changes);
      if (!updated) throw notFound('User', id);
      // A new password or a deactivation must end the sessions that were opened before it.
      if (patch.password !== undefined || patch.active === false) await deps.sessions.deleteForUser(id);
      return updated;
    },

    /** Creates the configured first admin unless an account with that email exists. */
    async ensureInitialAdmin(admin: {
      readonly email: string;
      readonly password: string;
    }): Promise<'created' | 'exists'> {
      if (await deps.users.findByEmail(admin.email)) return 'exists';
      await deps.users.create({
        email: admin.email,
        name: 'Administrator',
        role: 'admin',
        active: true,
        passwordHash: await hashPassword(admin.password, cost),
      });
      return 'created';
    },
  };
}
