import { randomUUID } from 'node:crypto';
import type { BookingInput } from '../../../shared/schemas/bookings';
import type { Actor } from '../../domain/actor';
import { AppError } from '../../domain/errors';
import type { NewPendingBooking, OwnBooking } from '../../ports/bookings';
import { GatewayError } from '../../ports/calendarGateway';
import type { MeetingRef, MeetingWriter, OrganizerItem, OrganizerMailbox } from '../../ports/meetingWriter';
import { bookableRoom, enforceRules, ensureFree, exchangeUnavailable, requireWriter, slotTaken } from './checks';
import type { BookingServiceDeps, MeetingExtras } from './types';

/**
 * POST /api/bookings. Two writes that must agree: the local booking (pending, with our id as the
 * marker and our UID) first, under the per-room guard; then the meeting request in Exchange. If
 * the second fails, the first is taken back; if the process dies in between, the repair sweep
 * settles the booking by looking for the meeting by its marker.
 */

export interface Created {
  readonly booking: OwnBooking;
  /** Where the meeting is, for the follower. */
  readonly ref: MeetingRef;
  readonly roomEmail: string;
}

/** People with a mailbox organise their own meetings; the others go through the booking mailbox. */
function organizerFor(
  actor: Actor,
  bookingMailbox: string | null,
): {
  organizer: OrganizerMailbox;
  booker: NewPendingBooking['booker'];
} {
  if (actor.role !== 'external')
    return { organizer: { kind: 'mailbox', email: actor.email.toLowerCase() }, booker: null };
  return {
    organizer: bookingMailbox ? { kind: 'mailbox', email: bookingMailbox } : { kind: 'service-account' },
    booker: { name: actor.name, email: actor.email },
  };
}

/** A booking made at a room's display: the booking mailbox organizes it, nobody in Roomserve requested it. */
export interface DisplayBooking {
  readonly displayName: string;
}

/** On site "book now": it starts now, so neither the past nor the notice rules apply. */
export const DISPLAY_WAIVED_RULES = ['in-the-past', 'too-short-notice'] as const;

/** Who the rules see at a display: someone in the building. */
export const displayActor = (name: string): Actor => ({ userId: '', email: '', name, role: 'employee', via: 'token' });

export const uidFor = (bookingId: string): string => `roomserve-${bookingId}`;

export function refOf(
  booking: Pick<OwnBooking, 'id' | 'organizer' | 'organizerItemId' | 'cleanGlobalObjectId'>,
): MeetingRef {
  return {
    organizer: booking.organizer,
    itemId: booking.organizerItemId,
    cleanGlobalObjectId: booking.cleanGlobalObjectId,
    bookingId: booking.id,
  };
}

const isMissingMailbox = (err: unknown): boolean =>
  err instanceof GatewayError && (err.kind === 'mailbox-not-found' || err.kind === 'permission');

export function createBookingUseCase(deps: BookingServiceDeps) {
  async function sendRequest(
    writer: MeetingWriter,
    pending: NewPendingBooking,
    room: { email: string; name: string; timeZone: string },
    fallback: { organizer: OrganizerMailbox } | null,
    extras: MeetingExtras,
  ): Promise<{ item: OrganizerItem; organizer: OrganizerMailbox }> {
    const meeting = {
      optionalAttendees: extras.optionalAttendees ?? [],
      descriptionIsHtml: extras.descriptionIsHtml ?? false,
      recurrence: extras.meetingRecurrence ?? null,
      bookingId: pending.id,
      uid: pending.uid,
      organizer: pending.organizer,
      room: { email: room.email, name: room.name },
      start: pending.start,
      end: pending.end,
      timeZone: room.timeZone,
      subject: pending.subject,
      description: pending.description,
      attendees: pending.attendees,
      isPrivate: pending.isPrivate,
      onlineMeetingUrl: pending.onlineMeetingUrl,
      booker: pending.booker,
    };
    try {
      return { item: await writer.createMeeting(meeting), organizer: pending.organizer };
    } catch (err) {
      // An employee without an Exchange mailbox of the same address: book through the booking mailbox.
      if (!fallback || !isMissingMailbox(err)) throw err;
      const booker = { name: pending.organizerName, email: pending.organizerEmail };
      const item = await writer.createMeeting({ ...meeting, organizer: fallback.organizer, booker });
      return { item, organizer: fallback.organizer };
    }
  }

  /** The meeting request failed: make sure Exchange holds nothing, then take the local booking back. */
  async function undo(writer: MeetingWriter, booking: OwnBooking, cause: unknown): Promise<never> {
    try {
      const stray = await writer.readMeeting(refOf(booking));
      if (stray) await writer.cancelMeeting(refOf(booking), 'This booking could not be completed.');
      await deps.bookings.discard(booking.id);
    } catch (err) {
      // Exchange is unreachable even for the clean-up: the repair sweep settles the booking later.
      deps.log.warn({ err, bookingId: booking.id }, 'booking left pending for the repair sweep');
    }
    throw exchangeUnavailable(cause);
  }

  return async function createBooking(
    actor: Actor,
    input: BookingInput,
    display?: DisplayBooking,
    extras: MeetingExtras = {},
  ): Promise<Created> {
    const room = await bookableRoom(deps, input.roomId);
    const slot = { start: new Date(input.start), end: new Date(input.end) };
    await enforceRules(deps, actor, room, slot, display ? DISPLAY_WAIVED_RULES : []);
    if (!display && actor.role === 'external') await deps.externals?.beforeBooking(actor);
    const writer = await requireWriter(deps);
    const context = { actor, room, slot, attendees: input.attendees.length };
    await ensureFree(deps, writer, context);

    const settings = await deps.bookings.settings();
    const { organizer, booker } = display
      ? {
          organizer: settings.bookingMailbox
            ? { kind: 'mailbox' as const, email: settings.bookingMailbox }
            : { kind: 'service-account' as const },
          booker: null,
        }
      : organizerFor(actor, settings.bookingMailbox);
    const id = randomUUID();
    const pending: NewPendingBooking = {
      id,
      uid: uidFor(id),
      roomId: room.id,
      ...slot,
      subject: input.subject,
      description: input.description,
      attendees: input.attendees,
      isPrivate: input.private,
      onlineMeetingUrl: input.onlineMeetingUrl,
      optionalAttendees: extras.optionalAttendees ?? [],
      recurrence: extras.recurrence ?? null,
      isEvent: extras.isEvent ?? false,
      source: display ? 'display' : 'app',
      requestedBy: display ? null : actor.userId,
      booker,
      organizer,
      organizerEmail: organizer.kind === 'mailbox' ? organizer.email : '',
      organizerName: display ? display.displayName : actor.name,
    };
    const inserted = await deps.bookings.insertPending(pending);
    if (!inserted.ok) throw await slotTaken(deps, writer, context, inserted.conflicts);
    await deps.checkpoints?.afterLocalInsert?.(id);

    let sent: { item: OrganizerItem; organizer: OrganizerMailbox };
    try {
      const fallback =
        booker === null && !display
          ? {
              organizer: settings.bookingMailbox
                ? { kind: 'mailbox' as const, email: settings.bookingMailbox }
                : { kind: 'service-account' as const },
            }
          : null;
      sent = await sendRequest(
        writer,
        pending,
        { email: room.exchangeEmail, name: room.name, timeZone: room.timeZone },
        fallback,
        extras,
      );
    } catch (err) {
      return undo(writer, inserted.booking, err);
    }
    await deps.checkpoints?.afterExchangeCreate?.(id);
    const linked = await deps.bookings.linkExchange(id, {
      organizer: sent.organizer,
      organizerEmail: sent.item.organizerEmail,
      organizerName: sent.item.organizerName,
      itemId: sent.item.itemId,
      changeKey: sent.item.changeKey,
      cleanGlobalObjectId: sent.item.cleanGlobalObjectId,
      uid: sent.item.uid,
    });
    const ref: MeetingRef = {
      organizer: sent.organizer,
      itemId: sent.item.itemId,
      cleanGlobalObjectId: sent.item.cleanGlobalObjectId,
      bookingId: id,
    };
    if (!linked) {
      // The repair sweep gave the booking up while Exchange was slow: take the meeting back too.
      await writer.cancelMeeting(ref, 'This booking could not be completed.').catch(() => undefined);
      throw new AppError('unavailable', 'Exchange answered too late; nothing was booked. Please try again.');
    }
    const booking = await deps.bookings.get(id);
    if (!booking) throw new Error(`booking ${id} vanished`);
    return { booking, ref, roomEmail: room.exchangeEmail };
  };
}
