import type { Recurrence } from '../../../shared/schemas/events';
import type { Actor } from '../../domain/actor';
import type { Interval } from '../../domain/bookings/alternatives';
import { AppError, conflict, notFound } from '../../domain/errors';
import { expandRecurrence } from '../../domain/events/recurrence';
import { movedRecurrence, occurrenceIndexOf } from '../../domain/events/series';
import type { BookingRoom, OwnBooking } from '../../ports/bookings';
import type {
  MeetingChange,
  MeetingRecurrence,
  MeetingRef,
  MeetingWriter,
  OrganizerItem,
  UpdatedMeeting,
} from '../../ports/meetingWriter';
import { bookableRoom, enforceRules, exchangeUnavailable, requireWriter, type OwnMeeting } from '../bookings/checks';
import { refOf } from '../bookings/create';
import { awaitRoomAnswer, type RoomVerdict } from '../bookings/follow';
import { checkAvailability, roomTaken } from './availability';
import type { EventServiceDeps } from './types';

/**
 * Part of a series changed from Roomserve (issue 17): one occurrence changed or cancelled (Exchange
 * makes it an exception, or deletes it from the series), or the whole series moved to another time
 * or room. As for a booking, the room's attendant judges a new time or room; when it declines, the
 * earlier time and room are asked for again and the change is reported (409).
 */

type Room = BookingRoom & { exchangeEmail: string };

export interface OccurrenceChange {
  /** What the occurrence's item gets: subject, attendees, body, private flag (no time or rooms). */
  readonly details: MeetingChange;
  /** A new time for the occurrence. */
  readonly slot?: Interval;
  readonly roomId?: string;
}

export interface SeriesMove {
  /** The first occurrence's new time; every occurrence moves by as much. */
  readonly slot?: Interval;
  readonly roomId?: string;
  /** The occurrences the moved series would have, checked by the caller (count, booking window). */
  readonly occurrencesOf: (slot: Interval, recurrence: Recurrence, room: Room) => Interval[];
  readonly toMeetingRecurrence: (r: Recurrence) => MeetingRecurrence;
}

const roomOf = (r: Room): { email: string; name: string } => ({ email: r.exchangeEmail, name: r.name });

async function withExchange<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw exchangeUnavailable(err);
  }
}

function declined(verdict: RoomVerdict): AppError {
  const why =
    verdict.kind === 'timeout'
      ? 'The room did not answer in time'
      : 'The room declined the change (it is taken then, or against its booking policy)';
  return conflict(`${why}; the event keeps its earlier time and room.`, { outcome: verdict.kind });
}

/** Where the series' pattern places its occurrences now (moved occurrences are found by their UID in our rows). */
function seriesTimes(recurrence: Recurrence, master: OrganizerItem, timeZone: string): Interval[] {
  const expanded = expandRecurrence(recurrence, master.start, master.end, timeZone);
  return expanded.ok ? expanded.occurrences : [];
}

export function seriesChanges(deps: EventServiceDeps) {
  /** Writes `change`, then waits for `room`'s answer to it (the organizer's item carries it). */
  async function judged(
    writer: MeetingWriter,
    ref: MeetingRef,
    before: OrganizerItem,
    room: Room,
    change: MeetingChange,
  ): Promise<RoomVerdict> {
    const updated: UpdatedMeeting = await withExchange(() => writer.updateMeeting(ref, change));
    return withExchange(() =>
      awaitRoomAnswer(writer, ref, room.exchangeEmail, {
        baseline: {
          before: before.roomAnswers.get(room.exchangeEmail.toLowerCase())?.answeredAt ?? null,
          writtenChangeKey: updated.writtenChangeKey,
          sawReset: false,
        },
        first: updated.item,
        intervalMs: deps.followIntervalMs ?? 30,
        timeoutMs: deps.changeTimeoutMs ?? 20_000,
      }),
    );
  }

  /** A change of time or room the attendant must accept; on anything else, `undo` is judged by the earlier room. */
  async function judgedOrUndone(
    writer: MeetingWriter,
    ref: MeetingRef,
    before: OrganizerItem,
    move: { readonly to: Room; readonly change: MeetingChange },
    undo: { readonly from: Room; readonly change: MeetingChange },
  ): Promise<void> {
    const verdict = await judged(writer, ref, before, move.to, move.change);
    if (verdict.kind === 'accepted') return;
    const last = 'item' in verdict ? verdict.item : before;
    const back = await judged(writer, ref, last, undo.from, undo.change);
    if (back.kind !== 'accepted')
      deps.log.warn(
        { bookingId: ref.bookingId, outcome: back.kind },
        'the room did not take the earlier time back after declining a change of part of a series',
      );
    throw declined(verdict);
  }

  /** The occurrence the series first placed at `originalStart`, as a ref to it; 404 when there is none (any more). */
  async function occurrence(
    writer: MeetingWriter,
    booking: OwnBooking,
    recurrence: Recurrence,
    timeZone: string,
    originalStart: Date,
  ): Promise<{ ref: MeetingRef; item: OrganizerItem; master: OrganizerItem }> {
    const master = await withExchange(() => writer.readMeeting(refOf(booking)));
    if (!master || master.isCancelled) throw conflict('The series is no longer in Exchange.');
    const index = occurrenceIndexOf(recurrence, master.start, master.end, timeZone, originalStart);
    const missing = notFound('Occurrence', originalStart.toISOString());
    if (index === null) throw missing;
    const ref: MeetingRef = { ...refOf(booking), occurrenceIndex: index };
    const item = await withExchange(() => writer.readMeeting(ref));
    if (!item || item.isCancelled) throw missing;
    return { ref, item, master };
  }

  /**
   * Before anything is sent: 409 with alternatives when the room is taken (our synced calendar and
   * Exchange's free/busy) on any of `occurrences`, the series' own times left out.
   */
  async function ensureFree(
    writer: MeetingWriter,
    actor: Actor,
    room: Room,
    occurrences: readonly Interval[],
    own: OwnMeeting,
  ): Promise<void> {
    const checks = await checkAvailability(deps, writer, { actor, room, occurrences, attendees: [], own });
    const taken = roomTaken(checks);
    if (taken) throw taken;
  }

  return {
    /** The ref of one occurrence of a series, for reading it. */
    async occurrenceRef(booking: OwnBooking, recurrence: Recurrence, originalStart: Date): Promise<MeetingRef> {
      const writer = await requireWriter(deps);
      return (await occurrence(writer, booking, recurrence, booking.timeZone, originalStart)).ref;
    },

    async changeOccurrence(
      actor: Actor,
      booking: OwnBooking,
      recurrence: Recurrence,
      originalStart: Date,
      change: OccurrenceChange,
    ): Promise<MeetingRef> {
      const writer = await requireWriter(deps);
      const from = await bookableRoom(deps, booking.roomId);
      const { ref, item, master } = await occurrence(writer, booking, recurrence, from.timeZone, originalStart);
      const rooms = item.roomAnswers;
      // The occurrence may be in another room already (an earlier change of it): that room is "from".
      const current =
        (await deps.bookings.connectedRooms()).find(
          (r) => r.exchangeEmail !== null && rooms.has(r.exchangeEmail.toLowerCase()),
        ) ?? from;
      const here = current.id === from.id ? from : await bookableRoom(deps, current.id);
      const to = change.roomId ? await bookableRoom(deps, change.roomId) : here;
      const slot = change.slot ?? { start: item.start, end: item.end };
      const moves =
        slot.start.getTime() !== item.start.getTime() || slot.end.getTime() !== item.end.getTime() || to.id !== here.id;
      if (!moves) {
        await withExchange(() => writer.updateMeeting(ref, change.details));
        return ref;
      }
      await enforceRules(deps, actor, to, slot);
      await ensureFree(writer, actor, to, [slot], {
        bookingId: booking.id,
        roomId: here.id,
        uid: booking.uid,
        slots: [{ start: item.start, end: item.end }, ...seriesTimes(recurrence, master, from.timeZone)],
      });
      await judgedOrUndone(
        writer,
        ref,
        item,
        { to, change: { ...change.details, start: slot.start, end: slot.end, rooms: [roomOf(to)] } },
        { from: here, change: { start: item.start, end: item.end, rooms: [roomOf(here)] } },
      );
      return ref;
    },

    async cancelOccurrence(booking: OwnBooking, recurrence: Recurrence, originalStart: Date): Promise<void> {
      const writer = await requireWriter(deps);
      const { ref } = await occurrence(writer, booking, recurrence, booking.timeZone, originalStart);
      await withExchange(() => writer.cancelMeeting(ref, 'This occurrence was cancelled in Roomserve.'));
    },

    /** The whole series to another time (its first occurrence's new time) and/or room; other details go the booking path. */
    async moveSeries(actor: Actor, booking: OwnBooking, recurrence: Recurrence, move: SeriesMove): Promise<void> {
      if (booking.status !== 'confirmed')
        throw conflict(`Only confirmed events can be changed; this one is ${booking.status}.`);
      const writer = await requireWriter(deps);
      const from = await bookableRoom(deps, booking.roomId);
      const to = move.roomId ? await bookableRoom(deps, move.roomId) : from;
      const before = await withExchange(() => writer.readMeeting(refOf(booking)));
      if (!before || before.isCancelled) throw conflict('The series is no longer in Exchange.');
      const slot = move.slot ?? { start: before.start, end: before.end };
      const moved = movedRecurrence(recurrence, before.start, slot.start, to.timeZone);
      const occurrences = move.occurrencesOf(slot, moved, to);
      for (const occurrenceSlot of occurrences) await enforceRules(deps, actor, to, occurrenceSlot);
      await ensureFree(writer, actor, to, occurrences, {
        bookingId: booking.id,
        roomId: from.id,
        uid: booking.uid,
        slots: seriesTimes(recurrence, before, from.timeZone),
      });
      const ref = refOf(booking);
      await judgedOrUndone(
        writer,
        ref,
        before,
        {
          to,
          change: {
            ...slot,
            timeZone: to.timeZone,
            recurrence: move.toMeetingRecurrence(moved),
            rooms: [roomOf(to)],
          },
        },
        {
          from,
          change: {
            start: before.start,
            end: before.end,
            timeZone: from.timeZone,
            recurrence: move.toMeetingRecurrence(recurrence),
            rooms: [roomOf(from)],
          },
        },
      );
      const applied = await deps.bookings.applyMove(booking.id, {
        roomId: to.id,
        ...slot,
        subject: booking.subject,
        attendees: booking.attendees,
      });
      if (!applied) deps.log.warn({ bookingId: booking.id }, 'a moved series left to the sync to store');
      await deps.bookings.saveDetails(booking.id, { recurrence: moved });
    },
  };
}
