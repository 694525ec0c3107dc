import type { DisplaySettingsView, RoomDisplaySettingsView } from '../../../shared/schemas/displays';
import type { DisplaySettings } from './state';

/** The installation's settings before an admin saved any. */
export const DEFAULT_INSTALLATION_SETTINGS: DisplaySettingsView = {
  showSubjects: true,
  showOrganizers: true,
  checkInRequired: false,
  checkInWindowBeforeMinutes: 10,
  checkInWindowAfterMinutes: 10,
};

export const NO_ROOM_OVERRIDES: RoomDisplaySettingsView = {
  showSubjects: null,
  showOrganizers: null,
  checkInRequired: null,
  checkInWindowBeforeMinutes: null,
  checkInWindowAfterMinutes: null,
};

/** What applies to one room: its own setting where it has one, else the installation's. */
export function settingsForRoom(installation: DisplaySettingsView, room: RoomDisplaySettingsView): DisplaySettings {
  return {
    privacy: {
      showSubjects: room.showSubjects ?? installation.showSubjects,
      showOrganizers: room.showOrganizers ?? installation.showOrganizers,
    },
    checkIn: {
      required: room.checkInRequired ?? installation.checkInRequired,
      windowBeforeMinutes: room.checkInWindowBeforeMinutes ?? installation.checkInWindowBeforeMinutes,
      windowAfterMinutes: room.checkInWindowAfterMinutes ?? installation.checkInWindowAfterMinutes,
    },
  };
}
