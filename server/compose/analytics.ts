import {
  anonymiseBookings,
  createAnalyticsFacts,
  createAnalyticsSettingsStore,
} from '../adapters/db/repositories/analytics';
import { createAnalyticsRollupStore } from '../adapters/db/repositories/analyticsRollup';
import { createAnalyticsService, type AnalyticsService } from '../services/analytics';
import {
  createAnonymisationJob,
  DEFAULT_ANONYMISE_AFTER_DAYS,
  type AnonymisationJob,
} from '../services/analytics/privacy';
import { createAnalyticsRollup, type AnalyticsRollup } from '../services/analytics/rollup';
import type { Infrastructure } from './infrastructure';

export interface AnalyticsFeature {
  readonly service: AnalyticsService;
  /** The daily rollup: the sync's listener, the backfill and the daily sweep. */
  readonly rollup: AnalyticsRollup;
  /** Anonymises bookings N days after they ended (default 90). */
  readonly anonymisation: AnonymisationJob;
  /** Extends the rollup to each finished day and runs the anonymisation, hourly; returns the stop. */
  startSweep(everyMs: number): () => void;
}

/** Room analytics (docs/analytics.md): read-only over the bookings, display facts and orders, plus its daily rollup. */
export function composeAnalytics(deps: {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger'>;
  /** The anonymisation age until an admin sets one in the analytics settings. */
  readonly anonymiseAfterDays?: number | undefined;
}): AnalyticsFeature {
  const { knex, clock, logger } = deps.infrastructure;
  const facts = createAnalyticsFacts(knex);
  const store = createAnalyticsRollupStore(knex);
  const rollup = createAnalyticsRollup({
    facts,
    store,
    clock,
    onError: (err) => logger.warn({ err }, 'the analytics rollup could not follow a booking change'),
  });
  const settings = createAnalyticsSettingsStore(knex);
  const defaultAnonymiseAfterDays = deps.anonymiseAfterDays ?? DEFAULT_ANONYMISE_AFTER_DAYS;
  const service = createAnalyticsService({ facts, settings, rollup: store, defaultAnonymiseAfterDays });
  const anonymisation = createAnonymisationJob({
    anonymiser: { anonymiseBefore: (before) => anonymiseBookings(knex, before) },
    clock,
    afterDays: async () => (await service.settings()).anonymiseAfterDays,
  });
  return {
    service,
    rollup,
    anonymisation,
    startSweep(everyMs) {
      const sweep = () => {
        rollup.extend().catch((err: unknown) => logger.warn({ err }, 'the analytics rollup could not be extended'));
        anonymisation.run().catch((err: unknown) => logger.warn({ err }, 'old bookings could not be anonymised'));
      };
      sweep();
      const timer = setInterval(sweep, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
