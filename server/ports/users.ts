import type { Role } from '../../shared/schemas/users';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  readonly createdAt: Date;
}

export interface UserWithPassword extends UserRecord {
  /** null for accounts that cannot sign in with a password. */
  readonly passwordHash: string | null;
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
}

export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>;
  /** Emails compare case-insensitively. */
  findByEmail(email: string): Promise<UserWithPassword | undefined>;
  list(page: { readonly offset: number; readonly limit: number }): Promise<{ items: UserRecord[]; total: number }>;
  /** Throws AppError conflict when the email is taken. */
  create(user: NewUser): Promise<UserRecord>;
  update(id: string, changes: UserChanges): Promise<UserRecord | undefined>;
}
