import type { Knex } from 'knex';
import { createBookingRepository } from '../adapters/db/repositories/bookings';
import { createRoomReleaseRepository } from '../adapters/db/repositories/roomReleases';
import type { Interval } from '../domain/availability/interval';
import { checkBookingRules } from '../domain/bookings/rules';
import type { Clock } from '../ports/clock';
import { DISPLAY_WAIVED_RULES } from '../services/bookings/create';
import type { DisplayActionRepository, DisplayRoomRepository } from '../ports/displays';
import type { MailSender } from '../ports/mail';
import type { MeetingWriter } from '../ports/meetingWriter';
import type { BookingService } from '../services/bookings';
import { createDisplayActionsService, type DisplayActionsService } from '../services/displays';
import { createRoomReleaseService, type RoomReleaseService } from '../services/displays/release';
import type { DisplaySettingsService } from '../services/displays/settings';
import type { DisplayStateService } from '../services/displays/state';
import type { Infrastructure } from './infrastructure';

/**
 * The display actions that write to Exchange (book now, end early, extend) and the release of
 * meetings nobody came to. Kept apart from composeDisplays (pairing, state) so that each grows on
 * its own.
 */
export interface DisplayActionsWiring {
  /** The booking path: display bookings are meeting requests from the booking mailbox. */
  readonly bookings: Pick<BookingService, 'bookAtDisplay' | 'settled' | 'changeEndAtDisplay' | 'getSettings'>;
  readonly meetingWriter: () => Promise<MeetingWriter | null>;
  /** Rooms whose sync lease this instance holds (each room is released by one instance). */
  readonly ownedRooms: () => readonly string[];
  readonly resync?: (roomId: string) => void;
  readonly mail: MailSender | null;
  /** How long "book now" waits for the room's attendant before answering pending. */
  readonly confirmWaitMs?: number | undefined;
}

export function composeDisplayActions(deps: {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger'>;
  readonly wiring: DisplayActionsWiring;
  readonly actions: DisplayActionRepository;
  readonly rooms: DisplayRoomRepository;
  readonly state: DisplayStateService;
  readonly settings: DisplaySettingsService;
}): { actions: DisplayActionsService; release: RoomReleaseService } {
  const { knex, clock, logger } = deps.infrastructure;
  const { wiring } = deps;
  const releases = createRoomReleaseRepository(knex);
  const log = logger.child({ component: 'displays' });
  const release = createRoomReleaseService({
    releases,
    clock,
    writer: wiring.meetingWriter,
    mail: wiring.mail,
    room: async (roomId) => {
      const [room, email] = await Promise.all([deps.rooms.roomOf(roomId), releases.roomEmail(roomId)]);
      return room && { id: room.id, name: room.name, exchangeEmail: email, timeZone: room.timeZone };
    },
    settingsFor: (roomId) => deps.settings.settingsFor(roomId),
    checkedIn: (ids) => deps.actions.checkedIn(ids),
    ownedRooms: wiring.ownedRooms,
    ...(wiring.resync ? { resync: wiring.resync } : {}),
    log: { warn: (details, message) => log.warn(details, message) },
  });
  const actions = createDisplayActionsService({
    actions: deps.actions,
    state: deps.state,
    bookings: {
      bookAtDisplay: (request) => wiring.bookings.bookAtDisplay(request),
      settled: (id, ms) => wiring.bookings.settled(id, ms),
      changeEndAtDisplay: (id, end) => wiring.bookings.changeEndAtDisplay(id, end),
      async organizedByUs(booking) {
        if (booking.source === 'exchange') return false;
        if (booking.organizer.kind === 'service-account') return true;
        const { bookingMailbox } = await wiring.bookings.getSettings();
        return bookingMailbox !== null && booking.organizer.email.toLowerCase() === bookingMailbox.toLowerCase();
      },
    },
    declineCopy: (room, booking, message) => release.declineCopy(room, booking, message),
    releasable: (roomId, bookingId) => releases.booking(roomId, bookingId),
    markEnded: (bookingId) => releases.markReleased(bookingId, 'Ended early at the room display.'),
    roomEmail: (roomId) => releases.roomEmail(roomId),
    ...(wiring.confirmWaitMs === undefined ? {} : { confirmWaitMs: wiring.confirmWaitMs }),
  });
  return { actions, release };
}

/** Whether a room's booking rules let a display book this slot now (not connected to Exchange: never). */
export function bookNowRules(knex: Knex, clock: Clock): (roomId: string) => Promise<(slot: Interval) => boolean> {
  const bookings = createBookingRepository(knex);
  const waived: readonly string[] = DISPLAY_WAIVED_RULES;
  return async (roomId) => {
    const [room, settings] = await Promise.all([bookings.room(roomId), bookings.settings()]);
    if (!room || room.exchangeEmail === null) return () => false;
    const context = { role: 'employee' as const, now: clock.now(), installationReadOnly: settings.readOnly };
    return (slot) => {
      const breaches = checkBookingRules({ start: new Date(slot.start), end: new Date(slot.end) }, room, context);
      return breaches.every((b) => waived.includes(b.violation));
    };
  };
}
