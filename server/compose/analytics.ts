import { createAnalyticsFacts, createAnalyticsSettingsStore } from '../adapters/db/repositories/analytics';
import { createAnalyticsRollupStore } from '../adapters/db/repositories/analyticsRollup';
import { createAnalyticsService, type AnalyticsService } from '../services/analytics';
import { createAnalyticsRollup, type AnalyticsRollup } from '../services/analytics/rollup';
import type { Infrastructure } from './infrastructure';

export interface AnalyticsFeature {
  readonly service: AnalyticsService;
  /** The daily rollup: the sync's listener, the backfill and the daily sweep. */
  readonly rollup: AnalyticsRollup;
  /** Extends the rollup to each finished day, hourly; returns the stop. */
  startSweep(everyMs: number): () => void;
}

/** Room analytics (docs/analytics.md): read-only over the bookings, display facts and orders, plus its daily rollup. */
export function composeAnalytics(deps: {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger'>;
}): AnalyticsFeature {
  const { knex, clock, logger } = deps.infrastructure;
  const facts = createAnalyticsFacts(knex);
  const store = createAnalyticsRollupStore(knex);
  const rollup = createAnalyticsRollup({ facts, store, clock });
  return {
    service: createAnalyticsService({ facts, settings: createAnalyticsSettingsStore(knex), rollup: store }),
    rollup,
    startSweep(everyMs) {
      const sweep = () => {
        rollup.extend().catch((err: unknown) => logger.warn({ err }, 'the analytics rollup could not be extended'));
      };
      sweep();
      const timer = setInterval(sweep, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
