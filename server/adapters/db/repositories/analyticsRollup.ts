import type { Knex } from 'knex';
import type { RollupDay, RollupSpan } from '../../../domain/analytics/rollup';
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
  lengths: JSON.stringify(d.lengths),
  lead_minutes: JSON.stringify(d.leadMinutes),
  booking_ids: JSON.stringify(d.bookingIds),
});

const ROOM_CHUNK = 1000;

/** The Monday of the row's week, as a date. */
const MONDAY = '(day - (CAST(extract(isodow FROM day) AS integer) - 1))';
// Lists are joined as text (their JSON without brackets), not unnested: a year of a building is
// hundreds of thousands of numbers, parsed once in JS.
const joined = (column: string) => `string_agg(nullif(btrim(CAST(${column} AS text), '[]'), ''), ',') AS ${column}`;
const SUMS = [
  ...['open_ms', 'booked_ms', 'occupied_ms', 'released_ms', 'bookings', 'recurring', 'check_in_candidates'].map(
    (c) => `sum(${c}) AS ${c}`,
  ),
  ...['released', 'sized', 'under_half_capacity', 'over_capacity'].map((c) => `sum(${c}) AS ${c}`),
  joined('lengths'),
  joined('lead_minutes'),
].join(', ');

interface WeekRow {
  room_id: string;
  span_from: string;
  span_to: string;
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
  lengths: string | null;
  lead_minutes: string | null;
}

const joinedNumbers = (text: string | null): number[] => (text ? (JSON.parse(`[${text}]`) as number[]) : []);

function toSpan(row: WeekRow): RollupSpan {
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
    lengths: joinedNumbers(row.lengths),
    leadMinutes: joinedNumbers(row.lead_minutes),
  };
}
const ROW_CHUNK = 500;

export function createAnalyticsRollupStore(db: Knex): AnalyticsRollupStore {
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
      const out: RollupSpan[] = [];
      for (const ids of chunk(roomIds, ROOM_CHUNK)) {
        const result = await db.raw<{ rows: WeekRow[] }>(
          `SELECT room_id,
             to_char(greatest(${MONDAY}, CAST(? AS date)), 'YYYY-MM-DD') AS span_from,
             to_char(least(${MONDAY} + 6, CAST(? AS date)), 'YYYY-MM-DD') AS span_to,
             ${SUMS}
           FROM analytics_room_days
           WHERE room_id IN (${ids.map(() => '?').join(', ')}) AND day >= CAST(? AS date) AND day <= CAST(? AS date)
           GROUP BY room_id, ${MONDAY}`,
          [from, to, ...ids, from, to],
        );
        out.push(...result.rows.map(toSpan));
      }
      return out;
    },
    async save(days) {
      if (days.length === 0) return;
      await db.transaction(async (trx) => {
        for (const batch of chunk(days, ROW_CHUNK))
          await trx('analytics_room_days')
            .insert(batch.map(toRow))
            .onConflict(['room_id', 'day'])
            .merge([
              ...Object.keys(toRow(batch[0] as RollupDay)).filter((k) => k !== 'room_id' && k !== 'day'),
              'computed_at',
            ]);
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
