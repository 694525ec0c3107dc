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
  /** The installation's anonymisation age, read on every run so a changed setting applies at the next sweep. */
  readonly afterDays: () => Promise<number>;
}): AnonymisationJob {
  return {
    async run() {
      const afterDays = await deps.afterDays();
      return deps.anonymiser.anonymiseBefore(new Date(deps.clock.now().getTime() - afterDays * DAY_MS));
    },
  };
}
