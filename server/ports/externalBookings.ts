import type { Actor } from '../domain/actor';
import type { OwnBooking } from './bookings';

/**
 * What the bookings path asks of the externals feature, and tells it. A port so that bookings do
 * not depend on externals; wired in server/compose/app.ts.
 */
export interface ExternalBookingHooks {
  /** Throws an AppError when this external may not hold one more open booking. */
  beforeBooking(actor: Actor): Promise<void>;
  /** The room accepted a booking made for an external (booker set): they get a confirmation email. */
  confirmed(booking: OwnBooking): Promise<void>;
  /** A booking made for an external was cancelled in Roomserve: they get a cancellation email. */
  cancelled(booking: OwnBooking): Promise<void>;
}
