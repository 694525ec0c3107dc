import type { Role } from '../../shared/schemas/users';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  /** After this the account is treated as deactivated (domain/auth/access.ts); null: no end. */
  readonly accessExpiresAt: Date | null;
  readonly createdAt: Date;
}

export interface UserWithPassword extends UserRecord {
  /** null for accounts that cannot sign in with a password. */
  readonly passwordHash: string | null;
  /** An admin reset the password: a sign-in with it must choose another first. */
  readonly mustChangePassword?: boolean;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string | null;
  readonly active: boolean;
}

export interface UserChanges {
  readonly name?: string;
  readonly role?: Role;
  readonly active?: boolean;
  readonly passwordHash?: string;
  readonly mustChangePassword?: boolean;
  readonly accessExpiresAt?: Date | null;
}

export interface UserListFilter {
  readonly offset: number;
  readonly limit: number;
  /** Part of the name or email, case-insensitive. */
  readonly text?: string;
  readonly role?: Role;
}

export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>;
  /** Emails compare case-insensitively. */
  findByEmail(email: string): Promise<UserWithPassword | undefined>;
  list(filter: UserListFilter): Promise<{ items: UserRecord[]; total: number }>;
  /** Throws AppError conflict when the email is taken. */
  create(user: NewUser): Promise<UserRecord>;
  /**
   * Throws AppError unprocessable (details.reason `last-admin`) when the change would leave no
   * active admin; checked under a lock, so two admins demoting each other cannot both succeed.
   */
  update(id: string, changes: UserChanges): Promise<UserRecord | undefined>;
}
