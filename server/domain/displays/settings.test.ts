import { describe, expect, it } from '@jest/globals';
import { DEFAULT_INSTALLATION_SETTINGS, NO_ROOM_OVERRIDES, settingsForRoom } from './settings';
import { DEFAULT_DISPLAY_SETTINGS } from './state';

describe('display settings of a room', () => {
  it('follows the installation where the room sets nothing', () => {
    expect(settingsForRoom(DEFAULT_INSTALLATION_SETTINGS, NO_ROOM_OVERRIDES)).toEqual(DEFAULT_DISPLAY_SETTINGS);
  });

  it("takes the room's own setting where it has one, even when it is false or 0", () => {
    const installation = { ...DEFAULT_INSTALLATION_SETTINGS, checkInRequired: true, showSubjects: true };
    const room = { ...NO_ROOM_OVERRIDES, checkInRequired: false, showSubjects: false, checkInWindowBeforeMinutes: 0 };
    expect(settingsForRoom(installation, room)).toEqual({
      privacy: { showSubjects: false, showOrganizers: true },
      checkIn: { required: false, windowBeforeMinutes: 0, windowAfterMinutes: 10 },
    });
  });
});
