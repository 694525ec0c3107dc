import { createBookingRepository } from '../adapters/db/repositories/bookings';
import { createPrivacySettingsRepository } from '../adapters/db/repositories/floorOccupancy';
import { createRoomSearchRepository } from '../adapters/db/repositories/roomSearch';
import type { BookingCatering } from '../ports/bookingCatering';
import type { ExternalBookingHooks } from '../ports/externalBookings';
import type { MeetingWriter } from '../ports/meetingWriter';
import type { RoomChanges } from '../ports/roomChanges';
import { createBookingService, type BookingService, type BookingServiceDeps } from '../services/bookings';
import { publishingBookings } from './displaysLive';
import type { Infrastructure } from './infrastructure';

/** Bookings made in Roomserve: meeting requests from the organizer's mailbox, followed to the room's answer. */
export interface BookingsFeature {
  readonly bookings: BookingService;
}

/** Timings and the crash test's checkpoints; production keeps the defaults. */
export type BookingsOverrides = Pick<
  BookingServiceDeps,
  'followIntervalMs' | 'followTimeoutMs' | 'repairAfterMs' | 'changeTimeoutMs' | 'checkpoints'
>;

export interface BookingsFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger'>;
  /** The exchange feature's writer for the saved connection. */
  readonly meetingWriter: () => Promise<MeetingWriter | null>;
  readonly overrides?: BookingsOverrides | undefined;
  /** The catering feature's side of a booking cancelled in Roomserve. */
  readonly catering?: BookingCatering;
  /** Told which room a booking write touched (the room displays' live stream). */
  readonly roomChanges?: RoomChanges;
  /** The externals' booking limit and emails. */
  readonly externals?: ExternalBookingHooks;
}

export function composeBookings(deps: BookingsFeatureDeps): BookingsFeature {
  const { knex, clock, logger } = deps.infrastructure;
  const roomSearch = createRoomSearchRepository(knex);
  const privacy = createPrivacySettingsRepository(knex);
  return {
    bookings: createBookingService({
      ...deps.overrides,
      bookings: deps.roomChanges
        ? publishingBookings(createBookingRepository(knex), deps.roomChanges)
        : createBookingRepository(knex),
      writer: deps.meetingWriter,
      clock,
      log: { warn: (details, message) => logger.warn(details, message) },
      ...(deps.catering ? { catering: deps.catering } : {}),
      ...(deps.externals ? { externals: deps.externals } : {}),
      holders: { bookingsOf: (roomId, window) => roomSearch.bookingsOf(roomId, window), privacy: () => privacy.get() },
    }),
  };
}
