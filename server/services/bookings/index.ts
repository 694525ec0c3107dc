import type {
  Booking,
  BookingInput,
  BookingPatch,
  BookingSettings,
  MyBooking,
  RoomBookingRulesView,
} from '../../../shared/schemas/bookings';
import type { Actor } from '../../domain/actor';
import { notFound } from '../../domain/errors';
import type { OwnBooking } from '../../ports/bookings';
import type { BookingChangeListener } from '../../ports/bookingChanges';
import { changeBookingUseCases } from './change';
import { exchangeBusy, requireWriter } from './checks';
import { createBookingUseCase, displayActor, type Created } from './create';
import { awaitRoomAnswer, createWaiters, newMeetingBaseline } from './follow';
import { presentBooking, presentMyBooking } from './present';
import { repairUseCase, type RepairOutcome } from './repair';
import type { BookingServiceDeps, DetailsChange, MeetingExtras } from './types';

export type { BookingServiceDeps, DetailsChange, MeetingExtras } from './types';

/**
 * Bookings made in Roomserve (issue 5): book, follow the room's answer, change, cancel, and the
 * booking rules and switches. Exchange's booking attendant is the judge; see docs/bookings.md.
 */
export interface BookingService {
  /** Sends the meeting request; the booking is pending until the room's attendant answers. */
  createBooking(actor: Actor, input: BookingInput): Promise<Booking>;
  /** With waitSeconds, waits that long for a pending booking to be settled. */
  getBooking(actor: Actor, bookingId: string, waitSeconds?: number): Promise<Booking>;
  listMine(actor: Actor): Promise<MyBooking[]>;
  changeBooking(actor: Actor, bookingId: string, patch: BookingPatch): Promise<Booking>;
  cancelBooking(actor: Actor, bookingId: string): Promise<void>;
  /** Settles pending bookings whose request was cut short (crash, lost answer). */
  repairPending(): Promise<RepairOutcome>;
  /** Runs repairPending periodically; returns the stop function. */
  startRepairSweep(everyMs: number): () => void;
  /** The sync tells it which bookings changed, so that waiting requests learn the room's answer. */
  readonly changeListener: BookingChangeListener;
  getSettings(): Promise<BookingSettings>;
  saveSettings(settings: BookingSettings): Promise<BookingSettings>;
  roomRules(roomId: string): Promise<RoomBookingRulesView>;
  saveRoomRules(roomId: string, rules: RoomBookingRulesView): Promise<RoomBookingRulesView>;
  /** Waits for the followers still running (shutdown, tests). */
  idle(): Promise<void>;
  /** Display "book now": a meeting request from the booking mailbox, pending until the attendant answers. */
  bookAtDisplay(request: DisplayBookingRequest): Promise<OwnBooking>;
  /** The booking as stored; with `waitMs`, waits that long for a pending one to be settled. */
  settled(bookingId: string, waitMs: number): Promise<OwnBooking | undefined>;
  /** A display ends or extends a meeting the booking mailbox organizes (the organizer's item). */
  changeEndAtDisplay(bookingId: string, end: Date): Promise<OwnBooking>;
  /** Events (issue 17): a booking with optional attendees, an HTML description or a series; followed like any. */
  createWithExtras(actor: Actor, input: BookingInput, extras: MeetingExtras): Promise<OwnBooking>;
  /** Events: a change that may also touch the optional attendees, the body and the private flag. */
  changeWithDetails(actor: Actor, bookingId: string, patch: BookingPatch, extra: DetailsChange): Promise<OwnBooking>;
  /** One of the actor's own bookings (admins: any); someone else's answers 404. */
  owned(actor: Actor, bookingId: string): Promise<OwnBooking>;
}

export interface DisplayBookingRequest {
  readonly roomId: string;
  readonly start: Date;
  readonly end: Date;
  readonly subject: string;
  /** Shown as the organizer's name on the display and in Roomserve. */
  readonly displayName: string;
}

export function createBookingService(deps: BookingServiceDeps): BookingService {
  const waiters = createWaiters();
  const followers = new Set<Promise<void>>();
  const create = createBookingUseCase(deps);
  const changes = changeBookingUseCases(deps);
  const repairPending = repairUseCase(deps, (id) => waiters.notify(id));

  async function declineReason(created: Created): Promise<string> {
    const writer = await requireWriter(deps);
    const { start, end } = created.booking;
    const busy = await exchangeBusy(writer, created.roomEmail, { start, end }).catch(() => []);
    const taken = busy.find((b) => b.start < end && start < b.end);
    return taken
      ? `The room is already booked in Exchange from ${taken.start.toISOString()} to ${taken.end.toISOString()}.`
      : 'The room’s booking attendant in Exchange declined the request (booking window, duration or its booking policy).';
  }

  /** Reads the organizer's item until the room answered, then settles the booking and wakes its waiters. */
  async function follow(created: Created): Promise<void> {
    const writer = await requireWriter(deps);
    const verdict = await awaitRoomAnswer(writer, created.ref, created.roomEmail, {
      baseline: newMeetingBaseline(),
      intervalMs: deps.followIntervalMs ?? 30,
      timeoutMs: deps.followTimeoutMs ?? 60_000,
    });
    if (verdict.kind === 'accepted') {
      await deps.bookings.settle(created.booking.id, { status: 'confirmed' });
      await tellExternal(created.booking, 'confirmed');
    } else if (verdict.kind === 'declined')
      await deps.bookings.settle(created.booking.id, { status: 'declined', reason: await declineReason(created) });
    else if (verdict.kind === 'gone')
      await deps.bookings.settle(created.booking.id, {
        status: 'cancelled',
        reason: 'The meeting was deleted in Exchange.',
      });
    // timeout: the room has not answered (e.g. a delegate decides); the sync or the repair sweep settles it.
    waiters.notify(created.booking.id);
  }

  /** An external's booking was settled: they hear of it by email (never fails the booking). */
  async function tellExternal(booking: OwnBooking, what: 'confirmed'): Promise<void> {
    if (!booking.booker || !deps.externals) return;
    try {
      await deps.externals[what]({ ...booking, status: 'confirmed' });
    } catch (err) {
      deps.log.warn({ err, bookingId: booking.id }, 'the external could not be told of their booking');
    }
  }

  function startFollowing(created: Created): void {
    const task = follow(created)
      .catch((err: unknown) =>
        deps.log.warn({ err, bookingId: created.booking.id }, 'lost track of a pending booking; the sweep settles it'),
      )
      .finally(() => followers.delete(task));
    followers.add(task);
  }

  async function settled(bookingId: string, waitMs: number): Promise<OwnBooking | undefined> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      // Listen before reading: an answer settled between the read and the wait still wakes us at once.
      const woken = waiters.wait(bookingId, Math.max(0, Math.min(deadline - Date.now(), 250)));
      const booking = await deps.bookings.get(bookingId);
      if (!booking || booking.status !== 'pending' || Date.now() >= deadline) return booking;
      await woken;
    }
  }

  async function getBooking(actor: Actor, bookingId: string, waitSeconds: number): Promise<OwnBooking> {
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      const booking = await changes.owned(actor, bookingId);
      const left = deadline - Date.now();
      if (booking.status !== 'pending' || left <= 0) return booking;
      // Woken by our follower or the sync; re-read now and then for answers settled by another instance.
      await waiters.wait(bookingId, Math.min(left, 250));
    }
  }

  const changeListener: BookingChangeListener = {
    async bookingsChanged(change) {
      for (const id of change.bookingIds) waiters.notify(id);
      // The sync may confirm an external's booking after our follower gave up (a slow attendant,
      // a delegate): they are told all the same. The email's outbox key makes it one, whoever is first.
      if (!deps.externals || change.bookingIds.length === 0) return;
      const confirmed = await deps.bookings.confirmedForExternals(change.bookingIds, deps.clock.now());
      for (const booking of confirmed) await tellExternal(booking, 'confirmed');
    },
  };

  return {
    async createBooking(actor: Actor, input: BookingInput) {
      const created = await create(actor, input);
      startFollowing(created);
      return presentBooking(created.booking);
    },
    async getBooking(actor: Actor, bookingId: string, waitSeconds = 0) {
      return presentBooking(await getBooking(actor, bookingId, waitSeconds));
    },
    async listMine(actor: Actor) {
      const [mine, settings] = await Promise.all([
        deps.bookings.listMine(actor.userId, deps.clock.now()),
        deps.bookings.settings(),
      ]);
      const eventsOpen = settings.mode === 'events' && actor.role !== 'external';
      return mine.map((b) => presentMyBooking(b, eventsOpen));
    },
    async changeBooking(actor: Actor, bookingId: string, patch: BookingPatch) {
      return presentBooking(await changes.changeBooking(actor, bookingId, patch));
    },
    cancelBooking: changes.cancelBooking,
    repairPending,
    /** Runs the repair sweep every `everyMs`; returns the stop function. */
    startRepairSweep(everyMs: number): () => void {
      const timer = setInterval(() => {
        repairPending().catch((err: unknown) => deps.log.warn({ err }, 'booking repair sweep failed'));
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    /** For the sync (BookingChangeListener): wakes long polls of bookings it settled. */
    changeListener,
    getSettings: (): Promise<BookingSettings> => deps.bookings.settings(),
    saveSettings: (settings: BookingSettings): Promise<BookingSettings> =>
      deps.bookings.saveSettings({ ...settings, bookingMailbox: settings.bookingMailbox?.toLowerCase() ?? null }),
    async roomRules(roomId: string): Promise<RoomBookingRulesView> {
      const room = await deps.bookings.room(roomId);
      if (!room) throw notFound('Room', roomId);
      return room.rules;
    },
    async saveRoomRules(roomId: string, rules: RoomBookingRulesView): Promise<RoomBookingRulesView> {
      const saved = await deps.bookings.saveRules(roomId, rules);
      if (!saved) throw notFound('Room', roomId);
      return saved;
    },
    /** Waits for the followers still running (shutdown, tests). */
    async idle(): Promise<void> {
      while (followers.size > 0) await Promise.all([...followers]);
    },
    async bookAtDisplay(request) {
      const input = {
        roomId: request.roomId,
        start: request.start.toISOString(),
        end: request.end.toISOString(),
        subject: request.subject,
        description: '',
        attendees: [],
        private: false,
        onlineMeetingUrl: null,
      };
      const created = await create(displayActor(request.displayName), input, { displayName: request.displayName });
      startFollowing(created);
      return created.booking;
    },
    settled,
    async createWithExtras(actor, input, extras) {
      const created = await create(actor, input, undefined, extras);
      startFollowing(created);
      return created.booking;
    },
    changeWithDetails: (actor, bookingId, patch, extra) => changes.changeBooking(actor, bookingId, patch, extra),
    owned: changes.owned,
    async changeEndAtDisplay(bookingId, end) {
      const booking = await deps.bookings.get(bookingId);
      if (!booking) throw notFound('Booking', bookingId);
      return changes.changeEndAtDisplay(booking, end);
    },
  };
}
