import { describe, expect, it } from '@jest/globals';
import { PAIRING_CODE_ALPHABET } from '../../../shared/schemas/displays';
import {
  cleanAppVersion,
  displayStatus,
  formatPairingCode,
  isOnline,
  normalizePairingCode,
  pairingCodeFrom,
  shouldRecordSeen,
} from './pairing';

const at = (iso: string): Date => new Date(iso);

describe('pairing codes', () => {
  it('leaves out characters people confuse', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(PAIRING_CODE_ALPHABET).not.toContain(c);
  });

  it('builds a code from alphabet indices and refuses the wrong length or an index outside', () => {
    expect(pairingCodeFrom([0, 1, 2, 3, 4, 5, 6, 7])).toBe('ABCDEFGH');
    expect(() => pairingCodeFrom([0, 1, 2])).toThrow();
    expect(() => pairingCodeFrom([0, 1, 2, 3, 4, 5, 6, PAIRING_CODE_ALPHABET.length])).toThrow();
  });

  it.each([
    ['K7QM-XW3P', 'K7QMXW3P'],
    ['k7qmxw3p', 'K7QMXW3P'],
    [' k7qm xw3p ', 'K7QMXW3P'],
    ['K7QM-XW3', undefined],
    ['K7QM-XW3PA', undefined],
    ['K0QM-XW3P', undefined],
    ['K7QM_XW3P', undefined],
    ['', undefined],
  ])('reads %j as %j', (typed, expected) => {
    expect(normalizePairingCode(typed)).toBe(expected);
  });

  it('shows a code as two groups of four', () => {
    expect(formatPairingCode('K7QMXW3P')).toBe('K7QM-XW3P');
  });
});

describe('display status and presence', () => {
  const now = at('2026-05-04T08:00:00Z');
  it.each([
    [{ pairedAt: at('2026-05-04T07:00:00Z'), pairingExpiresAt: null }, 'paired'],
    [{ pairedAt: null, pairingExpiresAt: at('2026-05-04T08:00:01Z') }, 'awaiting-pairing'],
    [{ pairedAt: null, pairingExpiresAt: at('2026-05-04T08:00:00Z') }, 'pairing-expired'],
    [{ pairedAt: null, pairingExpiresAt: null }, 'pairing-expired'],
  ] as const)('%j is %s', (facts, status) => {
    expect(displayStatus(facts, now)).toBe(status);
  });

  it('is online when seen in the last two minutes', () => {
    expect(isOnline(null, now)).toBe(false);
    expect(isOnline(at('2026-05-04T07:58:00Z'), now)).toBe(true);
    expect(isOnline(at('2026-05-04T07:57:59Z'), now)).toBe(false);
  });

  it('records a poll when first seen, every 30 seconds, and when the app version changes', () => {
    expect(shouldRecordSeen({ lastSeenAt: null, appVersion: null }, now, null)).toBe(true);
    const seen = { lastSeenAt: at('2026-05-04T07:59:40Z'), appVersion: '1.2.0' };
    expect(shouldRecordSeen(seen, now, '1.2.0')).toBe(false);
    expect(shouldRecordSeen(seen, now, null)).toBe(false);
    expect(shouldRecordSeen(seen, now, '1.3.0')).toBe(true);
    expect(shouldRecordSeen({ ...seen, lastSeenAt: at('2026-05-04T07:59:30Z') }, now, '1.2.0')).toBe(true);
  });

  it('keeps only a short printable app version', () => {
    expect(cleanAppVersion(' 1.4.2+abc ')).toBe('1.4.2+abc');
    expect(cleanAppVersion(undefined)).toBeNull();
    expect(cleanAppVersion('<script>')).toBeNull();
    expect(cleanAppVersion('x'.repeat(41))).toBeNull();
  });
});
