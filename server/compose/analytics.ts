import { createAnalyticsFacts, createAnalyticsSettingsStore } from '../adapters/db/repositories/analytics';
import { createAnalyticsService, type AnalyticsService } from '../services/analytics';
import type { Infrastructure } from './infrastructure';

export interface AnalyticsFeature {
  readonly service: AnalyticsService;
}

/** Room analytics (docs/analytics.md): read-only over the bookings, display facts and orders. */
export function composeAnalytics(deps: { readonly infrastructure: Pick<Infrastructure, 'knex'> }): AnalyticsFeature {
  const { knex } = deps.infrastructure;
  return {
    service: createAnalyticsService({
      facts: createAnalyticsFacts(knex),
      settings: createAnalyticsSettingsStore(knex),
    }),
  };
}
