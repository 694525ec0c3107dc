import { createExternalMailbox, createExternalRepository } from '../adapters/db/repositories/externals';
import type { ExternalBookingHooks } from '../ports/externalBookings';
import type { ExternalMailbox, ExternalRepository } from '../ports/externals';
import type { SessionRepository } from '../ports/sessions';
import type { UserRepository } from '../ports/users';
import type { AuthService } from '../services/auth/authService';
import type { ScryptCost } from '../services/auth/passwords';
import type { BookingService } from '../services/bookings';
import { createExternalBookingHooks, createExternalsService, type ExternalsService } from '../services/externals';
import type { Infrastructure } from './infrastructure';

/** What the externals feature keeps, built first: sign-ins and the bookings path report to it. */
export interface ExternalsStore {
  readonly externals: ExternalRepository;
  readonly mail: ExternalMailbox;
  /** The bookings path's side: the open-bookings limit, confirmation and cancellation emails. */
  readonly bookingHooks: ExternalBookingHooks;
}

/** `nudge` wakes the outbox dispatcher, which sends the emails written here. */
export function composeExternalsStore(
  infrastructure: Pick<Infrastructure, 'knex' | 'clock'>,
  nudge: () => void,
): ExternalsStore {
  const externals = createExternalRepository(infrastructure.knex);
  const mail = createExternalMailbox(infrastructure.knex, nudge);
  return {
    externals,
    mail,
    bookingHooks: createExternalBookingHooks({ externals, mail, clock: infrastructure.clock }),
  };
}

export interface ExternalsFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'clock' | 'logger'>;
  readonly store: ExternalsStore;
  readonly accounts: UserRepository;
  readonly sessions: SessionRepository;
  readonly auth: AuthService;
  readonly bookings: BookingService;
  /** Where the web app is reached: the links in emails point there. */
  readonly publicUrl: string;
  readonly passwordCost?: ScryptCost | undefined;
}

/** Externals (issue 17): invitations, one-time links, the admin's list; see docs/externals.md. */
export function composeExternals(deps: ExternalsFeatureDeps): ExternalsService {
  const { clock, logger } = deps.infrastructure;
  return createExternalsService({
    externals: deps.store.externals,
    users: deps.accounts,
    sessions: deps.sessions,
    startSession: (user) => deps.auth.startSession(user),
    mail: deps.store.mail,
    bookings: {
      upcoming: (external) => deps.bookings.listMine(external),
      cancel: (admin, bookingId) => deps.bookings.cancelBooking(admin, bookingId),
    },
    clock,
    publicUrl: deps.publicUrl.replace(/\/+$/, ''),
    passwordCost: deps.passwordCost,
    log: { warn: (details, message) => logger.warn(details, message) },
  });
}
