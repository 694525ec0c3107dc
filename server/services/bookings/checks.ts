import { toIsoInterval } from '../../domain/availability/interval';
import { DEFAULT_BOOKING_PRIVACY, holderOf } from '../../domain/availability/bookingVisibility';
import type { BookingConflict } from '../../../shared/schemas/bookings';
import type { Actor } from '../../domain/actor';
import { suggestAlternatives, type CandidateRoom, type Interval } from '../../domain/bookings/alternatives';
import { distinctConflicts } from '../../domain/bookings/conflicts';
import { checkBookingRules, type RuleBreach, type RuleViolation } from '../../domain/bookings/rules';
import { AppError, conflict, invalid, notFound, unprocessable } from '../../domain/errors';
import type { BookingRoom } from '../../ports/bookings';
import { GatewayError } from '../../ports/calendarGateway';
import type { MeetingWriter } from '../../ports/meetingWriter';
import type { BookingServiceDeps } from './types';

/** The checks every booking and change goes through: room, rules, then who else holds the slot. */

const HOUR_MS = 3_600_000;
/** How far around the request the same room's nearest free slot is looked for. */
const SLOT_SEARCH_MS = 48 * HOUR_MS;

export function exchangeUnavailable(err: unknown): AppError {
  const detail = err instanceof GatewayError ? err.message : 'no answer';
  return new AppError('unavailable', `Exchange cannot be reached, so nothing was booked or changed: ${detail}`);
}

export async function requireWriter(deps: BookingServiceDeps): Promise<MeetingWriter> {
  const writer = await deps.writer();
  if (!writer)
    throw new AppError('unavailable', 'No Exchange connection is configured, so rooms cannot be booked yet.');
  return writer;
}

export async function bookableRoom(
  deps: BookingServiceDeps,
  roomId: string,
): Promise<BookingRoom & { exchangeEmail: string }> {
  const room = await deps.bookings.room(roomId);
  if (!room) throw notFound('Room', roomId);
  const email = room.exchangeEmail;
  if (email === null)
    throw unprocessable('This room is not connected to Exchange, so it cannot be booked in Roomserve.', {
      violation: 'room-not-connected',
    });
  return { ...room, exchangeEmail: email };
}

function toError(breach: RuleBreach, all: readonly RuleBreach[]): AppError {
  const details = { violations: all.map((b) => b.violation) };
  if (breach.violation === 'start-not-before-end') return invalid(breach.message, details);
  if (
    breach.violation === 'role-not-allowed' ||
    breach.violation === 'installation-read-only' ||
    breach.violation === 'room-read-only'
  )
    return new AppError('forbidden', breach.message, details);
  return unprocessable(breach.message, details);
}

export async function enforceRules(
  deps: BookingServiceDeps,
  actor: Actor,
  room: BookingRoom,
  slot: Interval,
  /** Rules that do not apply (a display books from now and changes meetings under way). */
  waived: readonly RuleViolation[] = [],
): Promise<void> {
  const settings = await deps.bookings.settings();
  const breaches = checkBookingRules(slot, room, {
    role: actor.role,
    now: deps.clock.now(),
    installationReadOnly: settings.readOnly,
  }).filter((b) => !waived.includes(b.violation));
  const first = breaches[0];
  if (first) throw toError(first, breaches);
}

/** Busy times of the room in Exchange (free/busy), as our intervals; Exchange down → 503. */
export async function exchangeBusy(writer: MeetingWriter, roomEmail: string, window: Interval): Promise<Interval[]> {
  try {
    return (await writer.freeBusy(roomEmail, window)).map((s) => ({ start: s.start, end: s.end }));
  } catch (err) {
    throw exchangeUnavailable(err);
  }
}

const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;
/** Free/busy does not name meetings: a busy block exactly at the booking's own time is taken to be it. */
const sameInterval = (a: Interval, b: Interval): boolean =>
  a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/** The booking being changed: its own times are not a conflict. */
export interface OwnMeeting {
  readonly bookingId: string;
  /** The room it holds now; free/busy blocks there exactly at `slots` are taken to be it. */
  readonly roomId: string;
  /** Its times now (a series: every occurrence). */
  readonly slots: readonly Interval[];
  /** A series' UID: the rows the sync stored for its occurrences are not conflicts either. */
  readonly uid?: string | null;
}

export interface SlotContext {
  readonly actor: Actor;
  readonly room: BookingRoom;
  readonly slot: Interval;
  readonly attendees: number;
  readonly self?: OwnMeeting;
}

/** Exchange's busy blocks of `room` that are not `self`'s own times. */
export function foreignBusy<T extends Interval>(busy: readonly T[], roomId: string, self: OwnMeeting | undefined): T[] {
  const own = self?.roomId === roomId ? self.slots : [];
  return busy.filter((b) => !own.some((slot) => sameInterval(b, slot)));
}

/** Our bookings of the rooms in the window, without `self`'s (its row, and its series' rows). */
export const localBusy = (
  deps: BookingServiceDeps,
  roomIds: readonly string[],
  window: Interval,
  self: OwnMeeting | undefined,
): Promise<Array<Interval & { readonly roomId: string }>> =>
  deps.bookings.occupying(roomIds, window, self?.bookingId, self?.uid ?? undefined);

/** Up to three alternatives: fitting rooms free at that time, and the same room's nearest free slot. */
export async function alternativesFor(
  deps: BookingServiceDeps,
  writer: MeetingWriter,
  context: SlotContext,
): Promise<BookingConflict['alternatives']> {
  const { actor, room, slot } = context;
  const settings = await deps.bookings.settings();
  const allows =
    (r: BookingRoom) =>
    (candidate: Interval): boolean =>
      checkBookingRules(candidate, r, {
        role: actor.role,
        now: deps.clock.now(),
        installationReadOnly: settings.readOnly,
      }).length === 0;
  const around = {
    start: new Date(slot.start.getTime() - SLOT_SEARCH_MS),
    end: new Date(slot.end.getTime() + SLOT_SEARCH_MS),
  };
  const others = (await deps.bookings.connectedRooms()).filter((r) => r.id !== room.id);
  const [localHere, localOthers, remoteHere] = await Promise.all([
    localBusy(deps, [room.id], around, context.self),
    localBusy(
      deps,
      others.map((r) => r.id),
      slot,
      context.self,
    ),
    room.exchangeEmail ? writer.freeBusy(room.exchangeEmail, around).catch(() => []) : Promise.resolve([]),
  ]);
  const remote = foreignBusy(remoteHere, room.id, context.self);
  const candidate = (r: BookingRoom, busy: readonly Interval[]): CandidateRoom => ({
    id: r.id,
    name: r.name,
    capacity: r.capacity,
    buildingId: r.buildingId,
    busy,
    allows: allows(r),
  });
  const found = suggestAlternatives(
    slot,
    {
      room: candidate(room, [...localHere, ...remote]),
      neededCapacity: context.attendees > 0 ? context.attendees + 1 : room.capacity,
    },
    others.map((r) =>
      candidate(
        r,
        localOthers.filter((b) => b.roomId === r.id),
      ),
    ),
    SLOT_SEARCH_MS,
  );
  return found.map((a) => ({ ...a, start: a.start.toISOString(), end: a.end.toISOString() }));
}

/** The known bookings holding the room in the slot, as the actor may see them; the one being changed is left out. */
async function heldBy(deps: BookingServiceDeps, context: SlotContext): Promise<BookingConflict['heldBy']> {
  if (!deps.holders) return undefined;
  const [bookings, privacy] = await Promise.all([
    deps.holders.bookingsOf(context.room.id, { start: context.slot.start.getTime(), end: context.slot.end.getTime() }),
    deps.holders.privacy(),
  ]);
  return bookings
    .filter((booking) => booking.id !== context.self?.bookingId)
    .map((booking) => ({
      ...toIsoInterval(booking.span),
      ...holderOf(context.actor, booking, privacy ?? DEFAULT_BOOKING_PRIVACY),
    }));
}

export async function slotTaken(
  deps: BookingServiceDeps,
  writer: MeetingWriter,
  context: SlotContext,
  conflicts: readonly Interval[],
): Promise<AppError> {
  const [alternatives, holders] = await Promise.all([alternativesFor(deps, writer, context), heldBy(deps, context)]);
  const details: BookingConflict = {
    conflicts: distinctConflicts(conflicts).map((c) => ({ start: c.start.toISOString(), end: c.end.toISOString() })),
    alternatives,
    ...(holders ? { heldBy: holders } : {}),
  };
  return conflict('The room is already booked at that time.', details);
}

/** Our bookings and Exchange's free/busy both; throws 409 with alternatives when the slot is taken. */
export async function ensureFree(deps: BookingServiceDeps, writer: MeetingWriter, context: SlotContext): Promise<void> {
  const { room, slot, self } = context;
  const email = room.exchangeEmail;
  const [local, remote] = await Promise.all([
    localBusy(deps, [room.id], slot, self),
    email ? exchangeBusy(writer, email, slot) : Promise.resolve([]),
  ]);
  const foreign = foreignBusy(remote, room.id, self);
  const conflicts = [...local, ...foreign].filter((b) => overlaps(b, slot));
  if (conflicts.length > 0) throw await slotTaken(deps, writer, context, conflicts);
}

/** Someone else's booking answers like an unknown one, so that ids cannot be probed for existence. */
export function mayManage(actor: Actor, requestedBy: string | null, bookingId: string): void {
  if (requestedBy !== actor.userId && actor.role !== 'admin') throw notFound('Booking', bookingId);
}
