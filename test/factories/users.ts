import type { Knex } from 'knex';
import type { Role } from '../../shared/schemas/users';
import { hashPassword, type ScryptCost } from '../../server/services/auth/passwords';

/** Cheap enough for hundreds of hashes per test run; production uses DEFAULT_SCRYPT_COST. */
export const TEST_SCRYPT_COST: ScryptCost = { log2N: 4, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';

export interface BuiltUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

let sequence = 0;

export async function buildUser(
  db: Knex,
  overrides: { email?: string; name?: string; role?: Role; password?: string; active?: boolean } = {},
): Promise<BuiltUser> {
  sequence += 1;
  const role = overrides.role ?? 'employee';
  const email = overrides.email ?? `${role}.${sequence}.${Date.now().toString(36)}@example.test`;
  const name = overrides.name ?? `Test ${role} ${sequence}`;
  const password = overrides.password ?? TEST_PASSWORD;
  const [row] = await db('users')
    .insert({
      email,
      name,
      role,
      active: overrides.active ?? true,
      password_hash: await hashPassword(password, TEST_SCRYPT_COST),
    })
    .returning<{ id: string }[]>('id');
  if (!row) throw new Error('insert into users returned no row');
  return { id: row.id, email, name, role, password };
}
