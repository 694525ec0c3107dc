import type { BookNowMinutes, DisplaySettingsView, RoomDisplaySettingsView } from '../../../shared/schemas/displays';
import type { DisplaySettings } from './state';

export const DEFAULT_BOOK_NOW_OPTIONS: readonly BookNowMinutes[] = [15, 30, 60, 'until-next'];
export const DEFAULT_RELEASE_AFTER_MINUTES = 10;

/** The installation's settings before an admin saved any. */
export const DEFAULT_INSTALLATION_SETTINGS: DisplaySettingsView = {
  showSubjects: true,
  showOrganizers: true,
  checkInRequired: false,
  checkInWindowBeforeMinutes: 10,
  checkInWindowAfterMinutes: 10,
  releaseAfterMinutes: DEFAULT_RELEASE_AFTER_MINUTES,
  bookNowOptions: [...DEFAULT_BOOK_NOW_OPTIONS],
};

export const NO_ROOM_OVERRIDES: RoomDisplaySettingsView = {
  showSubjects: null,
  showOrganizers: null,
  checkInRequired: null,
  checkInWindowBeforeMinutes: null,
  checkInWindowAfterMinutes: null,
  releaseAfterMinutes: null,
  bookNowOptions: null,
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
      releaseAfterMinutes: room.releaseAfterMinutes ?? installation.releaseAfterMinutes,
    },
    bookNowOptions: room.bookNowOptions ?? installation.bookNowOptions,
  };
}
