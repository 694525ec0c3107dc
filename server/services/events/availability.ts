import type { BookingAlternative } from '../../../shared/schemas/bookings';
import type { EventAvailability } from '../../../shared/schemas/events';
import type { Actor } from '../../domain/actor';
import type { Interval } from '../../domain/bookings/alternatives';
import type { BookingRoom } from '../../ports/bookings';
import type { BusySlot, MeetingWriter } from '../../ports/meetingWriter';
import { conflict, type AppError } from '../../domain/errors';
import { alternativesFor, exchangeUnavailable, foreignBusy, localBusy, type OwnMeeting } from '../bookings/checks';
import type { EventServiceDeps } from './types';

/**
 * Before sending: for each occurrence, whether the room is taken (our bookings and Exchange's
 * free/busy) and which attendees are busy (free/busy of every attendee Exchange knows), with
 * alternatives for the room where it is taken.
 */

/** GetUserAvailability answers for a bounded window; longer series are asked for in parts. */
const FREE_BUSY_CHUNK_MS = 42 * 86_400_000;
/** Alternatives are worked out for the first few taken occurrences only: each costs free/busy requests. */
const ALTERNATIVES_FOR = 5;

const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

function chunks(span: Interval): Interval[] {
  const out: Interval[] = [];
  for (let t = span.start.getTime(); t < span.end.getTime(); t += FREE_BUSY_CHUNK_MS)
    out.push({ start: new Date(t), end: new Date(Math.min(span.end.getTime(), t + FREE_BUSY_CHUNK_MS)) });
  return out;
}

export interface AvailabilityRequest {
  readonly actor: Actor;
  readonly room: BookingRoom & { exchangeEmail: string };
  readonly occurrences: readonly Interval[];
  readonly attendees: readonly string[];
  /** An event being moved: its own times (every occurrence of its series) are not conflicts. */
  readonly own?: OwnMeeting;
}

export interface OccurrenceCheck {
  readonly occurrence: Interval;
  readonly roomBusy: boolean;
  readonly busyAttendees: string[];
  readonly alternatives: BookingAlternative[];
}

export async function checkAvailability(
  deps: EventServiceDeps,
  writer: MeetingWriter,
  request: AvailabilityRequest,
): Promise<OccurrenceCheck[]> {
  const { room, occurrences, attendees } = request;
  const first = occurrences[0];
  const last = occurrences[occurrences.length - 1];
  if (!first || !last) return [];
  const span = { start: first.start, end: last.end };
  const roomBusy: Interval[] = [];
  const peopleBusy = new Map<string, BusySlot[]>();
  try {
    for (const part of chunks(span)) {
      const [busy, people] = await Promise.all([
        writer.freeBusy(room.exchangeEmail, part),
        attendees.length > 0 ? writer.peopleBusy(attendees, part) : Promise.resolve(new Map<string, BusySlot[]>()),
      ]);
      roomBusy.push(...busy);
      for (const [email, slots] of people) peopleBusy.set(email, [...(peopleBusy.get(email) ?? []), ...slots]);
    }
  } catch (err) {
    throw exchangeUnavailable(err);
  }
  const local = await localBusy(deps, [room.id], span, request.own);
  const remote = foreignBusy(roomBusy, room.id, request.own);
  const checks: OccurrenceCheck[] = [];
  let withAlternatives = 0;
  for (const occurrence of occurrences) {
    const taken = [...local, ...remote].some((b) => overlaps(b, occurrence));
    const busyAttendees = attendees.filter((email) =>
      (peopleBusy.get(email) ?? []).some((slot) => slot.status !== 'tentative' && overlaps(slot, occurrence)),
    );
    let alternatives: BookingAlternative[] = [];
    if (taken && withAlternatives < ALTERNATIVES_FOR) {
      withAlternatives++;
      alternatives = await alternativesFor(deps, writer, {
        actor: request.actor,
        room,
        slot: occurrence,
        attendees: attendees.length,
        ...(request.own ? { self: request.own } : {}),
      });
    }
    checks.push({ occurrence, roomBusy: taken, busyAttendees, alternatives });
  }
  return checks;
}

export function presentAvailability(checks: readonly OccurrenceCheck[]): EventAvailability {
  return {
    occurrences: checks.length,
    conflicts: checks
      .filter((c) => c.roomBusy || c.busyAttendees.length > 0)
      .map((c) => ({
        start: c.occurrence.start.toISOString(),
        end: c.occurrence.end.toISOString(),
        roomBusy: c.roomBusy,
        busyAttendees: c.busyAttendees,
        alternatives: c.alternatives,
      })),
  };
}

/** 409 naming the occurrences where the room is taken, with alternatives for the first; null when none is. */
export function roomTaken(checks: readonly OccurrenceCheck[]): AppError | null {
  const taken = checks.filter((c) => c.roomBusy);
  if (taken.length === 0) return null;
  return conflict(
    taken.length === 1
      ? 'The room is already booked on one occurrence.'
      : `The room is already booked on ${taken.length} occurrences.`,
    {
      conflicts: taken.map((c) => ({ start: c.occurrence.start.toISOString(), end: c.occurrence.end.toISOString() })),
      alternatives: taken[0]?.alternatives ?? [],
    },
  );
}
