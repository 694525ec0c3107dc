import { describe, expect, it } from '@jest/globals';
import { formatPairingCode, looksLikePairingCode, normalizePairingCode } from './pairingCode';

describe('a typed pairing code', () => {
  it.each([
    ['K7QM-XW3P', 'K7QMXW3P', true],
    ['k7qm xw3p', 'K7QMXW3P', true],
    [' k7QM-xw3p ', 'K7QMXW3P', true],
    ['K7QM-XW3', 'K7QMXW3', false],
    ['K7QM-XW30', 'K7QMXW30', false], // no 0 in the alphabet
    ['K7QM-XW3PP', 'K7QMXW3PP', false],
  ])('%j is %j (a code: %s)', (typed, normalized, valid) => {
    expect(normalizePairingCode(typed)).toBe(normalized);
    expect(looksLikePairingCode(typed)).toBe(valid);
  });

  it('is shown back with the dash', () => {
    expect(formatPairingCode('k7qmxw3p')).toBe('K7QM-XW3P');
    expect(formatPairingCode('k7q')).toBe('K7Q');
  });
});
