import type { BookingPrivacy } from '../../domain/availability/bookingVisibility';
import type { Interval } from '../../domain/availability/interval';
import type { ScheduledBooking } from '../../ports/roomSearch';
import type { BookingCatering } from '../../ports/bookingCatering';
import type { BookingRepository } from '../../ports/bookings';
import type { MeetingBody, MeetingRecurrence, MeetingWriter } from '../../ports/meetingWriter';
import type { Recurrence } from '../../../shared/schemas/events';
import type { Clock } from '../../ports/clock';
import type { ExternalBookingHooks } from '../../ports/externalBookings';

/** Who holds a room, for the conflict answers: the room's bookings and the installation's privacy settings. */
export interface RoomHolders {
  readonly bookingsOf: (roomId: string, window: Interval) => Promise<ScheduledBooking[]>;
  readonly privacy: () => Promise<BookingPrivacy | undefined>;
}

export interface BookingServiceDeps {
  readonly bookings: BookingRepository;
  /** The writer for the saved Exchange connection, or null when none is configured. */
  readonly writer: () => Promise<MeetingWriter | null>;
  /** The source of "now". */
  readonly clock: Clock;
  readonly log: { warn(details: object, message: string): void };
  /** Told about bookings cancelled in Roomserve, so that their catering is cancelled at once. */
  readonly catering?: BookingCatering;
  /** Externals' open-bookings limit and their confirmation and cancellation emails. */
  readonly externals?: ExternalBookingHooks;
  /** When set, a 409 for a taken room says who holds it (redacted per the privacy settings). */
  readonly holders?: RoomHolders;
  /** How often the organizer's item is read while the room's answer is awaited (default 30 ms, growing after a second). */
  readonly followIntervalMs?: number;
  /** How long a request's follower waits for the attendant before leaving it to the sweep (default 60 s). */
  readonly followTimeoutMs?: number;
  /** Pending Roomserve bookings older than this are repaired by the sweep (default 120 s). */
  readonly repairAfterMs?: number;
  /** How long PATCH waits for the room's answer to a move (default 20 s). */
  readonly changeTimeoutMs?: number;
  /** Checkpoints between the two writes of a booking; the crash test stops the process there. */
  readonly checkpoints?: {
    afterLocalInsert?(bookingId: string): Promise<void>;
    afterExchangeCreate?(bookingId: string): Promise<void>;
  };
}

/** What an event adds to a booking (issue 17): optional attendees, an HTML description, a series. */
export interface MeetingExtras {
  readonly optionalAttendees?: readonly string[];
  readonly descriptionIsHtml?: boolean;
  readonly recurrence?: Recurrence | null;
  /** The series in the writer's terms (with `recurrence`). */
  readonly meetingRecurrence?: MeetingRecurrence | null;
  /** Planned as an event (My bookings links it to its event page). */
  readonly isEvent?: boolean;
}

/** What an event's change adds to a booking's: the optional attendees, the body and the private flag. */
export interface DetailsChange {
  readonly optionalAttendees?: readonly string[];
  readonly body?: MeetingBody;
  readonly isPrivate?: boolean;
}
