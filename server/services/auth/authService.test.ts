import { performance } from 'node:perf_hooks';
import { describe, expect, it } from '@jest/globals';
import type { ApiTokenRepository } from '../../ports/apiTokens';
import type { SessionRepository } from '../../ports/sessions';
import type { UserRepository, UserWithPassword } from '../../ports/users';
import { createAuthService } from './authService';
import { hashPassword } from './passwords';

/** Heavy enough that one hash clearly outweighs the in-memory lookups around it. */
const COST = { log2N: 12, r: 8, p: 1 };

function serviceWith(user: UserWithPassword) {
  const users: UserRepository = {
    findById: (id) => Promise.resolve(id === user.id ? user : undefined),
    findByEmail: (email) => Promise.resolve(email.toLowerCase() === user.email ? user : undefined),
    list: () => Promise.resolve({ items: [user], total: 1 }),
    create: () => Promise.reject(new Error('not used')),
    update: () => Promise.resolve(user),
  };
  const sessions: SessionRepository = {
    create: () => Promise.resolve(),
    find: () => Promise.resolve(undefined),
    delete: () => Promise.resolve(),
    deleteForUser: () => Promise.resolve(),
    deleteExpired: () => Promise.resolve(0),
  };
  const apiTokens: ApiTokenRepository = {
    create: () => Promise.reject(new Error('not used')),
    listForUser: () => Promise.resolve([]),
    findByHash: () => Promise.resolve(undefined),
    markUsed: () => Promise.resolve(),
    deleteForUser: () => Promise.resolve(false),
  };
  return createAuthService({
    users,
    sessions,
    apiTokens,
    clock: { now: () => new Date() },
    sessionTtlHours: 1,
    passwordCost: COST,
  });
}

async function timeOf(attempt: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await attempt().catch(() => undefined);
  return performance.now() - started;
}

describe('sign-in timing', () => {
  it('spends as much work on an unknown email as on a wrong password', async () => {
    const user: UserWithPassword = {
      id: 'u1',
      email: 'known@example.test',
      name: 'Known',
      role: 'employee',
      active: true,
      accessExpiresAt: null,
      createdAt: new Date(),
      passwordHash: await hashPassword('the real password', COST),
    };
    const auth = serviceWith(user);
    await auth.login('nobody@example.test', 'warm up').catch(() => undefined);
    let known = 0;
    let unknown = 0;
    for (let i = 0; i < 6; i += 1) {
      known += await timeOf(() => auth.login('known@example.test', 'a wrong password'));
      unknown += await timeOf(() => auth.login('nobody@example.test', 'a wrong password'));
    }
    // Without the decoy hash the unknown email would answer in well under a tenth of the time.
    expect(unknown / known).toBeGreaterThan(0.4);
    expect(unknown / known).toBeLessThan(2.5);
  });

  it('gives the same error for an unknown email and a wrong password', async () => {
    const user: UserWithPassword = {
      id: 'u1',
      email: 'known@example.test',
      name: 'Known',
      role: 'employee',
      active: true,
      accessExpiresAt: null,
      createdAt: new Date(),
      passwordHash: await hashPassword('the real password', COST),
    };
    const auth = serviceWith(user);
    const wrong = await auth.login('known@example.test', 'nope').catch((err: unknown) => err);
    const unknown = await auth.login('nobody@example.test', 'nope').catch((err: unknown) => err);
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ code: 'invalid_credentials' });
  });
});
