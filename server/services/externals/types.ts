import type { Booking } from '../../../shared/schemas/bookings';
import type { Actor } from '../../domain/actor';
import type { Clock } from '../../ports/clock';
import type { ExternalMailbox, ExternalRepository } from '../../ports/externals';
import type { SessionRepository } from '../../ports/sessions';
import type { UserRecord, UserRepository } from '../../ports/users';
import type { ScryptCost } from '../auth/passwords';

/** A session started for a user; the cookie value is `token`. */
export interface ExternalSession {
  readonly user: UserRecord;
  readonly token: string;
  readonly csrfToken: string;
}

/** What deactivation needs of the bookings path: an external's bookings, cancelled in Exchange as an admin. */
export interface ExternalBookings {
  upcoming(external: Actor): Promise<Booking[]>;
  cancel(admin: Actor, bookingId: string): Promise<void>;
}

export interface ExternalsDeps {
  readonly externals: ExternalRepository;
  readonly users: UserRepository;
  readonly sessions: Pick<SessionRepository, 'deleteForUser'>;
  readonly startSession: (user: UserRecord) => Promise<ExternalSession>;
  readonly mail: ExternalMailbox;
  readonly bookings: ExternalBookings;
  readonly clock: Clock;
  /** Where the web app is reached, for the links in emails (no trailing slash). */
  readonly publicUrl: string;
  readonly passwordCost?: ScryptCost | undefined;
  readonly log: { warn(details: object, message: string): void };
}
