import type { Knex } from 'knex';
import type { RollupDay, RollupWeekSums } from '../../../domain/analytics/rollup';
import type { HourCells } from '../../../domain/analytics/heatmap';
import { pairsOf, sortedTally, valuesOf } from '../../../domain/analytics/tally';
import { chunk } from '../../../domain/chunk';

const MINUTE = 60_000;

/**
 * Hour cells as stored: their times in minutes (60 rather than 3600000: a building's year of weeks
 * is millions of them, read as text), exact, as ms ÷ 60000 written as the shortest decimal that
 * reads back as the same number and rounded back to whole ms when read.
 */
const hoursText = (cells: HourCells): string => cells.map((v, i) => (i % 3 === 0 ? v : v / MINUTE)).join(',');

const counters = (s: RollupDay | RollupWeekSums) => ({
  room_id: s.roomId,
  open_ms: Math.round(s.openMs),
  booked_ms: Math.round(s.bookedMs),
  occupied_ms: Math.round(s.occupiedMs),
  released_ms: Math.round(s.releasedMs),
  bookings: s.bookings,
  recurring: s.recurring,
  check_in_candidates: s.checkInCandidates,
  released: s.released,
  sized: s.sized,
  under_half_capacity: s.underHalfCapacity,
  over_capacity: s.overCapacity,
  hours: hoursText(s.hours),
});

const dayRecord = (d: RollupDay) => ({
  ...counters(d),
  day: d.day,
  lengths: valuesOf(sortedTally(d.lengths)),
  lead_minutes: valuesOf(sortedTally(d.leadMinutes)),
  booking_ids: d.bookingIds,
});

const weekRecord = (w: RollupWeekSums) => ({
  ...counters(w),
  week: w.week,
  lengths: pairsOf(sortedTally(w.lengths)),
  lead_minutes: pairsOf(sortedTally(w.leadMinutes)),
});

/** The columns both tables have besides their key, with the types their JSON records are read as. */
const SHARED_COLUMNS: readonly (readonly [string, string])[] = [
  ['open_ms', 'bigint'],
  ['booked_ms', 'bigint'],
  ['occupied_ms', 'bigint'],
  ['released_ms', 'bigint'],
  ['bookings', 'integer'],
  ['recurring', 'integer'],
  ['check_in_candidates', 'integer'],
  ['released', 'integer'],
  ['sized', 'integer'],
  ['under_half_capacity', 'integer'],
  ['over_capacity', 'integer'],
  ['lengths', 'jsonb'],
  ['lead_minutes', 'jsonb'],
  ['hours', 'text'],
];

interface Table {
  readonly name: string;
  /** The date column of the key (with room_id). */
  readonly key: string;
  readonly columns: readonly (readonly [string, string])[];
}

const DAYS: Table = {
  name: 'analytics_room_days',
  key: 'day',
  columns: [...SHARED_COLUMNS, ['booking_ids', 'jsonb']],
};
const WEEKS: Table = { name: 'analytics_room_weeks', key: 'week', columns: SHARED_COLUMNS };

/** An upsert of a table's rows from one JSON parameter, each row waiting for the `held` lock. */
function upsertFromJson(table: Table): string {
  const names = table.columns.map(([name]) => name);
  const all = ['room_id', table.key, ...names];
  const typed = [`room_id uuid`, `${table.key} date`, ...table.columns.map(([name, type]) => `${name} ${type}`)];
  return `INSERT INTO ${table.name} (${all.join(', ')}, computed_at)
    SELECT ${all.map((c) => `r.${c}`).join(', ')}, now()
    FROM jsonb_to_recordset(CAST(? AS jsonb)) AS r(${typed.join(', ')}) CROSS JOIN held
    ON CONFLICT (room_id, ${table.key}) DO UPDATE SET
      ${[...names, 'computed_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`;
}

/** 'RmAn': the advisory-lock key of rollup writes (two writers of one week's days take turns). */
const WRITE_LOCK = 0x526d416e;

/**
 * Days and weeks written by one statement: the lock, then both upserts (each of their rows joins
 * the lock's row, so none is written before it is held), atomic without BEGIN and COMMIT. The
 * listener's batch of changes is one round trip to the database instead of five.
 */
// Data-modifying CTEs run whether or not the outer query reads them.
const SAVE = `WITH held AS (SELECT pg_advisory_xact_lock(?) AS locked),
  days AS (${upsertFromJson(DAYS)}),
  weeks AS (${upsertFromJson(WEEKS)})
  SELECT 1`;

const ROW_CHUNK = 500;

async function saveOnce(db: Knex | Knex.Transaction, days: readonly RollupDay[], weeks: readonly RollupWeekSums[]) {
  await db.raw(SAVE, [WRITE_LOCK, JSON.stringify(days.map(dayRecord)), JSON.stringify(weeks.map(weekRecord))]);
}

/**
 * Saves days and the weeks summed from them: one statement when they fit in one, else one
 * transaction of statements (the backfill's batches), the lock held throughout.
 */
export async function saveRollup(
  db: Knex,
  days: readonly RollupDay[],
  weeks: readonly RollupWeekSums[],
): Promise<void> {
  if (days.length === 0 && weeks.length === 0) return;
  if (days.length <= ROW_CHUNK && weeks.length <= ROW_CHUNK) return saveOnce(db, days, weeks);
  await db.transaction(async (trx) => {
    for (const batch of chunk(days, ROW_CHUNK)) await saveOnce(trx, batch, []);
    for (const batch of chunk(weeks, ROW_CHUNK)) await saveOnce(trx, [], batch);
  });
}
