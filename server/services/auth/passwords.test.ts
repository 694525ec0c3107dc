import { describe, expect, it } from '@jest/globals';
import { hashPassword, needsRehash, verifyPassword } from './passwords';

const CHEAP = { log2N: 4, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple', CHEAP);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
  });

  it('salts every hash and records its parameters', async () => {
    const a = await hashPassword('same password', CHEAP);
    const b = await hashPassword('same password', CHEAP);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$4\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('same password');
  });

  it('still verifies hashes made with older parameters, and asks for an upgrade', async () => {
    const old = await hashPassword('kept password', CHEAP);
    expect(await verifyPassword('kept password', old)).toBe(true);
    expect(needsRehash(old, { log2N: 5, r: 8, p: 1 })).toBe(true);
    expect(needsRehash(old, CHEAP)).toBe(false);
  });

  it('never matches a malformed or tampered stored hash', async () => {
    const hash = await hashPassword('pw', CHEAP);
    expect(await verifyPassword('pw', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('pw', hash.replace('scrypt$4', 'scrypt$40'))).toBe(false);
    expect(await verifyPassword('pw', `${hash.slice(0, -4)}AAAA`)).toBe(false);
  });
});
