import type { DisplaySettingsView, RoomDisplaySettingsView } from '../../../shared/schemas/displays';
import { DEFAULT_INSTALLATION_SETTINGS, NO_ROOM_OVERRIDES, settingsForRoom } from '../../domain/displays/settings';
import type { DisplaySettings } from '../../domain/displays/state';
import { notFound } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { DisplaySettingsRepository } from '../../ports/displays';

export interface DisplaySettingsService {
  installation(): Promise<DisplaySettingsView>;
  saveInstallation(settings: DisplaySettingsView): Promise<DisplaySettingsView>;
  /** Throws not_found for an unknown room. */
  room(roomId: string): Promise<RoomDisplaySettingsView>;
  saveRoom(roomId: string, settings: RoomDisplaySettingsView): Promise<RoomDisplaySettingsView>;
  /** What applies to the room's display. */
  settingsFor(roomId: string): Promise<DisplaySettings>;
}

export function createDisplaySettingsService(deps: {
  readonly settings: DisplaySettingsRepository;
  readonly roomExists: (roomId: string) => Promise<boolean>;
  readonly clock: Clock;
}): DisplaySettingsService {
  const installation = async (): Promise<DisplaySettingsView> =>
    (await deps.settings.installation()) ?? DEFAULT_INSTALLATION_SETTINGS;
  return {
    installation,
    async saveInstallation(settings) {
      await deps.settings.saveInstallation(settings, deps.clock.now());
      return installation();
    },
    async room(roomId) {
      const own = await deps.settings.room(roomId);
      if (own) return own;
      if (!(await deps.roomExists(roomId))) throw notFound('Room', roomId);
      return NO_ROOM_OVERRIDES;
    },
    async saveRoom(roomId, settings) {
      if (!(await deps.settings.saveRoom(roomId, settings, deps.clock.now()))) throw notFound('Room', roomId);
      return (await deps.settings.room(roomId)) ?? NO_ROOM_OVERRIDES;
    },
    async settingsFor(roomId) {
      const [all, own] = await Promise.all([installation(), deps.settings.room(roomId)]);
      return settingsForRoom(all, own ?? NO_ROOM_OVERRIDES);
    },
  };
}
