import { PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH } from '../../../shared/schemas/displays';

/** What was typed, without case, spaces or dashes: the form the server compares. */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a typed code can be a pairing code at all (so a typo is named before a round trip). */
export function looksLikePairingCode(typed: string): boolean {
  const code = normalizePairingCode(typed);
  return code.length === PAIRING_CODE_LENGTH && [...code].every((c) => PAIRING_CODE_ALPHABET.includes(c));
}

/** The code as printed on the admin page, `K7QM-XW3P`, for showing back what was typed. */
export function formatPairingCode(typed: string): string {
  const code = normalizePairingCode(typed).slice(0, PAIRING_CODE_LENGTH);
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
