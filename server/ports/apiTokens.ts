export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export interface NewApiToken {
  readonly userId: string;
  readonly name: string;
  /** SHA-256 of the secret; the secret itself is never stored. */
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
}

export interface ApiTokenRepository {
  create(token: NewApiToken): Promise<ApiTokenRecord>;
  listForUser(userId: string): Promise<ApiTokenRecord[]>;
  findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  markUsed(id: string, at: Date): Promise<void>;
  /** Returns false when the user has no token with this id. */
  deleteForUser(id: string, userId: string): Promise<boolean>;
}
