// @timezone-sensitive: "today" is the room's local day in its building's zone, never the process zone.
import { describe, expect, it } from '@jest/globals';
import {
  checkInRefusal,
  checkInTarget,
  DEFAULT_DISPLAY_SETTINGS,
  HIDDEN_SUBJECT,
  isTaken,
  localDay,
  presentMeeting,
  roomState,
  type DisplaySettings,
  type RoomMeeting,
} from './state';

const ZONE = 'Europe/Berlin';
const ms = (iso: string): number => Date.parse(iso);

function meeting(start: string, end: string, overrides: Partial<RoomMeeting> = {}): RoomMeeting {
  return {
    id: `${start}/${end}`,
    span: { start: ms(start), end: ms(end) },
    subject: 'Sprint review',
    organizerName: 'Olga Organizer',
    isPrivate: false,
    status: 'confirmed',
    checkedIn: false,
    ...overrides,
  };
}

const CHECK_IN: DisplaySettings = {
  ...DEFAULT_DISPLAY_SETTINGS,
  checkIn: { required: true, windowBeforeMinutes: 10, windowAfterMinutes: 10, releaseAfterMinutes: 10 },
};

// 10:00–11:00 local (08:00–09:00Z in May, CEST).
const TEN = meeting('2026-05-04T08:00:00Z', '2026-05-04T09:00:00Z');

describe('the state word', () => {
  it.each<[string, string, readonly RoomMeeting[], DisplaySettings, string, number | null]>([
    ['an empty day', '2026-05-04T06:00:00Z', [], DEFAULT_DISPLAY_SETTINGS, 'free', null],
    ['16 min before a meeting', '2026-05-04T07:44:00Z', [TEN], DEFAULT_DISPLAY_SETTINGS, 'free', 16],
    ['15 min before a meeting', '2026-05-04T07:45:00Z', [TEN], DEFAULT_DISPLAY_SETTINGS, 'starting-soon', 15],
    ['at its start', '2026-05-04T08:00:00Z', [TEN], DEFAULT_DISPLAY_SETTINGS, 'busy', 60],
    ['11 min before its end', '2026-05-04T08:49:00Z', [TEN], DEFAULT_DISPLAY_SETTINGS, 'busy', 11],
    ['10 min before its end', '2026-05-04T08:50:00Z', [TEN], DEFAULT_DISPLAY_SETTINGS, 'ending-soon', 10],
    ['at its end', '2026-05-04T09:00:00Z', [TEN], DEFAULT_DISPLAY_SETTINGS, 'free', null],
    ['check-in window opens 10 min before', '2026-05-04T07:50:00Z', [TEN], CHECK_IN, 'awaiting-check-in', 10],
    ['11 min before, outside the window', '2026-05-04T07:49:00Z', [TEN], CHECK_IN, 'starting-soon', 11],
    ['in the window after the start', '2026-05-04T08:09:59Z', [TEN], CHECK_IN, 'awaiting-check-in', 51],
    ['the window closed', '2026-05-04T08:10:00Z', [TEN], CHECK_IN, 'busy', 50],
    [
      'checked in',
      '2026-05-04T08:05:00Z',
      [meeting('2026-05-04T08:00:00Z', '2026-05-04T09:00:00Z', { checkedIn: true })],
      CHECK_IN,
      'busy',
      55,
    ],
    [
      'back-to-back: busy, the next one not yet in its window',
      '2026-05-04T08:49:00Z',
      [TEN, meeting('2026-05-04T09:00:00Z', '2026-05-04T09:30:00Z')],
      CHECK_IN,
      'busy',
      11,
    ],
    [
      'back-to-back: the next one in its window',
      '2026-05-04T08:55:00Z',
      [TEN, meeting('2026-05-04T09:00:00Z', '2026-05-04T09:30:00Z')],
      CHECK_IN,
      'awaiting-check-in',
      5,
    ],
  ])('%s', (_case, now, meetings, settings, state, minutesLeft) => {
    const result = roomState({ now: ms(now), timeZone: ZONE, meetings, settings });
    expect({ state: result.state, minutesLeft: result.minutesLeft }).toEqual({ state, minutesLeft });
  });

  it('counts a partial minute left as a whole one', () => {
    const result = roomState({
      now: ms('2026-05-04T08:30:30Z'),
      timeZone: ZONE,
      meetings: [TEN],
      settings: DEFAULT_DISPLAY_SETTINGS,
    });
    expect(result.minutesLeft).toBe(30);
  });

  it('offers other rooms only while the room is taken', () => {
    const current = presentMeeting(TEN, DEFAULT_DISPLAY_SETTINGS.privacy);
    expect(isTaken('busy', current)).toBe(true);
    expect(isTaken('ending-soon', current)).toBe(true);
    expect(isTaken('awaiting-check-in', current)).toBe(true);
    expect(isTaken('awaiting-check-in', null)).toBe(false);
    expect(isTaken('free', null)).toBe(false);
  });
});

describe('what the wall shows of a meeting', () => {
  it.each<[string, Partial<RoomMeeting>, DisplaySettings['privacy'], string, string | null]>([
    ['everything shown', {}, { showSubjects: true, showOrganizers: true }, 'Sprint review', 'Olga Organizer'],
    ['subjects hidden', {}, { showSubjects: false, showOrganizers: true }, HIDDEN_SUBJECT, 'Olga Organizer'],
    ['organizers hidden', {}, { showSubjects: true, showOrganizers: false }, 'Sprint review', null],
    ['a private meeting', { isPrivate: true }, { showSubjects: true, showOrganizers: true }, HIDDEN_SUBJECT, null],
    [
      'an empty subject',
      { subject: '  ' },
      { showSubjects: true, showOrganizers: true },
      HIDDEN_SUBJECT,
      'Olga Organizer',
    ],
  ])('%s', (_case, overrides, privacy, title, organizer) => {
    const shown = presentMeeting(meeting('2026-05-04T08:00:00Z', '2026-05-04T09:00:00Z', overrides), privacy);
    expect({ title: shown.title, organizer: shown.organizer }).toEqual({ title, organizer });
    expect(shown.start).toBe('2026-05-04T08:00:00.000Z');
  });

  it('never lets a private subject through, whatever the settings', () => {
    const secret = meeting('2026-05-04T08:00:00Z', '2026-05-04T09:00:00Z', { isPrivate: true, subject: 'Layoffs' });
    const result = roomState({
      now: ms('2026-05-04T07:00:00Z'),
      timeZone: ZONE,
      meetings: [secret],
      settings: DEFAULT_DISPLAY_SETTINGS,
    });
    expect(JSON.stringify(result)).not.toContain('Layoffs');
  });
});

describe('next meetings and today', () => {
  const early = meeting('2026-05-03T22:30:00Z', '2026-05-03T23:00:00Z', { subject: 'Early' }); // 00:30 local, May 4
  const late = meeting('2026-05-04T21:30:00Z', '2026-05-04T22:30:00Z', { subject: 'Late' }); // 23:30 local
  const tomorrow = meeting('2026-05-04T22:00:00Z', '2026-05-04T22:15:00Z', { subject: 'Tomorrow' }); // 00:00 May 5
  const yesterday = meeting('2026-05-03T21:00:00Z', '2026-05-03T21:30:00Z', { subject: 'Yesterday' });

  it("takes today from the building's midnight, not the process's or UTC's", () => {
    expect(localDay(ms('2026-05-04T12:00:00Z'), ZONE)).toEqual({
      start: ms('2026-05-03T22:00:00Z'),
      end: ms('2026-05-04T22:00:00Z'),
    });
    expect(localDay(ms('2026-05-04T12:00:00Z'), 'America/New_York').start).toBe(ms('2026-05-04T04:00:00Z'));
  });

  it('lists the next three meetings after now and every meeting of the local day, by start', () => {
    const extra = [1, 2, 3].map((h) =>
      meeting(`2026-05-04T1${h}:00:00Z`, `2026-05-04T1${h}:30:00Z`, { subject: `Afternoon ${h}` }),
    );
    const result = roomState({
      now: ms('2026-05-04T09:30:00Z'),
      timeZone: ZONE,
      meetings: [tomorrow, late, ...extra, TEN, early, yesterday],
      settings: DEFAULT_DISPLAY_SETTINGS,
    });
    expect(result.next.map((m) => m.title)).toEqual(['Afternoon 1', 'Afternoon 2', 'Afternoon 3']);
    expect(result.today.map((m) => m.title)).toEqual([
      'Early',
      'Sprint review',
      'Afternoon 1',
      'Afternoon 2',
      'Afternoon 3',
      'Late',
    ]);
    expect(result.current).toBeNull();
  });
});

describe('checking in', () => {
  const checkIn = DEFAULT_DISPLAY_SETTINGS.checkIn;
  const second = meeting('2026-05-04T09:00:00Z', '2026-05-04T09:30:00Z');

  it.each<[string, string, string | undefined]>([
    ['11 min before', '2026-05-04T07:49:00Z', undefined],
    ['10 min before', '2026-05-04T07:50:00Z', TEN.id],
    ['9 min 59 s after the start', '2026-05-04T08:09:59Z', TEN.id],
    ['10 min after the start', '2026-05-04T08:10:00Z', undefined],
    ["in the next meeting's window", '2026-05-04T08:55:00Z', second.id],
  ])('%s', (_case, now, expected) => {
    expect(checkInTarget([second, TEN], ms(now), checkIn)?.id).toBe(expected);
  });

  it('checks in to the meeting still waiting, not one in its window that is checked in already', () => {
    const ending = { ...meeting('2026-05-04T07:50:00Z', '2026-05-04T07:58:00Z'), checkedIn: true };
    expect(checkInTarget([ending, TEN], ms('2026-05-04T07:55:00Z'), checkIn)?.id).toBe(TEN.id);
    const both = [ending, { ...TEN, checkedIn: true }];
    expect(checkInTarget(both, ms('2026-05-04T07:55:00Z'), checkIn)?.id).toBe(ending.id);
  });

  it("says the window in the building's wall-clock time", () => {
    expect(checkInRefusal([TEN], ms('2026-05-04T07:00:00Z'), checkIn, ZONE)).toBe(
      'Check-in for the meeting at 10:00 is open from 09:50 to 10:10.',
    );
    expect(checkInRefusal([TEN], ms('2026-05-04T08:30:00Z'), checkIn, ZONE)).toBe(
      'Check-in for the meeting at 10:00 was open from 09:50 to 10:10.',
    );
    expect(checkInRefusal([], ms('2026-05-04T08:30:00Z'), checkIn, ZONE)).toBe(
      'There is no meeting to check in to. Check-in opens 10 minutes before a meeting starts.',
    );
  });
});
