import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createSecretBox, decodeKey, loadOrCreateKey, SecretBoxError } from './secretBox';

const key = (fill: number): Buffer => Buffer.alloc(32, fill);

describe('secret box', () => {
  it('round-trips a secret and never shows the plaintext in the sealed value', () => {
    const box = createSecretBox(key(1));
    const sealed = box.seal('Roomserve-demo-1');
    expect(sealed).not.toContain('Roomserve');
    expect(box.open(sealed)).toBe('Roomserve-demo-1');
    expect(box.seal('Roomserve-demo-1')).not.toBe(sealed);
  });

  it('refuses a value sealed with another key or tampered with', () => {
    const sealed = createSecretBox(key(1)).seal('secret');
    expect(() => createSecretBox(key(2)).open(sealed)).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    const tampered = [parts[0], parts[1], parts[2], Buffer.from('other').toString('base64url')].join('.');
    expect(() => createSecretBox(key(1)).open(tampered)).toThrow(/cannot be decrypted/);
  });

  it('hashes with the key: another key or another purpose gives another hash, the same input the same one', () => {
    const box = createSecretBox(key(1));
    const hash = box.keyedHash('pairing-code', 'K7QMXW3P');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(box.keyedHash('pairing-code', 'K7QMXW3P')).toBe(hash);
    expect(createSecretBox(key(2)).keyedHash('pairing-code', 'K7QMXW3P')).not.toBe(hash);
    expect(box.keyedHash('display-pin', 'K7QMXW3P')).not.toBe(hash);
    // Not the plain SHA-256 an offline search over every code would start from.
    expect(hash).not.toBe(createHash('sha256').update('K7QMXW3P').digest('hex'));
  });

  it('takes a base64 key of 32 bytes only', () => {
    expect(decodeKey(key(3).toString('base64'))).toEqual(key(3));
    expect(() => decodeKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('generates a key file with mode 0600 on first start and reuses it', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'rs-key-')), 'data');
    const first = loadOrCreateKey({ configuredKey: undefined, dataDir });
    expect(first.source).toBe('generated');
    const file = path.join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodeKey(readFileSync(file, 'utf8'))).toEqual(first.key);
    const second = loadOrCreateKey({ configuredKey: undefined, dataDir });
    expect(second).toMatchObject({ source: 'file' });
    expect(second.key).toEqual(first.key);
    expect(loadOrCreateKey({ configuredKey: key(4).toString('base64'), dataDir })).toMatchObject({
      source: 'environment',
      key: key(4),
    });
  });
});
