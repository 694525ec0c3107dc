import { Counter, Histogram, type Registry } from 'prom-client';
import type { AnalyticsRollupObserver } from '../../ports/analytics';

export const ROLLUP_SECONDS = 'roomserve_analytics_rollup_seconds';
export const ROLLUP_BOOKINGS = 'roomserve_analytics_rollup_bookings_total';

/**
 * Prometheus metrics of the analytics rollup's listener, in the registry served at /metrics beside
 * the sync's: the time it spends behind the sync is what keeping the rollup current costs.
 */
export function createAnalyticsRollupMetrics(registry: Registry): AnalyticsRollupObserver {
  const seconds = new Histogram({
    name: ROLLUP_SECONDS,
    help: "Time to apply one batch of the sync's booking changes to the analytics rollup, by outcome.",
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  const bookings = new Counter({
    name: ROLLUP_BOOKINGS,
    help: 'Changed bookings the analytics rollup has followed (each once per batch), by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  return {
    changesApplied(event) {
      seconds.observe({ outcome: event.outcome }, event.durationMs / 1000);
      bookings.inc({ outcome: event.outcome }, event.bookings);
    },
  };
}
