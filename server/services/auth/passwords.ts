import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes are self-describing: `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url), so the
 * cost can be raised later and old hashes still verify (and are upgraded at the next sign-in).
 */
export interface ScryptCost {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

/** About 32 MiB and tens of milliseconds per hash on a small server. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PREFIX = 'scrypt';

function deriveKey(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  // Node refuses scrypt above 32 MiB unless told; allow twice what the parameters need.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 2 * 128 * N * cost.r * cost.p + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, cost);
  return [PREFIX, cost.log2N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

const inRange = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

function parseHash(encoded: string): ParsedHash | undefined {
  const [prefix, log2N, r, p, salt, key, ...rest] = encoded.split('$');
  if (prefix !== PREFIX || rest.length > 0 || salt === undefined || key === undefined) return undefined;
  const cost = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  if (!inRange(cost.log2N, 1, 22) || !inRange(cost.r, 1, 64) || !inRange(cost.p, 1, 16)) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed || parsed.key.length !== KEY_LENGTH) return false;
  const candidate = await deriveKey(password, parsed.salt, parsed.cost);
  return timingSafeEqual(candidate, parsed.key);
}

/** True when a stored hash is weaker than the current cost and should be replaced. */
export function needsRehash(encoded: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): boolean {
  const parsed = parseHash(encoded);
  if (!parsed) return true;
  return parsed.cost.log2N < cost.log2N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}
