import type { DisplayPrincipal } from '../../domain/displays/principal';
import { AppError, notFound } from '../../domain/errors';
import type { DisplayRepository } from '../../ports/displays';
import type { RoomChanges } from '../../ports/roomChanges';
import { secretsEqual } from '../auth/secrets';

export interface DisplayPinDeps {
  readonly displays: Pick<DisplayRepository, 'setPinHash' | 'pinHashOf'>;
  /** HMAC under the installation's secret key: 10^4 to 10^8 PINs are searched in no time without a key. */
  readonly keyedHash: (purpose: string, value: string) => string;
  readonly changes: Pick<RoomChanges, 'publish'>;
}

export interface DisplayPinService {
  /** Sets (digits) or removes (null) the PIN; not_found for an unknown or revoked display. */
  setPin(displayId: string, pin: string | null): Promise<void>;
  /** Throws display_pin_required or display_pin_wrong unless the display has no PIN or `sent` is it. */
  check(display: DisplayPrincipal, sent: string | undefined): Promise<void>;
  required(displayId: string): Promise<boolean>;
}

export function createDisplayPinService(deps: DisplayPinDeps): DisplayPinService {
  // Bound to the display, so one PIN used on two displays does not show as one hash twice.
  const hashOf = (displayId: string, pin: string): string => deps.keyedHash('display-pin', `${displayId}:${pin}`);
  return {
    async setPin(displayId, pin) {
      const saved = await deps.displays.setPinHash(displayId, pin === null ? null : hashOf(displayId, pin));
      if (!saved) throw notFound('Display', displayId);
      // The display's stream shows pinRequired at once.
      await deps.changes.publish({ kind: 'display', displayId });
    },
    async check(display, sent) {
      const stored = await deps.displays.pinHashOf(display.displayId);
      if (stored === null || stored === undefined) return;
      if (sent === undefined || sent === '')
        throw new AppError('display_pin_required', 'This display needs its PIN for that (header X-Display-Pin)');
      if (!secretsEqual(hashOf(display.displayId, sent), stored))
        throw new AppError('display_pin_wrong', 'The PIN is wrong');
    },
    async required(displayId) {
      return typeof (await deps.displays.pinHashOf(displayId)) === 'string';
    },
  };
}
