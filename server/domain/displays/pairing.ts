import { PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH } from '../../../shared/schemas/displays';

/** A paired display polls every few seconds; silent for longer than this, it is shown offline. */
export const ONLINE_WINDOW_MS = 2 * 60_000;
/** Writing "last seen" on every poll would be a write every few seconds per display. */
export const LAST_SEEN_RESOLUTION_MS = 30_000;
/** Device tokens carry this prefix so the server knows which table to look them up in. */
export const DEVICE_TOKEN_PREFIX = 'rs_dsp_';

const ALLOWED = new Set(PAIRING_CODE_ALPHABET);

/** A code built from indices into the alphabet (the caller draws them at random). */
export function pairingCodeFrom(indices: readonly number[]): string {
  if (indices.length !== PAIRING_CODE_LENGTH) throw new Error(`a pairing code has ${PAIRING_CODE_LENGTH} characters`);
  return indices
    .map((i) => {
      const c = PAIRING_CODE_ALPHABET[i];
      if (c === undefined) throw new Error(`index ${i} is outside the pairing code alphabet`);
      return c;
    })
    .join('');
}

/** How the code is shown: two groups of four, easier to read out and type. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed, as the stored code: case, spaces and dashes do not matter. Undefined when
 * it cannot be any code (a character outside the alphabet, the wrong length).
 */
export function normalizePairingCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== PAIRING_CODE_LENGTH) return undefined;
  return [...code].every((c) => ALLOWED.has(c)) ? code : undefined;
}

export interface PairingFacts {
  readonly pairedAt: Date | null;
  readonly pairingExpiresAt: Date | null;
}

export type DisplayStatus = 'awaiting-pairing' | 'pairing-expired' | 'paired';

export function displayStatus(display: PairingFacts, now: Date): DisplayStatus {
  if (display.pairedAt !== null) return 'paired';
  if (display.pairingExpiresAt !== null && display.pairingExpiresAt.getTime() > now.getTime())
    return 'awaiting-pairing';
  return 'pairing-expired';
}

export function isOnline(lastSeenAt: Date | null, now: Date): boolean {
  return lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() <= ONLINE_WINDOW_MS;
}

/** Whether this poll should be written as "last seen" (time moved on, or the app was updated). */
export function shouldRecordSeen(
  previous: { readonly lastSeenAt: Date | null; readonly appVersion: string | null },
  now: Date,
  appVersion: string | null,
): boolean {
  if (previous.lastSeenAt === null) return true;
  if (appVersion !== null && appVersion !== previous.appVersion) return true;
  return now.getTime() - previous.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}

/** The app version header as we keep it: printable, short; anything else is not recorded. */
export function cleanAppVersion(header: string | undefined): string | null {
  if (header === undefined) return null;
  const trimmed = header.trim();
  return /^[\w.+-]{1,40}$/.test(trimmed) ? trimmed : null;
}
