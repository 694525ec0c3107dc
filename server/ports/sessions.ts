import type { UserRecord } from './users';

export interface SessionRecord {
  /** SHA-256 of the cookie value; the cookie value itself is never stored. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  /** Opened with a password an admin reset: only changing it (and signing out) is allowed. */
  readonly passwordChangeRequired: boolean;
}

/** A session together with its user as they are now, read in one round trip. */
export interface SessionWithUser extends SessionRecord {
  readonly user: UserRecord;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  /** Every signed-in request asks this, so it reads the session and its user in one query. */
  find(tokenHash: string): Promise<SessionWithUser | undefined>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}
