import type { Knex } from 'knex';
import {
  plusDays,
  weekCounters,
  wholeWeeksOf,
  type RollupRange,
  type RollupSpan,
  type RollupWeek,
  type RoomHours,
} from '../../../domain/analytics/rollup';
import { tallyOf, type Tally } from '../../../domain/analytics/tally';
import { chunk } from '../../../domain/chunk';
import type { AnalyticsRollupStore } from '../../../ports/analytics';
import { saveRollup } from './analyticsRollupWrites';

const MINUTE = 60_000;

/** Hour cells as stored (hoursText in analyticsRollupWrites.ts), their times back in whole ms. */
function hoursFromText(text: string | null): number[] {
  const flat = joinedNumbers(text);
  for (let i = 0; i < flat.length; i += 1) if (i % 3 !== 0) flat[i] = Math.round((flat[i] as number) * MINUTE);
  return flat;
}

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

/** A room's stored weeks summed: its weeks' tallies joined as text (value, count, value, count...) and its weeks' counters. */
interface RoomWeeksRow extends Counters, SpanKey {
  lengths: string | null;
  lead_minutes: string | null;
  weeks: string | null;
}

const joinedNumbers = (text: string | null): number[] => (text ? (JSON.parse(`[${text}]`) as number[]) : []);

/** One tally from the joined value, count pairs of many weeks. */
function tallyFromPairs(text: string | null): Tally {
  const flat = joinedNumbers(text);
  if (flat.length === 0) return [];
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const value = flat[i] as number;
    counts.set(value, (counts.get(value) ?? 0) + (flat[i + 1] as number));
  }
  return [counts];
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

const fromRoomWeeks = (row: RoomWeeksRow): RollupSpan => ({
  ...countersOf(row),
  lengths: tallyFromPairs(row.lengths),
  leadMinutes: tallyFromPairs(row.lead_minutes),
});

/** Weeks travel as days after this Monday; the few distinct weeks of a read are named once. */
const EPOCH_MONDAY = '2000-01-03';
const WEEK_FIELDS = 5;

function weekNamer(): (daysAfter: number) => { from: string; to: string } {
  const named = new Map<number, { from: string; to: string }>();
  return (daysAfter) => {
    let week = named.get(daysAfter);
    if (!week) {
      const from = plusDays(EPOCH_MONDAY, daysAfter);
      week = { from, to: plusDays(from, 6) };
      named.set(daysAfter, week);
    }
    return week;
  };
}

/** A room's weeks from their joined counters: days after EPOCH_MONDAY, open, booked, occupied, bookings. */
function weeksFromText(roomId: string, text: string | null, nameOf: ReturnType<typeof weekNamer>): RollupWeek[] {
  const flat = joinedNumbers(text);
  const weeks: RollupWeek[] = [];
  for (let i = 0; i + WEEK_FIELDS <= flat.length; i += WEEK_FIELDS) {
    const { from, to } = nameOf(flat[i] as number);
    weeks.push({
      roomId,
      from,
      to,
      openMs: flat[i + 1] as number,
      bookedMs: flat[i + 2] as number,
      occupiedMs: flat[i + 3] as number,
      bookings: flat[i + 4] as number,
    });
  }
  return weeks;
}

const ROW_CHUNK = 500;

export function createAnalyticsRollupStore(db: Knex): AnalyticsRollupStore {
  const inList = (ids: readonly string[]) => ids.map(() => '?').join(', ');

  /**
   * The stored weeks from Monday `from` to Sunday `to`, summed per room in SQL: one row a room,
   * its weeks' tallies and its weeks' counters for the trend joined as text, each parsed at once
   * (a year of a building was otherwise tens of thousands of rows and small objects).
   */
  async function storedWeeks(ids: readonly string[], from: string, to: string): Promise<RollupRange> {
    const nameOf = weekNamer();
    // One index range scan per room (LATERAL), each room's weeks summed as they come: no sort of
    // the building's weeks, which spilled to disk, and no scan of every building's weeks.
    const result = await db.raw<{ rows: RoomWeeksRow[] }>(
      `SELECT r.room_id, CAST(? AS text) AS span_from, CAST(? AS text) AS span_to, a.*
       FROM (VALUES ${ids.map(() => '(CAST(? AS uuid))').join(', ')}) AS r(room_id)
       CROSS JOIN LATERAL (
         SELECT count(*) AS stored, ${COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(', ')},
           ${joined('lengths')}, ${joined('lead_minutes')},
           string_agg(concat_ws(',', week - DATE '${EPOCH_MONDAY}', open_ms, booked_ms, occupied_ms, bookings), ',') AS weeks
         FROM analytics_room_weeks w
         WHERE w.room_id = r.room_id AND w.week >= CAST(? AS date) AND w.week <= CAST(? AS date)) a
       WHERE a.stored > 0`,
      [from, to, ...ids, from, to],
    );
    return {
      spans: result.rows.map(fromRoomWeeks),
      weeks: result.rows.flatMap((row) => weeksFromText(row.room_id, row.weeks, nameOf)),
    };
  }

  /** The days of the cut weeks at the edges of `from`–`to`, summed per week (cut to `from`–`to`), in one query. */
  async function summedDays(
    ids: readonly string[],
    edges: readonly { from: string; to: string }[],
    from: string,
    to: string,
  ): Promise<RollupSpan[]> {
    const result = await db.raw<{ rows: DaysSumRow[] }>(
      `SELECT room_id,
         to_char(greatest(${MONDAY}, CAST(? AS date)), 'YYYY-MM-DD') AS span_from,
         to_char(least(${MONDAY} + 6, CAST(? AS date)), 'YYYY-MM-DD') AS span_to,
         ${SUMS}
       FROM analytics_room_days
       WHERE room_id IN (${inList(ids)})
         AND (${edges.map(() => '(day >= CAST(? AS date) AND day <= CAST(? AS date))').join(' OR ')})
       GROUP BY room_id, ${MONDAY}`,
      [from, to, ...ids, ...edges.flatMap((e) => [e.from, e.to])],
    );
    return result.rows.map(fromDays);
  }

  /**
   * Each room's hour cells over `from`–`to`: its whole weeks' rows and its cut weeks' days, joined
   * as text and parsed once; undefined when any of them was computed before the hours were kept.
   */
  async function rangeHours(roomIds: readonly string[], from: string, to: string): Promise<RoomHours[] | undefined> {
    const { whole, edges } = wholeWeeksOf({ from, to });
    const out: RoomHours[] = [];
    for (const ids of chunk(roomIds, ROOM_CHUNK)) {
      const parts: string[] = [];
      const bindings: string[] = [];
      if (whole) {
        parts.push(`SELECT room_id, hours FROM analytics_room_weeks
          WHERE room_id IN (${inList(ids)}) AND week >= CAST(? AS date) AND week <= CAST(? AS date)`);
        bindings.push(...ids, whole.from, whole.to);
      }
      if (edges.length > 0) {
        parts.push(`SELECT room_id, hours FROM analytics_room_days
          WHERE room_id IN (${inList(ids)})
            AND (${edges.map(() => '(day >= CAST(? AS date) AND day <= CAST(? AS date))').join(' OR ')})`);
        bindings.push(...ids, ...edges.flatMap((e) => [e.from, e.to]));
      }
      const result = await db.raw<{ rows: { room_id: string; complete: boolean; hours: string | null }[] }>(
        `SELECT room_id, bool_and(hours IS NOT NULL) AS complete, string_agg(nullif(hours, ''), ',') AS hours
         FROM (${parts.join(' UNION ALL ')}) x GROUP BY room_id`,
        bindings,
      );
      for (const row of result.rows) {
        if (!row.complete) return undefined;
        out.push({ roomId: row.room_id, hours: hoursFromText(row.hours) });
      }
    }
    return out;
  }

  return {
    rangeHours,
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
    async rangeSums(roomIds, from, to) {
      const { whole, edges } = wholeWeeksOf({ from, to });
      const spans: RollupSpan[] = [];
      const weeks: RollupWeek[] = [];
      for (const ids of chunk(roomIds, ROOM_CHUNK)) {
        if (whole) {
          const stored = await storedWeeks(ids, whole.from, whole.to);
          for (const span of stored.spans) spans.push(span);
          for (const week of stored.weeks) weeks.push(week);
        }
        if (edges.length > 0) {
          const cut = await summedDays(ids, edges, from, to);
          for (const span of cut) {
            spans.push(span);
            weeks.push(weekCounters(span));
          }
        }
      }
      return { spans, weeks };
    },
    save: (days, weeks) => saveRollup(db, days, weeks),
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
