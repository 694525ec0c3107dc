import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { createAnalyticsFacts, createAnalyticsSettingsStore } from '../../server/adapters/db/repositories/analytics';
import { createAnalyticsService, type AnalyticsService } from '../../server/services/analytics';
import { seedDemoIfEmpty } from '../../demo/database/seed';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The demo's weeks of history make the analytics page say something believable: booked and
 * actual use apart, no-shows in the rooms that require check-in, and recommendations.
 */

const NOW = new Date('2026-06-17T09:00:00Z');
let db: TestDatabase;
let analytics: AnalyticsService;
const lastFourWeeks = {
  from: DateTime.fromJSDate(NOW).minus({ weeks: 4 }).toISODate() ?? '',
  to: DateTime.fromJSDate(NOW).minus({ days: 1 }).toISODate() ?? '',
};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoIfEmpty(db.knex, { now: NOW, history: true });
  analytics = createAnalyticsService({
    facts: createAnalyticsFacts(db.knex),
    settings: createAnalyticsSettingsStore(db.knex),
  });
}, 60_000);

afterAll(async () => {
  await db.close();
});

describe('the demo history', () => {
  it('gives every room weeks of use, booked and checked-in apart', async () => {
    const { report } = await analytics.overview(lastFourWeeks);
    const all = report.overall;
    expect(all.bookings).toBeGreaterThan(500);
    expect(all.bookedUtilisation).toBeGreaterThan(0.2);
    expect(all.bookedUtilisation).toBeLessThan(0.8);
    expect(all.checkedInUtilisation).not.toBeNull();
    expect(all.checkedInUtilisation ?? 1).toBeLessThan(all.bookedUtilisation ?? 0);
    expect(all.noShowRate).toBeGreaterThan(0.05);
    expect(all.noShowRate).toBeLessThan(0.4);
    expect(report.trend).toHaveLength(5);
    expect(report.trend.filter((w) => w.bookings > 0)).toHaveLength(5);
    expect(report.leadTime.buckets.every((b) => b.bookings > 0)).toBe(true);
  });

  it('has something to recommend', async () => {
    const sentences = await analytics.recommendations(lastFourWeeks);
    expect(sentences.length).toBeGreaterThan(0);
    expect(new Set(sentences.map((s) => s.kind)).size).toBeGreaterThan(1);
  });
});
