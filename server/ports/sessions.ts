export interface SessionRecord {
  /** SHA-256 of the cookie value; the cookie value itself is never stored. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  find(tokenHash: string): Promise<SessionRecord | undefined>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}
