import { DateTime } from 'luxon';
import type { PlanMeeting, PlanNextMeeting, PlanState } from '../../../shared/schemas/plan';
import { visibleDetails, type BookingDetails, type BookingPrivacy } from '../availability/bookingVisibility';
import type { Interval } from '../availability/interval';
import type { Actor } from '../actor';
import {
  ENDING_SOON_MINUTES,
  STARTING_SOON_MINUTES,
  stateWordAt,
  type CheckInSettings,
  type RoomMeeting,
} from '../displays/state';

/** A booking of the room as the plan sees it: its details for the privacy rules and its check-in facts. */
export interface OccupancyMeeting extends BookingDetails {
  readonly id: string;
  readonly span: Interval;
  readonly status: 'pending' | 'confirmed';
  readonly checkedIn: boolean;
  /** Released because nobody checked in: it no longer holds the room. */
  readonly released: boolean;
}

/** What decides a room's state: no reader, no privacy; the displays' nearest free rooms use it too. */
export interface OccupancyFacts {
  readonly at: number;
  /** Inactive, or not open to this reader: drawn as "not bookable" (who holds it is still shown). */
  readonly bookable: boolean;
  readonly checkIn: CheckInSettings;
  /** The room's bookings around `at` (at least until the next meetings), any order. */
  readonly meetings: readonly OccupancyMeeting[];
}

export interface OccupancyInput extends OccupancyFacts {
  readonly reader: Actor;
  readonly privacy: BookingPrivacy;
}

/** A room's state at an instant, with its meetings unredacted (for the service, never for a reader). */
export interface OccupancyState {
  readonly state: PlanState;
  /** The meeting holding the room, or the released one a released room shows. */
  readonly current: OccupancyMeeting | undefined;
  /** The meetings holding it later, in order. */
  readonly upcoming: readonly OccupancyMeeting[];
}

export interface RoomOccupancy {
  readonly state: PlanState;
  readonly current: PlanMeeting | null;
  readonly next: PlanNextMeeting[];
}

export const NEXT_MEETINGS_LISTED = 3;
/** How far ahead the plan looks: today and the next 7 days, in the building's zone. */
export const HORIZON_DAYS = 7;
const MINUTE = 60_000;

/** When the meeting is and who has it, as `reader` may see it, through the one rule of who sees what. */
function seenMeeting(
  meeting: OccupancyMeeting,
  reader: Actor,
  privacy: BookingPrivacy,
): { readonly shown: PlanNextMeeting; readonly organizerSeen: boolean } {
  const seen = visibleDetails(reader, meeting, privacy);
  const organizer = seen.organizer?.name.trim() ?? '';
  return {
    shown: {
      start: new Date(meeting.span.start).toISOString(),
      end: new Date(meeting.span.end).toISOString(),
      organizer: organizer === '' ? null : organizer,
      subject: seen.subjectShown && meeting.subject.trim() !== '' ? seen.subject : null,
    },
    organizerSeen: seen.organizer !== null,
  };
}

/** A later meeting as `reader` may see it. */
export const planNextMeeting = (meeting: OccupancyMeeting, reader: Actor, privacy: BookingPrivacy): PlanNextMeeting =>
  seenMeeting(meeting, reader, privacy).shown;

/** The meeting holding the room as `reader` may see it, with its attendee count and status. */
export function planMeeting(meeting: OccupancyMeeting, reader: Actor, privacy: BookingPrivacy): PlanMeeting {
  const { shown, organizerSeen } = seenMeeting(meeting, reader, privacy);
  return {
    ...shown,
    attendeeCount: reader.role === 'external' && !organizerSeen ? null : meeting.attendees.length,
    status: meeting.status,
  };
}

const asRoomMeeting = (m: OccupancyMeeting): RoomMeeting => ({
  id: m.id,
  span: m.span,
  subject: m.subject,
  organizerName: m.organizer.name,
  isPrivate: m.isPrivate,
  status: m.status,
  checkedIn: m.checkedIn,
  released: m.released,
});

const spans = (m: OccupancyMeeting, at: number): boolean => m.span.start <= at && at < m.span.end;

/**
 * The room's state on the plan at `at`: the displays' state word (free, starting soon, busy,
 * ending soon, awaiting check-in; domain/displays/state.ts), refined by the check-in facts into
 * "checked in" and "released", and "not bookable" for a room the reader cannot book.
 */
export function occupancyState(facts: OccupancyFacts): OccupancyState {
  const { at } = facts;
  const sorted = [...facts.meetings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const holding = sorted.filter((m) => !m.released);
  const current = holding.find((m) => spans(m, at));
  const releasedNow = sorted.find((m) => m.released && spans(m, at));
  const word = stateWordAt(at, sorted.map(asRoomMeeting), facts.checkIn);
  let state: PlanState = word;
  if (!facts.bookable) state = 'not-bookable';
  else if (word === 'busy' && current?.checkedIn === true) state = 'checked-in';
  else if ((word === 'free' || word === 'starting-soon') && releasedNow) state = 'released';
  return {
    state,
    current: current ?? (state === 'released' ? releasedNow : undefined),
    upcoming: holding.filter((m) => m.span.start > at),
  };
}

/** The room's state at `at` with the meeting holding it and the next ones, redacted for the reader. */
export function roomOccupancy(input: OccupancyInput): RoomOccupancy {
  const { reader, privacy } = input;
  const { state, current, upcoming } = occupancyState(input);
  return {
    state,
    current: current ? planMeeting(current, reader, privacy) : null,
    next: upcoming.slice(0, NEXT_MEETINGS_LISTED).map((m) => planNextMeeting(m, reader, privacy)),
  };
}

/**
 * The first instant after `at` at which the room's state, its holder or its next meetings may
 * differ from those at `at` (Infinity: never): its meetings' starts and ends and the state rules'
 * thresholds around them (starting soon, the check-in window, ending soon). An answer built at
 * `at` holds until then, unless the meetings themselves change.
 */
export function nextStateChange(at: number, meetings: readonly OccupancyMeeting[], checkIn: CheckInSettings): number {
  let next = Infinity;
  for (const { span } of meetings) {
    const edges = [
      span.start - STARTING_SOON_MINUTES * MINUTE,
      span.start - checkIn.windowBeforeMinutes * MINUTE,
      span.start,
      span.start + checkIn.windowAfterMinutes * MINUTE,
      span.end - ENDING_SOON_MINUTES * MINUTE,
      span.end,
    ];
    for (const edge of edges) if (edge > at && edge < next) next = edge;
  }
  return next;
}

const FREE_STATES: ReadonlySet<PlanState> = new Set(['free', 'starting-soon', 'released']);

/**
 * Free by the plan's rule at `at` and for `minutes` after it: bookable, nothing holding it, and
 * nothing starting before then. What the displays offer as the nearest free rooms.
 */
export const freeFor = (occupancy: OccupancyState, at: number, minutes: number): boolean =>
  FREE_STATES.has(occupancy.state) && (occupancy.upcoming[0]?.span.start ?? Infinity) >= at + minutes * MINUTE;

/** From the start of today to the end of the 7th day after it, in the building's zone. */
export function occupancyHorizon(now: number, timeZone: string): Interval {
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  return { start: today.toMillis(), end: today.plus({ days: HORIZON_DAYS + 1 }).toMillis() };
}

/** The horizon in words, for the 400 answer to an `at` outside it. */
export function describeHorizon(horizon: Interval, timeZone: string): string {
  const day = (ms: number): string => DateTime.fromMillis(ms, { zone: timeZone }).toFormat('ccc d LLL yyyy HH:mm');
  return `The plan shows today and the next ${HORIZON_DAYS} days: from ${day(horizon.start)} to ${day(horizon.end)} (${timeZone}).`;
}
