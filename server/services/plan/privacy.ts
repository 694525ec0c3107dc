import type { PrivacySettings } from '../../../shared/schemas/plan';
import { DEFAULT_BOOKING_PRIVACY } from '../../domain/availability/bookingVisibility';
import type { Clock } from '../../ports/clock';
import type { PrivacySettingsRepository } from '../../ports/floorOccupancy';

export interface PrivacySettingsService {
  get(): Promise<PrivacySettings>;
  save(settings: PrivacySettings): Promise<PrivacySettings>;
}

/** GET/PUT /api/admin/privacy-settings: who sees organizer names and subjects, installation-wide. */
export function createPrivacySettingsService(deps: {
  readonly settings: PrivacySettingsRepository;
  readonly clock: Clock;
}): PrivacySettingsService {
  const get = async (): Promise<PrivacySettings> => ({ ...((await deps.settings.get()) ?? DEFAULT_BOOKING_PRIVACY) });
  return {
    get,
    async save(settings) {
      await deps.settings.save(settings, deps.clock.now());
      return get();
    },
  };
}
