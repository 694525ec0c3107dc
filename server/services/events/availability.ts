import type { BookingAlternative } from '../../../shared/schemas/bookings';
import type { EventAvailability } from '../../../shared/schemas/events';
import type { Actor } from '../../domain/actor';
import type { Interval } from '../../domain/bookings/alternatives';
import type { BookingRoom } from '../../ports/bookings';
import type { BusySlot, MeetingWriter } from '../../ports/meetingWriter';
import { alternativesFor, exchangeUnavailable } from '../bookings/checks';
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
  /** A booking being changed: its own time is not a conflict. */
  readonly exceptBookingId?: string;
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
  const local = await deps.bookings.occupying([room.id], span, request.exceptBookingId);
  const checks: OccurrenceCheck[] = [];
  let withAlternatives = 0;
  for (const occurrence of occurrences) {
    const taken = [...local, ...roomBusy].some((b) => overlaps(b, occurrence));
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
