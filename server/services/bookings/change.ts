import type { BookingPatch } from '../../../shared/schemas/bookings';
import type { Actor } from '../../domain/actor';
import { type AppError, conflict, notFound } from '../../domain/errors';
import type { BookingMove, BookingRoom, OwnBooking } from '../../ports/bookings';
import type { MeetingChange, MeetingRef, MeetingWriter, OrganizerItem } from '../../ports/meetingWriter';
import type { RuleViolation } from '../../domain/bookings/rules';
import { DISPLAY_WAIVED_RULES, displayActor, refOf } from './create';
import { bookableRoom, enforceRules, ensureFree, exchangeUnavailable, mayManage, requireWriter } from './checks';
import { awaitRoomAnswer, type AnswerBaseline, type RoomVerdict } from './follow';
import type { BookingServiceDeps, DetailsChange } from './types';

/**
 * PATCH and DELETE /api/bookings/:id, on the organizer's item. A move or a room change is only
 * taken over locally once the room accepted it; when the room declines, Exchange is put back as it
 * was and the booking keeps its earlier time and room.
 */

type Room = BookingRoom & { exchangeEmail: string };

const roomOf = (r: Room): { email: string; name: string } => ({ email: r.exchangeEmail, name: r.name });

async function withExchange<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw exchangeUnavailable(err);
  }
}

export function changeBookingUseCases(deps: BookingServiceDeps) {
  const wait = (
    writer: MeetingWriter,
    ref: MeetingRef,
    roomEmail: string,
    baseline: AnswerBaseline,
    first: OrganizerItem,
  ): Promise<RoomVerdict> =>
    withExchange(() =>
      awaitRoomAnswer(writer, ref, roomEmail, {
        baseline,
        first,
        intervalMs: deps.followIntervalMs ?? 30,
        timeoutMs: deps.changeTimeoutMs ?? 20_000,
      }),
    );

  async function owned(actor: Actor, bookingId: string): Promise<OwnBooking> {
    const booking = await deps.bookings.get(bookingId);
    if (!booking || booking.requestedBy === null) throw notFound('Booking', bookingId);
    mayManage(actor, booking.requestedBy, bookingId);
    return booking;
  }

  /** A new room alone: invite it first and drop the old one only once it accepted (never without a room). */
  async function swapRoom(writer: MeetingWriter, ref: MeetingRef, from: Room, to: Room): Promise<RoomVerdict> {
    const invited = await withExchange(() =>
      writer.updateMeeting(ref, { rooms: [roomOf(from), roomOf(to)], onlyToChanged: true }),
    );
    const baseline = { before: null, writtenChangeKey: invited.writtenChangeKey, sawReset: false };
    const verdict = await wait(writer, ref, to.exchangeEmail, baseline, invited.item);
    const rooms = verdict.kind === 'accepted' ? [roomOf(to)] : [roomOf(from)];
    await withExchange(() => writer.updateMeeting(ref, { rooms, onlyToChanged: true }));
    return verdict;
  }

  /**
   * The room declined a move, and an attendant that declines an update drops the meeting from the
   * room's calendar: ask for the earlier time and room again, and keep the booking as it was.
   */
  async function revert(
    writer: MeetingWriter,
    ref: MeetingRef,
    booking: OwnBooking,
    from: Room,
    last: OrganizerItem | null,
  ): Promise<void> {
    const reverted = await withExchange(() =>
      writer.updateMeeting(ref, {
        start: booking.start,
        end: booking.end,
        timeZone: from.timeZone,
        rooms: [roomOf(from)],
      }),
    );
    const baseline = {
      before: (last ?? reverted.item).roomAnswers.get(from.exchangeEmail)?.answeredAt ?? null,
      writtenChangeKey: reverted.writtenChangeKey,
      sawReset: false,
    };
    const answer = await wait(writer, ref, from.exchangeEmail, baseline, reverted.item);
    const original = { roomId: from.id, start: booking.start, end: booking.end };
    if (answer.kind === 'accepted') await deps.bookings.restore(booking.id, original);
    else
      await deps.bookings.cancel(
        booking.id,
        'The room declined a move, and the earlier time was taken in the meantime; the meeting lost its room.',
      );
  }

  /** A move (maybe into another room): one update; on a decline, the earlier time and room are restored. */
  async function move(
    writer: MeetingWriter,
    ref: MeetingRef,
    booking: OwnBooking,
    from: Room,
    to: Room,
    change: MeetingChange,
  ): Promise<RoomVerdict> {
    const before = await withExchange(() => writer.readMeeting(ref));
    if (!before) throw conflict('The meeting is no longer in Exchange.');
    const updated = await withExchange(() => writer.updateMeeting(ref, { ...change, rooms: [roomOf(to)] }));
    const baseline = {
      before: before.roomAnswers.get(to.exchangeEmail)?.answeredAt ?? null,
      writtenChangeKey: updated.writtenChangeKey,
      sawReset: false,
    };
    const verdict = await wait(writer, ref, to.exchangeEmail, baseline, updated.item);
    if (verdict.kind !== 'accepted') await revert(writer, ref, booking, from, 'item' in verdict ? verdict.item : null);
    return verdict;
  }

  function declined(verdict: RoomVerdict): AppError {
    const why =
      verdict.kind === 'timeout'
        ? 'The room did not answer in time'
        : 'The room declined the change (it is taken then, or against its booking policy)';
    return conflict(`${why}; the booking keeps its earlier time and room.`, { outcome: verdict.kind });
  }

  async function changeBooking(
    actor: Actor,
    bookingId: string,
    patch: BookingPatch,
    extra: DetailsChange = {},
  ): Promise<OwnBooking> {
    return change(actor, await owned(actor, bookingId), patch, [], extra);
  }

  /**
   * A display shortens (end early) or lengthens (extend) a meeting the booking mailbox organizes,
   * on the organizer's item; the meeting is under way, so the past and notice rules do not apply.
   */
  async function changeEndAtDisplay(booking: OwnBooking, end: Date): Promise<OwnBooking> {
    return change(displayActor('Room display'), booking, { end: end.toISOString() }, DISPLAY_WAIVED_RULES);
  }

  async function change(
    actor: Actor,
    booking: OwnBooking,
    patch: BookingPatch,
    waived: readonly RuleViolation[],
    extra: DetailsChange = {},
  ): Promise<OwnBooking> {
    if (booking.status !== 'confirmed')
      throw conflict(`Only confirmed bookings can be changed; this one is ${booking.status}.`);
    const from = await bookableRoom(deps, booking.roomId);
    const to = patch.roomId && patch.roomId !== booking.roomId ? await bookableRoom(deps, patch.roomId) : from;
    const slot = {
      start: patch.start ? new Date(patch.start) : booking.start,
      end: patch.end ? new Date(patch.end) : booking.end,
    };
    const moves = slot.start.getTime() !== booking.start.getTime() || slot.end.getTime() !== booking.end.getTime();
    const writer = await requireWriter(deps);
    const ref = refOf(booking);
    const target: BookingMove = {
      roomId: to.id,
      ...slot,
      subject: patch.subject ?? booking.subject,
      attendees: patch.attendees ?? booking.attendees,
    };
    const details: MeetingChange = {
      ...(patch.subject === undefined ? {} : { subject: patch.subject }),
      ...(patch.attendees === undefined ? {} : { attendees: patch.attendees }),
      ...extra,
    };
    if (moves || to.id !== from.id) {
      await enforceRules(deps, actor, to, slot, waived);
      await ensureFree(deps, writer, {
        actor,
        room: to,
        slot,
        attendees: target.attendees.length,
        self: { bookingId: booking.id, roomId: booking.roomId, slots: [{ start: booking.start, end: booking.end }] },
      });
      const verdict = moves
        ? await move(writer, ref, booking, from, to, { ...details, ...slot, timeZone: to.timeZone })
        : await swapRoom(writer, ref, from, to);
      if (verdict.kind !== 'accepted') throw declined(verdict);
      if (!moves && Object.keys(details).length > 0) await withExchange(() => writer.updateMeeting(ref, details));
    } else {
      await withExchange(() => writer.updateMeeting(ref, details));
    }
    if (!(await deps.bookings.applyMove(booking.id, target)))
      // Exchange holds the change; the local copy could not take it (cancelled meanwhile, or the new
      // room is held here by something the sync has not cleared yet) and follows with the next sync.
      deps.log.warn({ bookingId: booking.id }, 'a change Exchange accepted could not be written locally yet');
    if (extra.body !== undefined || extra.isPrivate !== undefined || extra.optionalAttendees !== undefined)
      await deps.bookings.saveDetails(booking.id, {
        ...(extra.body === undefined
          ? {}
          : { description: extra.body.description, onlineMeetingUrl: extra.body.onlineMeetingUrl }),
        ...(extra.isPrivate === undefined ? {} : { isPrivate: extra.isPrivate }),
        ...(extra.optionalAttendees === undefined
          ? {}
          : { people: { required: target.attendees, optional: extra.optionalAttendees } }),
      });
    const after = await deps.bookings.get(booking.id);
    if (!after) throw notFound('Booking', booking.id);
    return after;
  }

  async function cancelBooking(actor: Actor, bookingId: string): Promise<void> {
    const booking = await owned(actor, bookingId);
    if (booking.status !== 'pending' && booking.status !== 'confirmed') return;
    const writer = await requireWriter(deps);
    await withExchange(() => writer.cancelMeeting(refOf(booking), 'The booking was cancelled in Roomserve.'));
    // Only after Exchange took the cancellation: the 204 then means the booking reads cancelled, and
    // the mark keeps the sync from confirming it again while the room's copy still shows the meeting.
    await deps.bookings.markMeetingCancelled(booking.id, 'Cancelled in Roomserve.');
    if (booking.booker) {
      await deps.externals
        ?.cancelled(booking)
        .catch((err: unknown) =>
          deps.log.warn({ err, bookingId: booking.id }, 'the external could not be told of the cancellation'),
        );
    }
    try {
      await deps.catering?.bookingCancelled(booking.id);
    } catch (err) {
      // The booking is cancelled either way; the order follower cancels the orders after its settle delay.
      deps.log.warn({ err, bookingId: booking.id }, 'orders of a cancelled booking left to the order follower');
    }
  }

  return { changeBooking, changeEndAtDisplay, cancelBooking, owned };
}
