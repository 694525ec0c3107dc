/**
 * (e), issue 16: what keeping the analytics rollup current adds to the sync's cost per changed
 * booking. Both sides are read from the composition's own metrics registry (the one /metrics
 * serves): the sync's time per room sync (`roomserve_sync_duration_seconds`: EWS round trips, the
 * database transaction, the booking-change listeners' calls) and the rollup's time applying the
 * changes it was told of (`roomserve_analytics_rollup_seconds`), which runs behind the sync and so
 * is not inside the sync's time. Over the same changes, their ratio is the share the issue asks for.
 */
import type { Knex } from 'knex';
import type { Registry } from 'prom-client';
import { createAnalyticsFacts } from '../../server/adapters/db/repositories/analytics';
import { createAnalyticsRollupStore } from '../../server/adapters/db/repositories/analyticsRollup';
import { ROLLUP_BOOKINGS, ROLLUP_SECONDS } from '../../server/adapters/metrics/analyticsRollupMetrics';
import { createAnalyticsRollup } from '../../server/services/analytics/rollup';
import type { BenchRoomserve } from './roomserve';

const DAY_MS = 86_400_000;
const SYNC_SECONDS = 'roomserve_sync_duration_seconds';
/** bench:analytics' building: open on weekdays 07:00–19:00, so the rollup's days have open time and hour cells. */
const OFFICE_HOURS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '07:00', close: '19:00' }]]),
);

export interface Costs {
  readonly syncSeconds: number;
  readonly syncs: number;
  readonly rollupSeconds: number;
  readonly rollupBatches: number;
  readonly rollupBookings: number;
}

export interface Coverage {
  readonly from: string;
  readonly to: string;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The sum of one metric's values over all its labels (`name` as prom-client names it: `x_sum`, `x_count`). */
async function summed(registry: Registry, metric: string, name: string): Promise<number> {
  const found = registry.getSingleMetric(metric);
  if (!found) throw new Error(`the registry has no ${metric}`);
  const values: readonly { readonly value: number; readonly metricName?: string }[] = (await found.get()).values;
  return values.filter((v) => (v.metricName ?? metric) === name).reduce((sum, v) => sum + v.value, 0);
}

export async function costsNow(registry: Registry): Promise<Costs> {
  return {
    syncSeconds: await summed(registry, SYNC_SECONDS, `${SYNC_SECONDS}_sum`),
    syncs: await summed(registry, SYNC_SECONDS, `${SYNC_SECONDS}_count`),
    rollupSeconds: await summed(registry, ROLLUP_SECONDS, `${ROLLUP_SECONDS}_sum`),
    rollupBatches: await summed(registry, ROLLUP_SECONDS, `${ROLLUP_SECONDS}_count`),
    rollupBookings: await summed(registry, ROLLUP_BOOKINGS, ROLLUP_BOOKINGS),
  };
}

export function costsBetween(after: Costs, before: Costs): Costs {
  return {
    syncSeconds: after.syncSeconds - before.syncSeconds,
    syncs: after.syncs - before.syncs,
    rollupSeconds: after.rollupSeconds - before.rollupSeconds,
    rollupBatches: after.rollupBatches - before.rollupBatches,
    rollupBookings: after.rollupBookings - before.rollupBookings,
  };
}

async function openOfficeHours(knex: Knex): Promise<void> {
  await knex('buildings').update({ opening_hours: JSON.stringify(OFFICE_HOURS) });
}

/**
 * The state after `npm run analytics:backfill`: the rollup covers the past week up to the last
 * finished day (two days back), so the bench's changes, all still to come, fall outside it.
 */
export async function coverThePastWeek(roomserve: BenchRoomserve, today: number): Promise<Coverage> {
  await openOfficeHours(roomserve.db.knex);
  const done = await roomserve.composition.analyticsRollup.backfill({ from: isoDay(today - 7 * DAY_MS) });
  return { from: done.from, to: done.to };
}

/**
 * The coverage extended over every day the bench changes meetings on (up to `days` after today),
 * by the daily sweep's own code run as if those days were over: a change there costs what a
 * change to a past, covered meeting costs (its room's week read, computed and written again).
 */
export async function coverTheComingDays(roomserve: BenchRoomserve, today: number, days: number): Promise<Coverage> {
  const knex = roomserve.db.knex;
  const store = createAnalyticsRollupStore(knex);
  // The sweep covers up to two days before its "now".
  const later = new Date(today + (days + 2) * DAY_MS + 12 * 3_600_000);
  const rollup = createAnalyticsRollup({ facts: createAnalyticsFacts(knex), store, clock: { now: () => later } });
  await rollup.extend();
  const coverage = await store.coverage();
  if (!coverage || coverage.to < isoDay(today + days * DAY_MS)) throw new Error('the rollup was not extended');
  return coverage;
}
