import { createBookingRepository } from '../adapters/db/repositories/bookings';
import { createFavouriteRoomsRepository } from '../adapters/db/repositories/favouriteRooms';
import { createDescriptionSanitizer } from '../adapters/html/descriptionSanitizer';
import type { MeetingWriter } from '../ports/meetingWriter';
import type { PeopleDirectory } from '../ports/peopleDirectory';
import type { BookingService } from '../services/bookings';
import { createPeopleSearch, type PeopleSearch } from '../services/directory/people';
import { createEventService, type EventService } from '../services/events';
import { createFavouriteRooms, type FavouriteRooms } from '../services/events/favourites';
import type { Infrastructure } from './infrastructure';

/**
 * Event management (issue 17): events on top of the bookings feature, the attendee picker's
 * directory search and favourite rooms. Exchange is reached only through the exchange feature's
 * views of the one connection (the meeting writer and the directory).
 */
export interface EventsFeature {
  readonly events: EventService;
  readonly people: PeopleSearch;
  readonly favourites: FavouriteRooms;
}

export interface EventsFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger'>;
  readonly bookings: BookingService;
  readonly meetingWriter: () => Promise<MeetingWriter | null>;
  readonly directory: () => Promise<PeopleDirectory | null>;
  /** How long directory answers are reused (default 60 s). */
  readonly peopleCacheMs?: number | undefined;
}

export function composeEvents(deps: EventsFeatureDeps): EventsFeature {
  const { knex, clock, logger } = deps.infrastructure;
  return {
    events: createEventService({
      bookings: createBookingRepository(knex),
      bookingService: deps.bookings,
      writer: deps.meetingWriter,
      directory: deps.directory,
      sanitizer: createDescriptionSanitizer(),
      clock,
      log: { warn: (details, message) => logger.warn(details, message) },
    }),
    people: createPeopleSearch({
      directory: deps.directory,
      clock,
      ...(deps.peopleCacheMs === undefined ? {} : { cacheTtlMs: deps.peopleCacheMs }),
    }),
    favourites: createFavouriteRooms(createFavouriteRoomsRepository(knex)),
  };
}
