import type { Knex } from 'knex';
import type { RollupDay } from '../../../domain/analytics/rollup';
import { chunk } from '../../../domain/chunk';
import type { AnalyticsRollupStore } from '../../../ports/analytics';

interface DayRow {
  room_id: string;
  day: string;
  open_ms: unknown;
  booked_ms: unknown;
  occupied_ms: unknown;
  released_ms: unknown;
  bookings: number;
  recurring: number;
  check_in_candidates: number;
  released: number;
  sized: number;
  under_half_capacity: number;
  over_capacity: number;
  lengths: unknown;
  lead_minutes: unknown;
  booking_ids: unknown;
}

const numbers = (value: unknown): number[] => {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(Number) : [];
};
const strings = (value: unknown): string[] => {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

function toDay(row: DayRow): RollupDay {
  return {
    roomId: row.room_id,
    day: row.day,
    openMs: Number(row.open_ms),
    bookedMs: Number(row.booked_ms),
    occupiedMs: Number(row.occupied_ms),
    releasedMs: Number(row.released_ms),
    bookings: row.bookings,
    recurring: row.recurring,
    checkInCandidates: row.check_in_candidates,
    released: row.released,
    sized: row.sized,
    underHalfCapacity: row.under_half_capacity,
    overCapacity: row.over_capacity,
    lengths: numbers(row.lengths),
    leadMinutes: numbers(row.lead_minutes),
    bookingIds: strings(row.booking_ids),
  };
}

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
    async days(roomIds, from, to) {
      const out: RollupDay[] = [];
      for (const ids of chunk(roomIds, ROOM_CHUNK)) {
        const rows = await db('analytics_room_days')
          .whereIn('room_id', ids)
          .where('day', '>=', from)
          .where('day', '<=', to)
          .select<DayRow[]>('*');
        out.push(...rows.map(toDay));
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
      for (const id of bookingIds) {
        const rows = await db('analytics_room_days')
          .whereRaw('booking_ids @> ?::jsonb', [JSON.stringify([id])])
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
