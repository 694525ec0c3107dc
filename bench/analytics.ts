/**
 * npm run bench:analytics [-- --quick]   (or BENCH_QUICK=1)
 *
 * On PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a throwaway
 * schema dropped afterwards): 4 buildings, 2,000 rooms and one year of history, about 1,000,000
 * bookings (two a working day per room; --quick: 200 rooms, about 100,000). Prints the backfill
 * time of the daily rollup, then p50/p95 of the analytics service (no HTTP) for one building's
 * overview over the year and one room's figures over one month, then one building's heat map and
 * recommendations over the year, with the rollup and (fewer runs) from the raw bookings. Goals:
 * overview p95 ≤ 500 ms, one room p95 ≤ 50 ms.
 *
 * Then what keeping the rollup current adds to the sync per changed booking: the sync's database
 * work for one changed meeting (read the room's stored bookings of the day, move the booking, one
 * transaction, through the sync's own writer) timed alone and with the rollup's listener (its
 * queued work awaited), in interleaved blocks of one run, for meetings still to come (the usual change) and meetings on days the
 * rollup covers (the costly one). The sync's EWS requests are left out, so the share printed is an
 * upper bound of the share of the whole sync's cost; the figure (goal ≤ 5%) is measured on
 * the whole sync by `npm run bench:sync`, figure (e).
 * BENCH_ROOMS overrides the number of rooms (profiling).
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';
import { createAnalyticsFacts, createAnalyticsSettingsStore } from '../server/adapters/db/repositories/analytics';
import { createAnalyticsRollupStore } from '../server/adapters/db/repositories/analyticsRollup';
import { syncBookingWriter } from '../server/adapters/db/repositories/syncBookings';
import type { BookingChangeListener } from '../server/ports/bookingChanges';
import { migrateToLatest, openDatabase } from '../server/adapters/db/database';
import { createAnalyticsService, type AnalyticsService } from '../server/services/analytics';
import { createAnalyticsRollup } from '../server/services/analytics/rollup';
import { ManualClock } from '../test/fakes/manualClock';

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const ROOMS = Number(process.env.BENCH_ROOMS ?? (QUICK ? 200 : 2_000));
const BUILDINGS = 4;
const FLOORS_PER_BUILDING = 5;
const YEAR_FROM = '2025-01-01';
const YEAR_TO = '2025-12-31';
const HOURS = JSON.stringify(
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '07:00', close: '19:00' }]])),
);

async function fill(db: Knex): Promise<{ buildingId: string; roomId: string }> {
  await db.raw(
    `INSERT INTO buildings (name, time_zone, opening_hours)
     SELECT 'Building ' || b, 'Europe/Berlin', CAST(? AS jsonb) FROM generate_series(1, ?) b`,
    [HOURS, BUILDINGS],
  );
  await db.raw(
    `INSERT INTO floors (building_id, name, level)
     SELECT b.id, 'Floor ' || f, f FROM buildings b, generate_series(1, ?) f`,
    [FLOORS_PER_BUILDING],
  );
  await db.raw(
    `INSERT INTO rooms (floor_id, name, capacity, created_at)
     SELECT f.id, 'Room ' || f.level || '-' || r || '-' || substr(f.id::text, 1, 4), 2 + (r % 12), '2024-12-01'
     FROM floors f, generate_series(1, ?) r`,
    [ROOMS / (BUILDINGS * FLOORS_PER_BUILDING)],
  );
  // Two meetings a working day per room, morning and afternoon; some cancelled, some from series,
  // booked from the same day to a month ahead.
  await db.raw(
    `WITH days AS (
       SELECT d::date AS day, row_number() OVER () AS n FROM generate_series(CAST(? AS date), CAST(? AS date), interval '1 day') d
       WHERE extract(isodow FROM d) < 6),
     rooms_n AS (SELECT id, row_number() OVER (ORDER BY id) AS r FROM rooms),
     slots AS (
       SELECT r.id AS room_id, r.r, d.n, k,
         (d.day + (CASE WHEN k = 0 THEN 7 + ((r.r + d.n) % 4) ELSE 13 + ((r.r * 3 + d.n) % 4) END) * interval '1 hour')
           AT TIME ZONE 'Europe/Berlin' AS starts,
         (30 * (1 + ((r.r + d.n + k) % 4))) * interval '1 minute' AS length
       FROM rooms_n r, days d, generate_series(0, 1) k)
     INSERT INTO bookings (room_id, during, organizer_email, source, status, is_occurrence, created_at)
     SELECT room_id, tstzrange(starts, starts + length, '[)'), 'someone@example.test', 'exchange',
       CASE WHEN (r + n + k) % 17 = 0 THEN 'cancelled' ELSE 'confirmed' END, (r + n) % 3 = 0,
       starts - ((r * 7 + n) % 720) * interval '1 hour'
     FROM slots`,
    [YEAR_FROM, YEAR_TO],
  );
  await db.raw('ANALYZE');
  const building = await db('buildings').orderBy('name').first<{ id: string }>('id');
  const room = await db('rooms').orderBy('name').first<{ id: string }>('id');
  return { buildingId: building.id, roomId: room.id };
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const CHANGES = 40;

/** The sync's database work for one changed meeting: read the room's day, move the booking 15 minutes. */
async function syncChange(db: Knex, booking: { id: string; roomId: string; start: Date }, shift: number) {
  await db.transaction(async (trx) => {
    const day = {
      start: new Date(booking.start.getTime() - 12 * 3_600_000),
      end: new Date(booking.start.getTime() + 12 * 3_600_000),
    };
    await syncBookingWriter(trx).bookingsInWindow(booking.roomId, day);
    await trx('bookings')
      .where({ id: booking.id })
      .update({
        during: trx.raw(
          "tstzrange(lower(during) + ? * interval '1 minute', upper(during) + ? * interval '1 minute', '[)')",
          [shift, shift],
        ),
        updated_at: trx.fn.now(),
      });
  });
}

/**
 * The same changes with the sync alone and with the rollup's listener (its queued work awaited at
 * the end of each block), blocks interleaved; the mean cost per change of each.
 */
async function listenerShare(
  db: Knex,
  rollup: { listener: BookingChangeListener; settled(): Promise<void> },
  bookings: readonly Sample[],
): Promise<{ off: number; on: number }> {
  const BLOCK = 10;
  const spent = { off: 0, on: 0 };
  for (let i = 0; i < bookings.length; i += BLOCK) {
    const block = bookings.slice(i, i + BLOCK);
    for (const on of [false, true]) {
      const started = performance.now();
      // Back and forth, so every booking ends where it started.
      for (const shift of [15, -15])
        for (const b of block) {
          await syncChange(db, b, shift);
          if (on) await rollup.listener.bookingsChanged({ roomId: b.roomId, bookingIds: [b.id] });
        }
      if (on) await rollup.settled();
      spent[on ? 'on' : 'off'] += performance.now() - started;
    }
  }
  const changes = bookings.length * 2;
  return { off: spent.off / changes, on: spent.on / changes };
}

/** Meetings to change: some still to come (added after the history), some on covered days. */
async function changeSamples(db: Knex): Promise<{ future: Sample[]; covered: Sample[] }> {
  await db.raw(
    `INSERT INTO bookings (room_id, during, organizer_email, source, status, created_at)
     SELECT id, tstzrange(CAST('2026-02-02T09:00:00Z' AS timestamptz), CAST('2026-02-02T09:30:00Z' AS timestamptz), '[)'),
       'someone@example.test', 'exchange', 'confirmed', now()
     FROM rooms ORDER BY id LIMIT ?`,
    [CHANGES],
  );
  const pick = (where: string) =>
    db('bookings')
      .whereRaw(where)
      .where({ status: 'confirmed' })
      .orderByRaw('random()')
      .limit(CHANGES)
      .select<{ id: string; room_id: string; start: Date }[]>('id', 'room_id', db.raw('lower(during) AS start'));
  const toSample = (rows: { id: string; room_id: string; start: Date }[]): Sample[] =>
    rows.map((r) => ({ id: r.id, roomId: r.room_id, start: new Date(r.start) }));
  return {
    future: toSample(await pick("lower(during) >= '2026-02-01'")),
    covered: toSample(await pick("lower(during) BETWEEN '2025-06-02' AND '2025-06-28'")),
  };
}

interface Sample {
  readonly id: string;
  readonly roomId: string;
  readonly start: Date;
}

async function run(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openDatabase({ engine: 'postgres', url, schema });
  try {
    await migrateToLatest(db.knex);
    let started = performance.now();
    const { buildingId, roomId } = await fill(db.knex);
    const count = Number((await db.knex('bookings').count<{ count: string }[]>('* as count'))[0]?.count ?? 0);
    console.log(
      `fixture: ${ROOMS} rooms, ${count} bookings (${QUICK ? 'quick' : 'full'}), filled in ${ms(performance.now() - started)}`,
    );

    const facts = createAnalyticsFacts(db.knex);
    const store = createAnalyticsRollupStore(db.knex);
    const settings = createAnalyticsSettingsStore(db.knex);
    const rollup = createAnalyticsRollup({ facts, store, clock: new ManualClock('2026-01-03T12:00:00Z') });
    started = performance.now();
    const backfill = await rollup.backfill({ from: YEAR_FROM });
    console.log(`backfill of the year: ${backfill.days} room-days in ${ms(performance.now() - started)}`);
    await db.knex.raw('ANALYZE');

    const services: [string, AnalyticsService, number][] = [
      ['rollup', createAnalyticsService({ facts, settings, rollup: store }), 20],
      ['raw bookings', createAnalyticsService({ facts, settings }), 3],
    ];
    for (const [name, service, runs] of services) {
      const overview = await timed(runs, () => service.overview({ from: YEAR_FROM, to: YEAR_TO, buildingId }));
      const room = await timed(runs * 3, () => service.rooms({ from: '2025-06-01', to: '2025-06-30', roomId }));
      const year = { from: YEAR_FROM, to: YEAR_TO, buildingId };
      const heat = await timed(runs, () => service.heatmap(year));
      const advice = await timed(runs, () => service.recommendations(year));
      console.log(
        `${name}: building overview, 1 year (${ROOMS / BUILDINGS} rooms): p50 ${ms(overview.p50)}, p95 ${ms(overview.p95)} (goal 500 ms); ` +
          `one room, one month: p50 ${ms(room.p50)}, p95 ${ms(room.p95)} (goal 50 ms); ` +
          `building heat map, 1 year: p50 ${ms(heat.p50)}, p95 ${ms(heat.p95)}; ` +
          `building recommendations, 1 year: p50 ${ms(advice.p50)}, p95 ${ms(advice.p95)}`,
      );
    }

    const samples = await changeSamples(db.knex);
    for (const [name, list] of [
      ['meetings still to come', samples.future],
      ['meetings on covered days', samples.covered],
    ] as const) {
      const share = await listenerShare(db.knex, rollup, list);
      console.log(
        `rollup listener, ${name} (${list.length * 2} changes each way): sync's database work ${share.off.toFixed(2)} ms per change alone, ` +
          `${share.on.toFixed(2)} ms with the rollup kept current: adds ${((100 * (share.on - share.off)) / share.off).toFixed(1)}% (database work only; the goal's figure is bench:sync's (e))`,
      );
    }
  } finally {
    await db.close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
    await cleanup.end();
  }
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
