import { DateTime } from 'luxon';
import type { BookNowMinutes, DisplayMeeting, DisplayStateWord } from '../../../shared/schemas/displays';
import type { Interval } from '../availability/interval';

/** A booking of the display's room as the state rules see it. */
export interface RoomMeeting {
  /** The booking's id. */
  readonly id: string;
  readonly span: Interval;
  readonly subject: string;
  readonly organizerName: string | null;
  readonly isPrivate: boolean;
  readonly status: 'pending' | 'confirmed';
  readonly checkedIn: boolean;
  /** The room released it (nobody checked in): shown, but it no longer holds the room. */
  readonly released?: boolean;
}

export interface DisplayPrivacy {
  readonly showSubjects: boolean;
  readonly showOrganizers: boolean;
}

export interface CheckInSettings {
  readonly required: boolean;
  /** The window around a meeting's start in which people check in. */
  readonly windowBeforeMinutes: number;
  readonly windowAfterMinutes: number;
  /** Minutes after the start without a check-in before the room releases the meeting. */
  readonly releaseAfterMinutes: number;
}

export interface DisplaySettings {
  readonly privacy: DisplayPrivacy;
  readonly checkIn: CheckInSettings;
  /** What "book now" offers when it fits. */
  readonly bookNowOptions: readonly BookNowMinutes[];
}

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = {
  privacy: { showSubjects: true, showOrganizers: true },
  checkIn: { required: false, windowBeforeMinutes: 10, windowAfterMinutes: 10, releaseAfterMinutes: 10 },
  bookNowOptions: [15, 30, 60, 'until-next'],
};

export const STARTING_SOON_MINUTES = 15;
export const ENDING_SOON_MINUTES = 10;
export const NEXT_MEETINGS_SHOWN = 3;
/** What a hidden subject reads as on the wall. */
export const HIDDEN_SUBJECT = 'Booked';

const MINUTE = 60_000;

export interface RoomStateInput {
  readonly now: number;
  readonly timeZone: string;
  /** The room's pending and confirmed bookings around now (at least its local day), any order. */
  readonly meetings: readonly RoomMeeting[];
  readonly settings: DisplaySettings;
}

export interface RoomState {
  readonly state: DisplayStateWord;
  readonly current: DisplayMeeting | null;
  readonly minutesLeft: number | null;
  readonly next: DisplayMeeting[];
  readonly today: DisplayMeeting[];
}

/** What the wall may show of a meeting: never a private meeting's subject or organizer. */
export function presentMeeting(meeting: RoomMeeting, privacy: DisplayPrivacy): DisplayMeeting {
  const showSubject = privacy.showSubjects && !meeting.isPrivate && meeting.subject.trim() !== '';
  const showOrganizer = privacy.showOrganizers && !meeting.isPrivate;
  return {
    start: new Date(meeting.span.start).toISOString(),
    end: new Date(meeting.span.end).toISOString(),
    title: showSubject ? meeting.subject : HIDDEN_SUBJECT,
    organizer: showOrganizer ? meeting.organizerName : null,
    status: meeting.status,
    checkedIn: meeting.checkedIn,
    released: meeting.released === true,
  };
}

/** The room's local day around `now`, in epoch milliseconds. */
export function localDay(now: number, timeZone: string): Interval {
  const start = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}

export function inCheckInWindow(meeting: RoomMeeting, now: number, checkIn: CheckInSettings): boolean {
  return (
    now >= meeting.span.start - checkIn.windowBeforeMinutes * MINUTE &&
    now < Math.min(meeting.span.end, meeting.span.start + checkIn.windowAfterMinutes * MINUTE)
  );
}

const minutesUntil = (from: number, to: number): number => Math.ceil((to - from) / MINUTE);

function stateWord(
  now: number,
  current: RoomMeeting | undefined,
  next: RoomMeeting | undefined,
  checkIn: CheckInSettings,
): DisplayStateWord {
  const awaiting = [current, next].find(
    (m): m is RoomMeeting => m !== undefined && !m.checkedIn && checkIn.required && inCheckInWindow(m, now, checkIn),
  );
  if (awaiting) return 'awaiting-check-in';
  if (current) return current.span.end - now <= ENDING_SOON_MINUTES * MINUTE ? 'ending-soon' : 'busy';
  if (next && next.span.start - now <= STARTING_SOON_MINUTES * MINUTE) return 'starting-soon';
  return 'free';
}

const byStart = (a: RoomMeeting, b: RoomMeeting): number => a.span.start - b.span.start || a.span.end - b.span.end;

/**
 * The state word alone, for a room's meetings in start order: the one rule the displays, the
 * live plan and the displays' nearest free rooms share. No calendar arithmetic, so a floor of
 * 200 rooms costs 200 array scans.
 */
export function stateWordAt(
  now: number,
  sortedMeetings: readonly RoomMeeting[],
  checkIn: CheckInSettings,
): DisplayStateWord {
  // A released meeting stays on the timeline but no longer holds the room.
  const holding = sortedMeetings.filter((m) => m.released !== true);
  const current = holding.find((m) => m.span.start <= now && now < m.span.end);
  return stateWord(
    now,
    current,
    holding.find((m) => m.span.start > now),
    checkIn,
  );
}

/** The display's state word, current meeting, time left, next meetings and today's timeline. */
export function roomState(input: RoomStateInput): RoomState {
  const { now, settings } = input;
  const meetings = [...input.meetings].sort(byStart);
  const holding = meetings.filter((m) => m.released !== true);
  const current = holding.find((m) => m.span.start <= now && now < m.span.end);
  const upcoming = holding.filter((m) => m.span.start > now);
  const next = upcoming[0];
  const day = localDay(now, input.timeZone);
  const show = (m: RoomMeeting): DisplayMeeting => presentMeeting(m, settings.privacy);
  let minutesLeft: number | null = null;
  if (current) minutesLeft = minutesUntil(now, current.span.end);
  else if (next) minutesLeft = minutesUntil(now, next.span.start);
  return {
    state: stateWordAt(now, meetings, settings.checkIn),
    current: current ? show(current) : null,
    minutesLeft,
    next: upcoming.slice(0, NEXT_MEETINGS_SHOWN).map(show),
    today: meetings.filter((m) => m.span.start < day.end && m.span.end > day.start).map(show),
  };
}

/** Whether the room is taken now, so the display offers other rooms. */
export const isTaken = (state: DisplayStateWord, current: DisplayMeeting | null): boolean =>
  current !== null && state !== 'free' && state !== 'starting-soon';

/**
 * The meeting whose check-in window holds `now`: the first one still waiting for a check-in (a
 * meeting ending as the next begins must not take the next one's check-in), else the first one,
 * already checked in; undefined when none.
 */
export function checkInTarget(
  meetings: readonly RoomMeeting[],
  now: number,
  checkIn: CheckInSettings,
): RoomMeeting | undefined {
  const open = [...meetings]
    .filter((m) => m.released !== true)
    .sort((a, b) => a.span.start - b.span.start)
    .filter((m) => inCheckInWindow(m, now, checkIn));
  return open.find((m) => !m.checkedIn) ?? open[0];
}

/** Why a check-in is refused now, with the window in the room's wall-clock time. */
export function checkInRefusal(
  meetings: readonly RoomMeeting[],
  now: number,
  checkIn: CheckInSettings,
  timeZone: string,
): string {
  const clock = (ms: number): string => DateTime.fromMillis(ms, { zone: timeZone }).toFormat('HH:mm');
  const window = (m: RoomMeeting): string =>
    `from ${clock(m.span.start - checkIn.windowBeforeMinutes * MINUTE)} to ${clock(
      Math.min(m.span.end, m.span.start + checkIn.windowAfterMinutes * MINUTE),
    )}`;
  const sorted = [...meetings].sort((a, b) => a.span.start - b.span.start);
  const upcoming = sorted.find((m) => m.span.start > now);
  const current = sorted.find((m) => m.span.start <= now && now < m.span.end);
  if (current) return `Check-in for the meeting at ${clock(current.span.start)} was open ${window(current)}.`;
  if (upcoming) return `Check-in for the meeting at ${clock(upcoming.span.start)} is open ${window(upcoming)}.`;
  return `There is no meeting to check in to. Check-in opens ${checkIn.windowBeforeMinutes} minutes before a meeting starts.`;
}
