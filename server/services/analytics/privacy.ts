import type { BookingAnonymiser } from '../../ports/analytics';
import type { Clock } from '../../ports/clock';

/** Bookings are anonymised this many days after they ended, unless the installation says otherwise. */
export const DEFAULT_ANONYMISE_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

export interface AnonymisationJob {
  /** Anonymises every booking that ended more than `afterDays` ago; returns how many. */
  run(): Promise<number>;
}

export function createAnonymisationJob(deps: {
  readonly anonymiser: BookingAnonymiser;
  readonly clock: Clock;
  readonly afterDays: number;
}): AnonymisationJob {
  return {
    run: () => deps.anonymiser.anonymiseBefore(new Date(deps.clock.now().getTime() - deps.afterDays * DAY_MS)),
  };
}
