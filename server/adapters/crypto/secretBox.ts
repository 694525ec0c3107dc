import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * AES-256-GCM for secrets at rest (the Exchange service account's password). A sealed value is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url: the version lets us rotate the format later.
 */

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
export const KEY_FILE_NAME = 'secret.key';

export interface SecretBox {
  seal(plaintext: string): string;
  /** Throws SecretBoxError when the value was sealed with another key or tampered with. */
  open(sealed: string): string;
  /**
   * HMAC-SHA256 of the value under a key derived from the secret key (never the encryption key
   * itself), separated by purpose. For short secrets (pairing codes, PINs): a leaked table cannot
   * be searched offline without the key.
   */
  keyedHash(purpose: string, value: string): string;
}

export class SecretBoxError extends Error {
  constructor(
    readonly code: 'bad_key' | 'bad_ciphertext',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES)
    throw new SecretBoxError('bad_key', `The secret key must be ${KEY_BYTES} bytes, not ${key.length}`);
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'roomserve keyed hash v1', KEY_BYTES));
  return {
    keyedHash(purpose, value) {
      return createHmac('sha256', macKey).update(purpose).update('\0').update(value, 'utf8').digest('hex');
    },
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined)
        throw new SecretBoxError('bad_ciphertext', 'Not a sealed secret');
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'bad_ciphertext',
          'The secret cannot be decrypted with this key (ROOMSERVE_SECRET_KEY changed?)',
        );
      }
    },
  };
}

export function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES)
    throw new SecretBoxError(
      'bad_key',
      `ROOMSERVE_SECRET_KEY must be ${KEY_BYTES} bytes of base64 (openssl rand -base64 32)`,
    );
  return key;
}

/**
 * The key from ROOMSERVE_SECRET_KEY, or else from DATA_DIR/secret.key, generated (mode 0600) on
 * first start. `generated` tells the caller to say so in the log.
 */
export function loadOrCreateKey(options: { readonly configuredKey: string | undefined; readonly dataDir: string }): {
  key: Buffer;
  source: 'environment' | 'file' | 'generated';
  file?: string;
} {
  if (options.configuredKey) return { key: decodeKey(options.configuredKey), source: 'environment' };
  const file = path.join(options.dataDir, KEY_FILE_NAME);
  if (existsSync(file)) return { key: decodeKey(readFileSync(file, 'utf8')), source: 'file', file };
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // 'wx' fails if another instance created it meanwhile; then we read theirs.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return { key: decodeKey(readFileSync(file, 'utf8')), source: 'file', file };
    throw err;
  }
  chmodSync(file, 0o600);
  return { key, source: 'generated', file };
}
