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
      checkIn: { required: false, windowBeforeMinutes: 0, windowAfterMinutes: 10, releaseAfterMinutes: 10 },
      bookNowOptions: [15, 30, 60, 'until-next'],
    });
  });

  it("takes the room's own release delay and book-now choices", () => {
    const room = { ...NO_ROOM_OVERRIDES, releaseAfterMinutes: 5, bookNowOptions: [30, 'until-next'] as const };
    const applied = settingsForRoom(DEFAULT_INSTALLATION_SETTINGS, {
      ...room,
      bookNowOptions: [...room.bookNowOptions],
    });
    expect(applied.checkIn.releaseAfterMinutes).toBe(5);
    expect(applied.bookNowOptions).toEqual([30, 'until-next']);
  });
});
