import { describe, expect, it } from '@jest/globals';
import { checkDraft, checkRoomDraft, draftOf, roomDraftOf, toggleChoice } from './settingsDraft';
import { timeLeft } from './useNow';

const SETTINGS = {
  showSubjects: true,
  showOrganizers: false,
  checkInRequired: true,
  checkInWindowBeforeMinutes: 0,
  checkInWindowAfterMinutes: 10,
  releaseAfterMinutes: 10,
  bookNowOptions: [15, 'until-next'] as const,
};

describe('display settings drafts', () => {
  it('keeps book now choices in the display’s order, whatever order they are ticked in', () => {
    expect(toggleChoice(['until-next'], 30, true)).toEqual([30, 'until-next']);
    expect(toggleChoice([15, 30, 60], 15, false)).toEqual([30, 60]);
  });

  it('gives back what it was made from, and refuses minutes out of range or not whole', () => {
    const settings = { ...SETTINGS, bookNowOptions: [...SETTINGS.bookNowOptions] };
    expect(checkDraft(draftOf(settings))).toEqual({ ok: true, value: settings });
    const bad = checkDraft({ ...draftOf(settings), checkInWindowAfterMinutes: '0', releaseAfterMinutes: '2.5' });
    expect(bad.ok ? [] : Object.keys(bad.fields).sort()).toEqual(['checkInWindowAfterMinutes', 'releaseAfterMinutes']);
    expect(checkDraft({ ...draftOf(settings), bookNowOptions: [] }).ok).toBe(false);
  });

  it('turns a room’s empty fields into null (as for all rooms) and keeps its own values', () => {
    const follow = {
      showSubjects: null,
      showOrganizers: null,
      checkInRequired: null,
      checkInWindowBeforeMinutes: null,
      checkInWindowAfterMinutes: null,
      releaseAfterMinutes: null,
      bookNowOptions: null,
    };
    expect(checkRoomDraft(roomDraftOf(follow))).toEqual({ ok: true, value: follow });
    const own = { ...roomDraftOf(follow), showOrganizers: false, releaseAfterMinutes: ' 25 ' };
    expect(checkRoomDraft(own)).toEqual({
      ok: true,
      value: { ...follow, showOrganizers: false, releaseAfterMinutes: 25 },
    });
    expect(checkRoomDraft({ ...own, releaseAfterMinutes: '61' }).ok).toBe(false);
  });
});

describe('the pairing countdown', () => {
  const now = new Date('2026-12-07T08:00:00.000Z');
  it('counts minutes and seconds, rounding a started second up, and ends at null', () => {
    expect(timeLeft('2026-12-07T08:15:00.000Z', now)).toBe('15:00');
    expect(timeLeft('2026-12-07T08:00:09.200Z', now)).toBe('0:10');
    expect(timeLeft('2026-12-07T08:00:00.000Z', now)).toBeNull();
    expect(timeLeft('2026-12-07T07:59:00.000Z', now)).toBeNull();
  });
});
