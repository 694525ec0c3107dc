import {
  anonymiseBookings,
  createAnalyticsFacts,
  createAnalyticsSettingsStore,
} from '../adapters/db/repositories/analytics';
import { createAnalyticsRollupStore } from '../adapters/db/repositories/analyticsRollup';
import { createAnalyticsReportMailbox } from '../adapters/db/repositories/analyticsReportMailbox';
import { createAnalyticsRollupMetrics } from '../adapters/metrics/analyticsRollupMetrics';
import { createWeeklyReportJob, type WeeklyReportJob } from '../services/analytics/weeklyReport';
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
  /** The weekly email to the recipients in the analytics settings. */
  readonly weeklyReport: WeeklyReportJob;
  /** Anonymises bookings N days after they ended (default 90). */
  readonly anonymisation: AnonymisationJob;
  /** Extends the rollup to each finished day, runs the anonymisation and queues the weekly email, hourly; returns the stop. */
  startSweep(everyMs: number): () => void;
}

/** Room analytics (docs/analytics.md): read-only over the bookings, display facts and orders, plus its daily rollup. */
export function composeAnalytics(deps: {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger' | 'metrics'>;
  /** The anonymisation age until an admin sets one in the analytics settings. */
  readonly anonymiseAfterDays?: number | undefined;
  /** Wakes the outbox dispatcher after a weekly email is queued. */
  readonly nudgeOutbox?: () => void;
  /** Where the installation is reached, for the email's link to /analytics. */
  readonly publicUrl?: string;
}): AnalyticsFeature {
  const { knex, clock, logger, metrics } = deps.infrastructure;
  const facts = createAnalyticsFacts(knex);
  const store = createAnalyticsRollupStore(knex);
  const rollup = createAnalyticsRollup({
    facts,
    store,
    clock,
    onError: (err) => logger.warn({ err }, 'the analytics rollup could not follow a booking change'),
    observer: createAnalyticsRollupMetrics(metrics.registry),
  });
  const settings = createAnalyticsSettingsStore(knex);
  const defaultAnonymiseAfterDays = deps.anonymiseAfterDays ?? DEFAULT_ANONYMISE_AFTER_DAYS;
  const service = createAnalyticsService({ facts, settings, rollup: store, defaultAnonymiseAfterDays });
  const anonymisation = createAnonymisationJob({
    anonymiser: { anonymiseBefore: (before) => anonymiseBookings(knex, before) },
    clock,
    afterDays: async () => (await service.settings()).anonymiseAfterDays,
  });
  const weeklyReport = createWeeklyReportJob({
    analytics: service,
    settings,
    mailbox: createAnalyticsReportMailbox(knex, () => deps.nudgeOutbox?.()),
    clock,
    pageUrl: `${deps.publicUrl ?? 'http://localhost:3000'}/analytics`,
  });
  return {
    service,
    rollup,
    weeklyReport,
    anonymisation,
    startSweep(everyMs) {
      const sweep = () => {
        rollup.extend().catch((err: unknown) => logger.warn({ err }, 'the analytics rollup could not be extended'));
        anonymisation.run().catch((err: unknown) => logger.warn({ err }, 'old bookings could not be anonymised'));
        weeklyReport
          .run()
          .catch((err: unknown) => logger.warn({ err }, 'the weekly analytics email could not be queued'));
      };
      sweep();
      const timer = setInterval(sweep, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
