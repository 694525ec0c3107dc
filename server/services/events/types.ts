import type { BookingService, BookingServiceDeps } from '../bookings';
import type { HtmlSanitizer } from '../../ports/htmlSanitizer';
import type { PeopleDirectory } from '../../ports/peopleDirectory';

export interface EventServiceDeps extends BookingServiceDeps {
  /** The bookings feature: events are bookings with more to them, followed to the room's answer the same way. */
  readonly bookingService: BookingService;
  /** Exchange's directory (the one connection), or null when none is configured. */
  readonly directory: () => Promise<PeopleDirectory | null>;
  readonly sanitizer: HtmlSanitizer;
}
