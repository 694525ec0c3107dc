import type { BookNowMinutes, DisplayState } from '../../../shared/schemas/displays';
import { bookNowSlot, nextFreeAt } from '../../domain/displays/bookNow';
import { checkInRefusal, checkInTarget, type RoomMeeting } from '../../domain/displays/state';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import { AppError, conflict } from '../../domain/errors';
import type { OwnBooking } from '../../ports/bookings';
import type { DisplayActionKind, DisplayActionRepository } from '../../ports/displays';
import type { ReleasableBooking } from '../../ports/roomReleases';
import type { DisplayBookingRequest } from '../bookings';
import { bookNowContext, type DisplayStateService, type RoomSnapshot } from './state';
import type { ReleaseRoom } from './release';

export interface DisplayActionResult {
  readonly requestId: string;
  readonly outcome: 'confirmed' | 'pending';
  readonly state: DisplayState;
}

export interface DisplayActionsService {
  /** Checks in to the meeting whose check-in window is open; 409 with the window in words otherwise. */
  checkIn(display: DisplayPrincipal, requestId: string): Promise<DisplayActionResult>;
  /** Books the room from now; 409 with the next free time and nearby free rooms when it is taken. */
  bookNow(display: DisplayPrincipal, minutes: BookNowMinutes, requestId: string): Promise<DisplayActionResult>;
  /** Ends the meeting under way; the room is free in Exchange afterwards. */
  end(display: DisplayPrincipal, requestId: string): Promise<DisplayActionResult>;
  /** Extends the meeting under way when the room is free for that long. */
  extend(display: DisplayPrincipal, minutes: 15 | 30, requestId: string): Promise<DisplayActionResult>;
}

/** What the display actions need of the booking path (server/services/bookings). */
export interface DisplayBookings {
  bookAtDisplay(request: DisplayBookingRequest): Promise<OwnBooking>;
  settled(bookingId: string, waitMs: number): Promise<OwnBooking | undefined>;
  changeEndAtDisplay(bookingId: string, end: Date): Promise<OwnBooking>;
  /** Whether the booking mailbox (or the service account) organizes this booking's meeting. */
  organizedByUs(booking: OwnBooking): Promise<boolean>;
}

export interface DisplayActionsDeps {
  readonly actions: DisplayActionRepository;
  readonly state: DisplayStateService;
  readonly bookings: DisplayBookings;
  /** The room declines a meeting someone else organizes (end early). */
  readonly declineCopy: (room: ReleaseRoom, booking: ReleasableBooking, message: string) => Promise<boolean>;
  readonly releasable: (roomId: string, bookingId: string) => Promise<ReleasableBooking | undefined>;
  readonly markEnded: (bookingId: string) => Promise<void>;
  readonly roomEmail: (roomId: string) => Promise<string | null>;
  /** How long "book now" waits for the attendant before answering `pending` (default 5 s). */
  readonly confirmWaitMs?: number;
}

const MINUTE = 60_000;
export const BOOK_NOW_SUBJECT = 'Booked at the room display';
export const EXTENSION_SUBJECT = 'Extended at the room display';

const holding = (meetings: readonly RoomMeeting[]): RoomMeeting[] => meetings.filter((m) => m.released !== true);
const currentOf = (snap: RoomSnapshot): RoomMeeting | undefined =>
  holding(snap.meetings).find((m) => m.span.start <= snap.now && snap.now < m.span.end);

export function createDisplayActionsService(deps: DisplayActionsDeps): DisplayActionsService {
  const waitMs = deps.confirmWaitMs ?? 5_000;
  const answer = async (
    display: DisplayPrincipal,
    requestId: string,
    outcome: 'confirmed' | 'pending' = 'confirmed',
  ): Promise<DisplayActionResult> => ({ requestId, outcome, state: await deps.state.stateOf(display) });

  /** 409 with where to go instead: when this room is free next, and rooms free now nearby. */
  async function taken(display: DisplayPrincipal, snap: RoomSnapshot, message: string): Promise<AppError> {
    const state = await deps.state.stateOf(display);
    const freeAt = nextFreeAt(
      snap.now,
      holding(snap.meetings).map((m) => m.span),
    );
    return conflict(message, { nextFreeAt: new Date(freeAt).toISOString(), nearestFree: state.nearestFree });
  }

  /** The outcome of a book-now the room's attendant answered; a decline is a 409. */
  async function bookingOutcome(display: DisplayPrincipal, requestId: string, booking: OwnBooking | undefined) {
    if (!booking) throw conflict('The booking made by this request is gone.');
    if (booking.status === 'declined' || booking.status === 'cancelled') {
      const snap = await deps.state.snapshot(display);
      throw await taken(display, snap, booking.declinedReason ?? 'The room declined the booking.');
    }
    return answer(display, requestId, booking.status === 'confirmed' ? 'confirmed' : 'pending');
  }

  /** Records the action before acting, so a double tap acts once; false when it was recorded already. */
  async function claim(
    display: DisplayPrincipal,
    snap: RoomSnapshot,
    kind: DisplayActionKind,
    requestId: string,
    bookingId: string | null,
    minutes: number | null,
  ): Promise<boolean> {
    return deps.actions.record({
      displayId: display.displayId,
      roomId: snap.room.id,
      bookingId,
      kind,
      requestId,
      minutes,
      at: new Date(snap.now),
    });
  }

  /** Runs the Exchange part of an action; when it fails, the action's fact is taken back. */
  async function orForget<T>(display: DisplayPrincipal, requestId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      await deps.actions.forget(display.displayId, requestId);
      throw err;
    }
  }

  /**
   * Extends a meeting someone else organizes. The room cannot change another person's meeting (it can
   * only answer for itself), so the booking mailbox books the room on from the meeting's end, through
   * the attendant like any booking: Outlook users see the room taken, the organizer's meeting stays as
   * it is. When the attendant declines, nothing is kept and the answer is 409.
   */
  async function bookOn(
    display: DisplayPrincipal,
    snap: RoomSnapshot,
    meeting: RoomMeeting,
    end: number,
    requestId: string,
  ): Promise<DisplayActionResult> {
    const booking = await orForget(display, requestId, async () => {
      try {
        return await deps.bookings.bookAtDisplay({
          roomId: snap.room.id,
          start: new Date(meeting.span.end),
          end: new Date(end),
          subject: EXTENSION_SUBJECT,
          displayName: `${snap.room.name} display`,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict')
          throw await taken(display, snap, 'The room was booked meanwhile; the meeting cannot be extended.');
        throw err;
      }
    });
    const settled = await deps.bookings.settled(booking.id, waitMs);
    if (settled?.status === 'declined' || settled?.status === 'cancelled') {
      await deps.actions.forget(display.displayId, requestId);
      throw await taken(display, snap, settled.declinedReason ?? 'The room declined the extension.');
    }
    return answer(display, requestId, settled?.status === 'confirmed' ? 'confirmed' : 'pending');
  }

  async function current(display: DisplayPrincipal, snap: RoomSnapshot, what: string) {
    const meeting = currentOf(snap);
    if (!meeting) throw conflict(`No meeting is under way in this room, so there is nothing to ${what}.`);
    const booking = await deps.bookings.settled(meeting.id, 0);
    if (!booking) throw conflict(`The meeting under way cannot be found any more.`);
    return { meeting, booking };
  }

  return {
    async checkIn(display, requestId) {
      // A double tap or a retry after a lost answer: it acted once already.
      if (await deps.actions.seen(display.displayId, requestId)) return answer(display, requestId);
      const { room, now, meetings, settings } = await deps.state.snapshot(display);
      const target = checkInTarget(meetings, now, settings.checkIn);
      if (!target) throw conflict(checkInRefusal(meetings, now, settings.checkIn, room.timeZone));
      // Checking in twice to one meeting (two people tapping) keeps the first check-in as the fact.
      if (!target.checkedIn) {
        await deps.actions.record({
          displayId: display.displayId,
          roomId: room.id,
          bookingId: target.id,
          kind: 'check-in',
          requestId,
          minutes: null,
          at: new Date(now),
        });
      }
      return answer(display, requestId);
    },

    async bookNow(display, minutes, requestId) {
      const earlier = await deps.actions.bookingOf(display.displayId, requestId);
      if (earlier) return bookingOutcome(display, requestId, await deps.bookings.settled(earlier, waitMs));
      const snap = await deps.state.snapshot(display);
      const slot = bookNowSlot(minutes, bookNowContext(snap));
      if (!slot) {
        const what = minutes === 'until-next' ? 'until the next meeting' : `for ${minutes} minutes`;
        throw await taken(display, snap, `The room cannot be booked ${what} now: it is taken or closed then.`);
      }
      if (!(await claim(display, snap, 'book-now', requestId, null, minutes === 'until-next' ? null : minutes)))
        return answer(display, requestId, 'pending');
      const booking = await orForget(display, requestId, async () => {
        try {
          return await deps.bookings.bookAtDisplay({
            roomId: snap.room.id,
            start: new Date(slot.start),
            end: new Date(slot.end),
            subject: BOOK_NOW_SUBJECT,
            displayName: `${snap.room.name} display`,
          });
        } catch (err) {
          if (err instanceof AppError && err.code === 'conflict')
            throw await taken(display, snap, 'The room was booked meanwhile (in Exchange or Roomserve).');
          throw err;
        }
      });
      await deps.actions.link(display.displayId, requestId, booking.id);
      return bookingOutcome(display, requestId, await deps.bookings.settled(booking.id, waitMs));
    },

    async end(display, requestId) {
      if (await deps.actions.seen(display.displayId, requestId)) return answer(display, requestId);
      const snap = await deps.state.snapshot(display);
      const { meeting, booking } = await current(display, snap, 'end');
      if (!(await claim(display, snap, 'end', requestId, meeting.id, null))) return answer(display, requestId);
      await orForget(display, requestId, async () => {
        if (await deps.bookings.organizedByUs(booking)) {
          // Our own meeting: shorten the organizer's item, so every copy agrees (at least a minute long).
          const end = Math.max(meeting.span.start + MINUTE, Math.ceil(snap.now / MINUTE) * MINUTE);
          await deps.bookings.changeEndAtDisplay(booking.id, new Date(Math.min(end, meeting.span.end)));
          return;
        }
        // Someone else's meeting: the room can only answer for itself, so it declines its copy.
        const copy = await deps.releasable(snap.room.id, booking.id);
        const email = await deps.roomEmail(snap.room.id);
        if (!copy) throw conflict('The meeting under way cannot be found any more.');
        const room = { id: snap.room.id, name: snap.room.name, exchangeEmail: email, timeZone: snap.room.timeZone };
        await deps.declineCopy(room, copy, 'Ended early at the room display: the room is free again.');
        await deps.markEnded(booking.id);
      });
      return answer(display, requestId);
    },

    async extend(display, minutes, requestId) {
      if (await deps.actions.seen(display.displayId, requestId)) return answer(display, requestId);
      const snap = await deps.state.snapshot(display);
      const { meeting, booking } = await current(display, snap, 'extend');
      const end = meeting.span.end + minutes * MINUTE;
      const clash = holding(snap.meetings).find(
        (m) => m.id !== meeting.id && m.span.start < end && meeting.span.end < m.span.end,
      );
      if (clash)
        throw await taken(
          display,
          snap,
          `The room is booked from ${new Date(clash.span.start).toISOString()}; the meeting cannot be extended.`,
        );
      if (!(await claim(display, snap, 'extend', requestId, meeting.id, minutes))) return answer(display, requestId);
      if (!(await deps.bookings.organizedByUs(booking))) return bookOn(display, snap, meeting, end, requestId);
      await orForget(display, requestId, () => deps.bookings.changeEndAtDisplay(booking.id, new Date(end)));
      return answer(display, requestId);
    },
  };
}
