import type { Knex } from 'knex';
import { mondayOf, wholeWeeksOf, type RollupDay, type RollupSpan } from '../../../domain/analytics/rollup';
import { sortedTally, tallyOf, valuesOf, type Tally } from '../../../domain/analytics/tally';
import { chunk } from '../../../domain/chunk';
import type { AnalyticsRollupStore } from '../../../ports/analytics';

const toRow = (d: RollupDay) => ({
  room_id: d.roomId,
  day: d.day,
  open_ms: Math.round(d.openMs),
  booked_ms: Math.round(d.bookedMs),
  occupied_ms: Math.round(d.occupiedMs),
  released_ms: Math.round(d.releasedMs),
  bookings: d.bookings,
  recurring: d.recurring,
  check_in_candidates: d.checkInCandidates,
  released: d.released,
  sized: d.sized,
  under_half_capacity: d.underHalfCapacity,
  over_capacity: d.overCapacity,
  lengths: JSON.stringify(valuesOf(sortedTally(d.lengths))),
  lead_minutes: JSON.stringify(valuesOf(sortedTally(d.leadMinutes))),
  booking_ids: JSON.stringify(d.bookingIds),
});

const ROOM_CHUNK = 1000;

/** The Monday of the row's week, as a date. */
const MONDAY = '(day - (CAST(extract(isodow FROM day) AS integer) - 1))';
// Lists are joined as text (their JSON without brackets), not unnested: a year of a building is
// hundreds of thousands of numbers, parsed once in JS.
const joined = (column: string) => `string_agg(nullif(btrim(CAST(${column} AS text), '[]'), ''), ',') AS ${column}`;
const COUNTERS = [
  'open_ms',
  'booked_ms',
  'occupied_ms',
  'released_ms',
  'bookings',
  'recurring',
  'check_in_candidates',
  'released',
  'sized',
  'under_half_capacity',
  'over_capacity',
];
const SUMS = [...COUNTERS.map((c) => `sum(${c}) AS ${c}`), joined('lengths'), joined('lead_minutes')].join(', ');

interface Counters {
  open_ms: unknown;
  booked_ms: unknown;
  occupied_ms: unknown;
  released_ms: unknown;
  bookings: unknown;
  recurring: unknown;
  check_in_candidates: unknown;
  released: unknown;
  sized: unknown;
  under_half_capacity: unknown;
  over_capacity: unknown;
}

interface SpanKey {
  room_id: string;
  span_from: string;
  span_to: string;
}

/** Weeks summed from the days: the lists joined as text. */
interface DaysSumRow extends Counters, SpanKey {
  lengths: string | null;
  lead_minutes: string | null;
}

/** A stored week: its tallies as JSON objects (value → count). */
interface WeekRow extends Counters, SpanKey {
  lengths: unknown;
  lead_minutes: unknown;
}

const joinedNumbers = (text: string | null): number[] => (text ? (JSON.parse(`[${text}]`) as number[]) : []);

function tallyFromJson(json: unknown): Tally {
  const counts = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, number>;
  const part = new Map<number, number>();
  for (const key in counts) part.set(Number(key), counts[key] ?? 0);
  return part.size > 0 ? [part] : [];
}

function countersOf(row: Counters & SpanKey) {
  return {
    roomId: row.room_id,
    from: row.span_from,
    to: row.span_to,
    openMs: Number(row.open_ms),
    bookedMs: Number(row.booked_ms),
    occupiedMs: Number(row.occupied_ms),
    releasedMs: Number(row.released_ms),
    bookings: Number(row.bookings),
    recurring: Number(row.recurring),
    checkInCandidates: Number(row.check_in_candidates),
    released: Number(row.released),
    sized: Number(row.sized),
    underHalfCapacity: Number(row.under_half_capacity),
    overCapacity: Number(row.over_capacity),
  };
}

const fromDays = (row: DaysSumRow): RollupSpan => ({
  ...countersOf(row),
  lengths: tallyOf(joinedNumbers(row.lengths)),
  leadMinutes: tallyOf(joinedNumbers(row.lead_minutes)),
});

const fromWeek = (row: WeekRow): RollupSpan => ({
  ...countersOf(row),
  lengths: tallyFromJson(row.lengths),
  leadMinutes: tallyFromJson(row.lead_minutes),
});

/** A week's tally of a list column, from its days. */
const dayTally = (column: string) => `(
  SELECT coalesce(jsonb_object_agg(e.v, e.n), '{}'::jsonb)
  FROM (SELECT v, count(*) AS n
        FROM analytics_room_days x, jsonb_array_elements_text(x.${column}) AS j(v)
        WHERE x.room_id = w.room_id AND x.day >= w.week AND x.day <= w.week + 6
        GROUP BY v) e)`;

/** Sums the days of the given (room, Monday) weeks into analytics_room_weeks. */
const refreshWeeks = (count: number) => `
  INSERT INTO analytics_room_weeks (room_id, week, ${COUNTERS.join(', ')}, lengths, lead_minutes, computed_at)
  SELECT w.room_id, w.week, ${COUNTERS.map((c) => `sum(d.${c})`).join(', ')},
    ${dayTally('lengths')}, ${dayTally('lead_minutes')}, now()
  FROM (VALUES ${new Array(count).fill('(CAST(? AS uuid), CAST(? AS date))').join(', ')}) AS w(room_id, week)
  JOIN analytics_room_days d ON d.room_id = w.room_id AND d.day >= w.week AND d.day <= w.week + 6
  GROUP BY w.room_id, w.week
  ON CONFLICT (room_id, week) DO UPDATE SET
    ${[...COUNTERS, 'lengths', 'lead_minutes', 'computed_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`;

/** 'RmAn': the advisory-lock key of rollup writes (a week is summed from days two writers may change at once). */
const WRITE_LOCK = 0x526d416e;
const ROW_CHUNK = 500;

export function createAnalyticsRollupStore(db: Knex): AnalyticsRollupStore {
  const inList = (ids: readonly string[]) => ids.map(() => '?').join(', ');

  /** The stored weeks from Monday `from` to Sunday `to`. */
  async function storedWeeks(ids: readonly string[], from: string, to: string): Promise<RollupSpan[]> {
    const result = await db.raw<{ rows: WeekRow[] }>(
      `SELECT room_id, to_char(week, 'YYYY-MM-DD') AS span_from, to_char(week + 6, 'YYYY-MM-DD') AS span_to,
         ${COUNTERS.join(', ')}, lengths, lead_minutes
       FROM analytics_room_weeks
       WHERE room_id IN (${inList(ids)}) AND week >= CAST(? AS date) AND week <= CAST(? AS date)`,
      [...ids, from, to],
    );
    return result.rows.map(fromWeek);
  }

  /** The days from `from` to `to` summed per week (cut to `from`–`to`). */
  async function summedDays(ids: readonly string[], from: string, to: string): Promise<RollupSpan[]> {
    const result = await db.raw<{ rows: DaysSumRow[] }>(
      `SELECT room_id,
         to_char(greatest(${MONDAY}, CAST(? AS date)), 'YYYY-MM-DD') AS span_from,
         to_char(least(${MONDAY} + 6, CAST(? AS date)), 'YYYY-MM-DD') AS span_to,
         ${SUMS}
       FROM analytics_room_days
       WHERE room_id IN (${inList(ids)}) AND day >= CAST(? AS date) AND day <= CAST(? AS date)
       GROUP BY room_id, ${MONDAY}`,
      [from, to, ...ids, from, to],
    );
    return result.rows.map(fromDays);
  }

  return {
    async coverage() {
      const row = await db('analytics_rollup_state')
        .where({ id: 1 })
        .first<{ covered_from: string; covered_to: string } | undefined>('covered_from', 'covered_to');
      return row ? { from: row.covered_from, to: row.covered_to } : undefined;
    },
    async setCoverage({ from, to }) {
      await db('analytics_rollup_state')
        .insert({ id: 1, covered_from: from, covered_to: to, updated_at: db.fn.now() })
        .onConflict('id')
        .merge();
    },
    async weekSums(roomIds, from, to) {
      const { whole, edges } = wholeWeeksOf({ from, to });
      const out: RollupSpan[] = [];
      for (const ids of chunk(roomIds, ROOM_CHUNK)) {
        if (whole) out.push(...(await storedWeeks(ids, whole.from, whole.to)));
        for (const edge of edges) out.push(...(await summedDays(ids, edge.from, edge.to)));
      }
      return out;
    },
    async save(days) {
      if (days.length === 0) return;
      const weeks = [...new Set(days.map((d) => `${d.roomId}|${mondayOf(d.day)}`))].map((k) => k.split('|'));
      await db.transaction(async (trx) => {
        await trx.raw('SELECT pg_advisory_xact_lock(?)', [WRITE_LOCK]);
        for (const batch of chunk(days, ROW_CHUNK))
          await trx('analytics_room_days')
            .insert(batch.map(toRow))
            .onConflict(['room_id', 'day'])
            .merge([
              ...Object.keys(toRow(batch[0] as RollupDay)).filter((k) => k !== 'room_id' && k !== 'day'),
              'computed_at',
            ]);
        for (const batch of chunk(weeks, ROW_CHUNK)) await trx.raw(refreshWeeks(batch.length), batch.flat());
      });
    },
    async daysOfBookings(bookingIds) {
      const out: { roomId: string; day: string }[] = [];
      // One query per batch: each containment test is answered by the GIN index, OR-ed in a bitmap.
      for (const ids of chunk(bookingIds, ROW_CHUNK)) {
        if (ids.length === 0) continue;
        const rows = await db('analytics_room_days')
          .whereRaw(
            ids.map(() => 'booking_ids @> CAST(? AS jsonb)').join(' OR '),
            ids.map((id) => JSON.stringify([id])),
          )
          .select<{ room_id: string; day: string }[]>('room_id', 'day');
        out.push(...rows.map((r) => ({ roomId: r.room_id, day: r.day })));
      }
      return out;
    },
    async bookingSpans(bookingIds) {
      if (bookingIds.length === 0) return [];
      const rows = await db('bookings')
        .whereIn('id', [...bookingIds])
        .select<{ room_id: string; start_ms: unknown; end_ms: unknown }[]>(
          'room_id',
          db.raw('CAST(floor(extract(epoch from lower(during)) * 1000) AS bigint) AS start_ms'),
          db.raw('CAST(floor(extract(epoch from upper(during)) * 1000) AS bigint) AS end_ms'),
        );
      return rows.map((r) => ({ roomId: r.room_id, start: Number(r.start_ms), end: Number(r.end_ms) }));
    },
    async firstBookingDay() {
      const row = await db('bookings').first<{ day: string | null } | undefined>(
        db.raw("to_char(min(lower(during)) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day"),
      );
      return row?.day ?? undefined;
    },
  };
}
