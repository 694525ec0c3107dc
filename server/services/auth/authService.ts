import type { ApiTokenCreate } from '../../../shared/schemas/auth';
import type { Actor } from '../../domain/actor';
import { hasAccess } from '../../domain/auth/access';
import { AppError, notFound } from '../../domain/errors';
import type { ApiTokenRecord, ApiTokenRepository } from '../../ports/apiTokens';
import type { Clock } from '../../ports/clock';
import type { SessionRepository } from '../../ports/sessions';
import type { UserRecord, UserRepository, UserWithPassword } from '../../ports/users';
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './passwords';
import { hashSecret, newSecret } from './secrets';

export interface AuthServiceDeps {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly clock: Clock;
  readonly sessionTtlHours: number;
  readonly passwordCost?: ScryptCost;
  /** Whether a password may sign this email in (single sign-on can turn passwords off); default: always. */
  readonly passwordSignInAllowed?: (email: string) => Promise<boolean>;
  /** Told of every session started (the externals' list shows their last sign-in). */
  readonly signIns?: { recordSignIn(userId: string, at: Date): Promise<void> };
}

export interface StartedSession {
  readonly user: UserRecord;
  /** The cookie value; only its hash is stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  /** Opened with a password an admin reset: it may only change the password (or sign out). */
  readonly passwordChangeRequired: boolean;
}

export interface ResumedSession {
  readonly user: UserRecord;
  readonly csrfToken: string;
  readonly passwordChangeRequired: boolean;
}

export interface IssuedApiToken {
  readonly record: ApiTokenRecord;
  /** Shown to the user once; only its hash is stored. */
  readonly token: string;
}

/** Personal API tokens are recognisable in logs and secret scanners by this prefix. */
export const API_TOKEN_PREFIX = 'rs_pat_';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * An API token's last use is kept to the minute: a script calling every second is written once a
 * minute instead of once per request (an UPDATE and a WAL flush on the request path).
 */
export const LAST_USED_PRECISION_MS = 60_000;

function lastUseIsStale(record: ApiTokenRecord, now: Date): boolean {
  return record.lastUsedAt === null || now.getTime() - record.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
}

export function actorFor(user: UserRecord, via: Actor['via']): Actor {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via };
}

const invalidCredentials = (): AppError => new AppError('invalid_credentials', 'The email or password is not correct');

/** Sign-in with password, session cookies and personal API tokens. */
export interface AuthService {
  /** The user behind these credentials; `invalid_credentials` otherwise, in constant time. */
  verifyCredentials(email: string, password: string): Promise<UserRecord>;
  login(email: string, password: string): Promise<StartedSession>;
  /** A session for a user proven some other way (single sign-on, an external's one-time email link); refused without access. */
  startSession(user: UserRecord): Promise<StartedSession>;
  resumeSession(token: string): Promise<ResumedSession | undefined>;
  logout(token: string): Promise<void>;
  /**
   * The user's own new password, proven by the current one (`current_password_wrong` otherwise);
   * clears the change an admin's reset asked for and ends every session of the user.
   */
  changePassword(email: string, current: string, next: string): Promise<UserRecord>;
  authenticateApiToken(token: string): Promise<UserRecord | undefined>;
  createApiToken(userId: string, input: ApiTokenCreate): Promise<IssuedApiToken>;
  listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
  revokeApiToken(userId: string, tokenId: string): Promise<void>;
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const cost = deps.passwordCost ?? DEFAULT_SCRYPT_COST;
  // Unknown emails are checked against this hash so that they cost as much time as known ones.
  let decoyHash: Promise<string> | undefined;
  const decoy = (): Promise<string> => (decoyHash ??= hashPassword(newSecret(), cost));

  async function checkPassword(email: string, password: string): Promise<UserWithPassword> {
    const user = await deps.users.findByEmail(email);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
    if (!user || !user.passwordHash || !hasAccess(user, deps.clock.now()) || !matches) throw invalidCredentials();
    // Checked after the password, so that trying emails cannot find the break-glass admin.
    if (deps.passwordSignInAllowed && !(await deps.passwordSignInAllowed(user.email))) {
      throw new AppError('forbidden', 'Password sign-in is turned off: use the single sign-on button');
    }
    if (needsRehash(user.passwordHash, cost)) {
      await deps.users.update(user.id, { passwordHash: await hashPassword(password, cost) });
    }
    return user;
  }

  async function startSession(user: UserRecord, passwordChangeRequired = false): Promise<StartedSession> {
    const now = deps.clock.now();
    if (!hasAccess(user, now)) throw invalidCredentials();
    await deps.sessions.deleteExpired(now);
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * HOUR_MS);
    await deps.sessions.create({
      tokenHash: hashSecret(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      passwordChangeRequired,
    });
    await deps.signIns?.recordSignIn(user.id, now);
    return { user, token, csrfToken, expiresAt, passwordChangeRequired };
  }

  async function activeUser(userId: string): Promise<UserRecord | undefined> {
    const user = await deps.users.findById(userId);
    return user && hasAccess(user, deps.clock.now()) ? user : undefined;
  }

  return {
    /**
     * The active user with this email and password, without starting a session (the Outlook
     * add-in's one-time link); AppError invalid_credentials otherwise, as login answers.
     */
    verifyCredentials(email: string, password: string): Promise<UserRecord> {
      return checkPassword(email, password);
    },

    async login(email: string, password: string): Promise<StartedSession> {
      const user = await checkPassword(email, password);
      return startSession(user, user.mustChangePassword === true);
    },

    startSession: (user) => startSession(user),

    async changePassword(email: string, current: string, next: string): Promise<UserRecord> {
      const user = await deps.users.findByEmail(email);
      if (!user?.passwordHash || !(await verifyPassword(current, user.passwordHash)))
        throw new AppError('current_password_wrong', 'The current password is not correct');
      if (next === current) throw new AppError('unprocessable', 'Choose a password other than the current one');
      const updated = await deps.users.update(user.id, {
        passwordHash: await hashPassword(next, cost),
        mustChangePassword: false,
      });
      if (!updated) throw notFound('User', user.id);
      // Whoever signed in with the old password (the admin who reset it, for one) is signed out.
      await deps.sessions.deleteForUser(user.id);
      return updated;
    },

    /** The session behind a cookie value, unless it is unknown, expired or its user was deactivated. */
    async resumeSession(token: string): Promise<ResumedSession | undefined> {
      const tokenHash = hashSecret(token);
      const session = await deps.sessions.find(tokenHash);
      if (!session) return undefined;
      if (session.expiresAt.getTime() <= deps.clock.now().getTime()) {
        await deps.sessions.delete(tokenHash);
        return undefined;
      }
      // The user comes with the session, read in the same query: no cache, so signing out or
      // deactivating the user takes effect on the very next request.
      return hasAccess(session.user, deps.clock.now())
        ? { user: session.user, csrfToken: session.csrfToken, passwordChangeRequired: session.passwordChangeRequired }
        : undefined;
    },

    async logout(token: string): Promise<void> {
      await deps.sessions.delete(hashSecret(token));
    },

    /** The user behind a bearer token, unless it is unknown, expired or its user was deactivated. */
    async authenticateApiToken(token: string): Promise<UserRecord | undefined> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
      const record = await deps.apiTokens.findByHash(hashSecret(token));
      const now = deps.clock.now();
      if (!record || (record.expiresAt && record.expiresAt.getTime() <= now.getTime())) return undefined;
      const user = await activeUser(record.userId);
      if (user && lastUseIsStale(record, now)) await deps.apiTokens.markUsed(record.id, now);
      return user;
    },

    async createApiToken(userId: string, input: ApiTokenCreate): Promise<IssuedApiToken> {
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      const now = deps.clock.now();
      const expiresAt =
        input.expiresInDays === undefined ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);
      const record = await deps.apiTokens.create({
        userId,
        name: input.name,
        tokenHash: hashSecret(token),
        createdAt: now,
        expiresAt,
      });
      return { record, token };
    },

    listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
      return deps.apiTokens.listForUser(userId);
    },

    async revokeApiToken(userId: string, tokenId: string): Promise<void> {
      const deleted = await deps.apiTokens.deleteForUser(tokenId, userId);
      if (!deleted) throw notFound('API token', tokenId);
    },
  };
}
