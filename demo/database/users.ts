import type { Knex } from 'knex';
import { hashPassword } from '../../server/services/auth/passwords';
import { DEMO_EXTERNAL_GUEST, DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson } from '../organisation/organisation';

export interface DemoUserRow {
  readonly email: string;
  readonly name: string;
  readonly role: DemoPerson['role'];
  readonly password_hash: string;
}

export function demoAccounts(): DemoPerson[] {
  return [...DEMO_PEOPLE, DEMO_EXTERNAL_GUEST];
}

/**
 * Hashes DEMO_PASSWORD in the format the sign-in code verifies, before the seed's transaction
 * opens. All demo accounts share one hash: per-account salts keep unknown passwords from being
 * attacked together, but this password is published in the README, and one scrypt run instead
 * of twenty-one keeps the seed fast. A password change writes a fresh salt as usual.
 */
export async function prepareDemoUsers(): Promise<DemoUserRow[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return demoAccounts().map((person) => ({
    email: person.email,
    name: person.name,
    role: person.role,
    password_hash: passwordHash,
  }));
}

/** Adds the demo people; an account that already exists (e.g. the initial admin) is left alone. */
export async function seedDemoUsers(trx: Knex.Transaction, users: readonly DemoUserRow[]): Promise<number> {
  const wanted = users.map((u) => u.email.toLowerCase());
  const existing = await trx('users')
    .whereRaw('lower(email) = any(?)', [wanted])
    .select<Array<{ email: string }>>('email');
  const taken = new Set(existing.map((row) => row.email.toLowerCase()));
  const missing = users.filter((u) => !taken.has(u.email.toLowerCase()));
  if (missing.length > 0) await trx('users').insert(missing);
  return missing.length;
}
