import type { DisplayMeeting, DisplayState, DisplayStateWord } from '../../../shared/schemas/displays';

/**
 * The clock-driven parts of the display, computed on the device's clock from the last state the
 * server sent: the state word, the current meeting, the time left and the next meetings move at
 * minute boundaries (and while offline) without asking the server. The rules mirror the server's
 * (server/domain/displays/state.ts), with the room's check-in window as the state carries it.
 */
export const STARTING_SOON_MINUTES = 15;
export const ENDING_SOON_MINUTES = 10;
export const NEXT_MEETINGS_SHOWN = 3;
const MINUTE = 60_000;

export interface ClockView {
  readonly state: DisplayStateWord;
  readonly current: DisplayMeeting | null;
  readonly minutesLeft: number | null;
  readonly next: readonly DisplayMeeting[];
  /** The room's local day, released meetings included (shown greyed). */
  readonly today: readonly DisplayMeeting[];
  /** Whether the room is taken now (other rooms are offered). */
  readonly taken: boolean;
}

const startOf = (m: DisplayMeeting): number => Date.parse(m.start);
const endOf = (m: DisplayMeeting): number => Date.parse(m.end);

type CheckInWindow = DisplayState['checkInWindow'];

function inCheckInWindow(meeting: DisplayMeeting, now: number, window: CheckInWindow): boolean {
  const start = startOf(meeting);
  return (
    now >= start - window.beforeMinutes * MINUTE && now < Math.min(endOf(meeting), start + window.afterMinutes * MINUTE)
  );
}

function stateWord(
  now: number,
  current: DisplayMeeting | undefined,
  next: DisplayMeeting | undefined,
  checkIn: { readonly required: boolean; readonly window: CheckInWindow },
): DisplayStateWord {
  const awaiting = [current, next].some(
    (m) => m !== undefined && checkIn.required && !m.checkedIn && inCheckInWindow(m, now, checkIn.window),
  );
  if (awaiting) return 'awaiting-check-in';
  if (current) return endOf(current) - now <= ENDING_SOON_MINUTES * MINUTE ? 'ending-soon' : 'busy';
  if (next && startOf(next) - now <= STARTING_SOON_MINUTES * MINUTE) return 'starting-soon';
  return 'free';
}

/** The calendar date of `instant` in `timeZone`, e.g. "2026-12-07". */
export function localDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** The display's view of `state` at `now` (the device's clock). */
export function clockView(state: DisplayState, now: number): ClockView {
  const zone = state.room.timeZone;
  const day = localDate(now, zone);
  const meetings = [...state.today, ...state.next, ...(state.current ? [state.current] : [])]
    .filter((m, i, all) => all.findIndex((o) => o.start === m.start && o.end === m.end) === i)
    .sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b));
  // A released meeting stays on the timeline, greyed, but no longer takes the room.
  const holding = meetings.filter((m) => !m.released);
  const current = holding.find((m) => startOf(m) <= now && now < endOf(m));
  // Tomorrow's meetings are not "next" on today's wall (a time without a day would mislead).
  const upcoming = holding.filter((m) => startOf(m) > now && localDate(startOf(m), zone) === day);
  const next = upcoming[0];
  let minutesLeft: number | null = null;
  if (current) minutesLeft = Math.ceil((endOf(current) - now) / MINUTE);
  else if (next) minutesLeft = Math.ceil((startOf(next) - now) / MINUTE);
  const word = stateWord(now, current, next, { required: state.checkInRequired, window: state.checkInWindow });
  return {
    state: word,
    current: current ?? null,
    minutesLeft,
    next: upcoming.slice(0, NEXT_MEETINGS_SHOWN),
    today: meetings.filter((m) => localDate(startOf(m), zone) === day || localDate(endOf(m) - 1, zone) === day),
    taken: current !== undefined && word !== 'free' && word !== 'starting-soon',
  };
}

/** Milliseconds until the next minute boundary after `now`, when clock-driven parts may change. */
export function msToNextMinute(now: number): number {
  return MINUTE - (now % MINUTE);
}
