import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  anonymiseBookings,
  createAnalyticsFacts,
  createAnalyticsSettingsStore,
} from '../../server/adapters/db/repositories/analytics';
import { createAnalyticsRollupStore } from '../../server/adapters/db/repositories/analyticsRollup';
import { createAnalyticsService, type AnalyticsService } from '../../server/services/analytics';
import { createAnonymisationJob } from '../../server/services/analytics/privacy';
import { createAnalyticsRollup, type AnalyticsRollup } from '../../server/services/analytics/rollup';
import { seedDemoIfEmpty } from '../../demo/database/seed';
import { ManualClock } from '../fakes/manualClock';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The demo's weeks of history make the analytics page say something believable; and the daily
 * rollup, backfilled over that history and kept current as bookings change, gives the very
 * figures the raw bookings give.
 */

const NOW = new Date('2026-06-17T09:00:00Z');
let db: TestDatabase;
let raw: AnalyticsService;
let withRollup: AnalyticsService;
let rollup: AnalyticsRollup;
let store: ReturnType<typeof createAnalyticsRollupStore>;
let facts: ReturnType<typeof createAnalyticsFacts>;
const lastFourWeeks = {
  from: DateTime.fromJSDate(NOW).minus({ weeks: 4 }).toISODate() ?? '',
  to: DateTime.fromJSDate(NOW).minus({ days: 1 }).toISODate() ?? '',
};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoIfEmpty(db.knex, { now: NOW, history: true });
  facts = createAnalyticsFacts(db.knex);
  const settings = createAnalyticsSettingsStore(db.knex);
  store = createAnalyticsRollupStore(db.knex);
  raw = createAnalyticsService({ facts, settings });
  withRollup = createAnalyticsService({ facts, settings, rollup: store });
  rollup = createAnalyticsRollup({ facts, store, clock: new ManualClock(NOW) });
}, 60_000);

afterAll(async () => {
  await db.close();
});

describe('the demo history', () => {
  it('gives every room weeks of use, booked and checked-in apart', async () => {
    const { report } = await raw.overview(lastFourWeeks);
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
    // The demo's meetings have their organizer and one to six others: not all of them under half full.
    expect(all.underHalfCapacityShare).toBeGreaterThan(0.2);
    expect(all.underHalfCapacityShare).toBeLessThan(0.9);
  });

  it('has something to recommend', async () => {
    const sentences = await raw.recommendations(lastFourWeeks);
    expect(sentences.length).toBeGreaterThan(0);
    expect(new Set(sentences.map((s) => s.kind)).size).toBeGreaterThan(1);
  });
});

describe('the daily rollup', () => {
  const overall = async (service: AnalyticsService) => (await service.overview(lastFourWeeks)).report.overall;
  /** The heat map and the recommendations (the floors' heat maps and the rooms' figures) from the rollup's rows. */
  const expectHeatAsRaw = async () => {
    // Read from the rows' hours, not from the raw bookings as when some rows predate them.
    const roomIds = (await db.knex('rooms').select<{ id: string }[]>('id')).map((r) => r.id);
    expect(await store.rangeHours(roomIds, lastFourWeeks.from, '2026-06-15')).toBeDefined();
    const heat = await withRollup.heatmap(lastFourWeeks);
    expect(heat.some((c) => c.bookedMinutes > 0)).toBe(true);
    expect(heat).toEqual(await raw.heatmap(lastFourWeeks));
    expect(await withRollup.recommendations(lastFourWeeks)).toEqual(await raw.recommendations(lastFourWeeks));
  };

  it('backfilled, gives the raw figures', async () => {
    const done = await rollup.backfill();
    expect(done.to).toBe('2026-06-15');
    expect(done.days).toBeGreaterThan(40 * 40);
    expect(await overall(withRollup)).toEqual(await overall(raw));
    expect((await withRollup.rooms(lastFourWeeks)).map((r) => r.figures)).toEqual(
      (await raw.rooms(lastFourWeeks)).map((r) => r.figures),
    );
    await expectHeatAsRaw();
  });

  it('follows a past booking cancelled, and one moved to another day, in two rooms at once', async () => {
    const before = await overall(raw);
    const latest = (otherThanRoom: string) =>
      db
        .knex('bookings')
        .where({ status: 'confirmed' })
        .whereNot({ room_id: otherThanRoom })
        .whereRaw("lower(during) < '2026-06-10'")
        .orderByRaw('lower(during) desc')
        .first<{ id: string; room_id: string } | undefined>('id', 'room_id');
    const first = await latest('00000000-0000-0000-0000-000000000000');
    const second = first && (await latest(first.room_id));
    if (!first || !second) throw new Error('the demo history has no past bookings in two rooms');
    await db.knex('bookings').where({ id: first.id }).update({ status: 'cancelled' });
    await db
      .knex('bookings')
      .where({ id: second.id })
      .update({ during: db.knex.raw("tstzrange('2026-05-25T05:00:00Z', '2026-05-25T05:30:00Z', '[)')") });
    await rollup.listener.bookingsChanged({ roomId: first.room_id, bookingIds: [first.id] });
    await rollup.listener.bookingsChanged({ roomId: second.room_id, bookingIds: [second.id] });
    await rollup.settled();
    const after = await overall(raw);
    expect(after.bookings).toBe(before.bookings - 1);
    expect(await overall(withRollup)).toEqual(after);
    await expectHeatAsRaw();
  });

  it('follows a booking moved four weeks back, out of the range the figures are of', async () => {
    const moved = await db
      .knex('bookings')
      .where({ status: 'confirmed' })
      .whereRaw("lower(during) >= '2026-06-12' AND lower(during) < '2026-06-15'")
      .first<{ id: string; room_id: string } | undefined>('id', 'room_id');
    if (!moved) throw new Error('the demo history has no booking from 12 to 14 June');
    const before = await overall(raw);
    await db
      .knex('bookings')
      .where({ id: moved.id })
      // A Saturday four weeks back, free and closed, before the four weeks the figures are of.
      .update({ during: db.knex.raw("tstzrange('2026-05-16T08:00:00Z', '2026-05-16T11:00:00Z', '[)')") });
    await rollup.listener.bookingsChanged({ roomId: moved.room_id, bookingIds: [moved.id] });
    await rollup.settled();
    const after = await overall(raw);
    expect(after.bookings).toBe(before.bookings - 1);
    expect(await overall(withRollup)).toEqual(after);
    expect((await withRollup.rooms(lastFourWeeks)).map((r) => r.figures)).toEqual(
      (await raw.rooms(lastFourWeeks)).map((r) => r.figures),
    );
    await expectHeatAsRaw();
  });

  it('extended by the hourly sweep, sums each new day into its week with the days stored before', async () => {
    // Covered to Monday 2026-06-15; six days later it reaches Sunday 2026-06-21, a whole week read from its row.
    const later = createAnalyticsRollup({ facts, store, clock: new ManualClock(new Date('2026-06-23T09:00:00Z')) });
    expect(await later.extend()).toBeGreaterThan(0);
    expect(await store.coverage()).toEqual({ from: expect.any(String), to: '2026-06-21' });
    const twoWeeks = { from: '2026-06-08', to: '2026-06-21' };
    const viaRollup = await withRollup.overview(twoWeeks);
    expect(viaRollup.report.trend[1]?.bookings).toBeGreaterThan(0);
    expect(viaRollup.report.overall).toEqual((await raw.overview(twoWeeks)).report.overall);
    expect(await withRollup.heatmap(twoWeeks)).toEqual(await raw.heatmap(twoWeeks));
  });
});

describe('anonymisation', () => {
  it('removes subject, organizer, attendees and description after N days, and leaves the figures as they were', async () => {
    const figures = async () => {
      const { report } = await raw.overview(lastFourWeeks);
      return [report.overall, report.floors, report.buildings, report.trend, report.leadTime];
    };
    const before = await figures();
    const roomsBefore = (await raw.rooms(lastFourWeeks)).map((r) => r.figures);
    // The age is the installation's analytics setting, read by the job as it runs.
    expect((await raw.settings()).anonymiseAfterDays).toBe(90);
    await raw.saveSettings({ ...(await raw.thresholds()), anonymiseAfterDays: 2 });
    const job = createAnonymisationJob({
      anonymiser: { anonymiseBefore: (at) => anonymiseBookings(db.knex, at) },
      clock: new ManualClock(NOW),
      afterDays: async () => (await raw.settings()).anonymiseAfterDays,
    });
    expect(await job.run()).toBeGreaterThan(500);
    expect(await job.run()).toBe(0);
    const old = await db
      .knex('bookings')
      .whereRaw("upper(during) < '2026-06-15T09:00:00Z'")
      .select<{ subject: string; organizer_email: string; attendees: unknown; description: string }[]>(
        'subject',
        'organizer_email',
        'attendees',
        'description',
      );
    expect(old.every((b) => b.subject === '' && b.organizer_email === '' && b.description === '')).toBe(true);
    expect(old.every((b) => JSON.stringify(b.attendees) === '[]')).toBe(true);
    const releases = await db
      .knex('room_releases')
      .whereRaw("meeting_end < '2026-06-15T09:00:00Z'")
      .whereNot('subject', '')
      .count<{ count: string }[]>('* as count');
    expect(Number(releases[0]?.count)).toBe(0);
    const recent = await db.knex('bookings').whereRaw("lower(during) > '2026-06-17T10:00:00Z'").whereNot('subject', '');
    expect(recent.length).toBeGreaterThan(0);
    expect(await figures()).toEqual(before);
    expect((await raw.rooms(lastFourWeeks)).map((r) => r.figures)).toEqual(roomsBefore);
  });
});
