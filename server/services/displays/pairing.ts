import { randomInt } from 'node:crypto';
import {
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  PAIRING_CODE_TTL_MINUTES,
  type Display,
} from '../../../shared/schemas/displays';
import type { Actor } from '../../domain/actor';
import {
  DEVICE_TOKEN_PREFIX,
  cleanAppVersion,
  displayStatus,
  formatPairingCode,
  isOnline,
  normalizePairingCode,
  pairingCodeFrom,
  shouldRecordSeen,
} from '../../domain/displays/pairing';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import { AppError, notFound } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { DisplayRecord, DisplayRepository } from '../../ports/displays';
import { hashSecret, newSecret } from '../auth/secrets';

export interface DisplayPairingDeps {
  readonly displays: DisplayRepository;
  readonly clock: Clock;
  /** The address tablets open, e.g. https://rooms.example.com (no trailing slash). */
  readonly publicUrl: string;
  /**
   * The keyed hash (HMAC under the installation's secret key) stored for a pairing code: a code has
   * about 8.5 × 10^11 values, few enough to search a plain hash of a leaked table within its 15 minutes.
   */
  readonly hashPairingCode: (code: string) => string;
}

export interface CreatedDisplay {
  readonly id: string;
  readonly pairingCode: string;
  readonly pairingUrl: string;
  readonly expiresAt: string;
}

export interface DisplayPairingService {
  create(roomId: string, actor: Actor): Promise<CreatedDisplay>;
  list(): Promise<Display[]>;
  revoke(id: string): Promise<void>;
  pair(typedCode: string): Promise<{ token: string; roomId: string }>;
  /** The display holding this device token, recording that it was seen; undefined when unknown or revoked. */
  authenticate(token: string, appVersionHeader: string | undefined): Promise<DisplayPrincipal | undefined>;
}

const newPairingCode = (): string =>
  pairingCodeFrom(Array.from({ length: PAIRING_CODE_LENGTH }, () => randomInt(PAIRING_CODE_ALPHABET.length)));

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

function present(record: DisplayRecord, now: Date): Display {
  const status = displayStatus(record, now);
  return {
    id: record.id,
    roomId: record.roomId,
    roomName: record.roomName,
    status,
    online: status === 'paired' && isOnline(record.lastSeenAt, now),
    lastSeenAt: iso(record.lastSeenAt),
    appVersion: record.appVersion,
    createdAt: record.createdAt.toISOString(),
    pairedAt: iso(record.pairedAt),
    pairingExpiresAt: status === 'paired' ? null : iso(record.pairingExpiresAt),
    pinSet: record.pinSet,
  };
}

const WRONG_CODE = 'The pairing code is wrong, expired or already used. Ask an admin for a new one.';

export function createDisplayPairingService(deps: DisplayPairingDeps): DisplayPairingService {
  const { displays, clock } = deps;
  return {
    async create(roomId, actor) {
      const now = clock.now();
      const code = newPairingCode();
      const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MINUTES * 60_000);
      const created = await displays.create({
        roomId,
        createdBy: actor.userId,
        pairingCodeHash: deps.hashPairingCode(code),
        pairingExpiresAt: expiresAt,
        createdAt: now,
      });
      if (!created) throw notFound('Room', roomId);
      const shown = formatPairingCode(code);
      return {
        id: created.id,
        pairingCode: shown,
        pairingUrl: `${deps.publicUrl}/display?code=${shown}`,
        expiresAt: expiresAt.toISOString(),
      };
    },
    async list() {
      const now = clock.now();
      return (await displays.list()).map((record) => present(record, now));
    },
    async revoke(id) {
      if (!(await displays.revoke(id, clock.now()))) throw notFound('Display', id);
    },
    async pair(typedCode) {
      const code = normalizePairingCode(typedCode);
      if (code === undefined) throw new AppError('unprocessable', WRONG_CODE);
      const token = `${DEVICE_TOKEN_PREFIX}${newSecret()}`;
      // The device token is 256 random bits: a plain SHA-256 of it cannot be searched, so it needs no key.
      const paired = await displays.pair(deps.hashPairingCode(code), hashSecret(token), clock.now());
      if (!paired) throw new AppError('unprocessable', WRONG_CODE);
      return { token, roomId: paired.roomId };
    },
    async authenticate(token, appVersionHeader) {
      const device = await displays.findByTokenHash(hashSecret(token));
      if (!device) return undefined;
      const now = clock.now();
      const appVersion = cleanAppVersion(appVersionHeader);
      if (shouldRecordSeen(device, now, appVersion)) await displays.markSeen(device.displayId, now, appVersion);
      return { displayId: device.displayId, roomId: device.roomId };
    },
  };
}
