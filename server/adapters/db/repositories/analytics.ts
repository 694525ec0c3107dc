import type { Knex } from 'knex';
import { openingHoursSchema } from '../../../../shared/schemas/locations';
import type { OrderFact } from '../../../domain/analytics/catering';
import { analyticsThresholdsSchema } from '../../../../shared/schemas/analytics';
import { DEFAULT_THRESHOLDS, type RecommendationThresholds } from '../../../domain/analytics/recommendations';
import type { AnalyticsRoom, BookingFact, BookingStatus } from '../../../domain/analytics/types';
import type { Interval } from '../../../domain/availability/interval';
import { chunk } from '../../../domain/chunk';
import type { AnalyticsFacts, AnalyticsScope, AnalyticsSettingsStore } from '../../../ports/analytics';

const EPOCH_MS = (expr: string): string => `CAST(floor(extract(epoch from ${expr}) * 1000) AS bigint)`;
const WINDOW = "tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')";
const windowArgs = (w: Interval): string[] => [new Date(w.start).toISOString(), new Date(w.end).toISOString()];
const ROOM_CHUNK = 1000;

interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  floor_id: string;
  floor_name: string;
  building_id: string;
  building_name: string;
  time_zone: string;
  opening_hours: unknown;
  created_ms: unknown;
  deactivated_ms: unknown;
  check_in_required: boolean;
}

interface BookingRow {
  id: string;
  room_id: string;
  start_ms: unknown;
  end_ms: unknown;
  status: BookingStatus;
  source: BookingFact['source'];
  created_ms: unknown;
  attendee_count: unknown;
  is_occurrence: boolean;
  checked_in_ms: unknown;
  ended_ms: unknown;
  released_ms: unknown;
}

interface OrderRow {
  room_id: string;
  start_ms: unknown;
  provider_id: string | null;
  provider_name: string;
  building_id: string;
  building_name: string;
  status: string;
  flagged: boolean;
  currency: string;
  total_minor: unknown;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const msOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toRoom(row: RoomRow): AnalyticsRoom {
  return {
    id: row.id,
    name: row.name,
    capacity: row.capacity,
    floorId: row.floor_id,
    floorName: row.floor_name,
    buildingId: row.building_id,
    buildingName: row.building_name,
    timeZone: row.time_zone,
    openingHours: openingHoursSchema.parse(json(row.opening_hours)),
    activeFrom: Number(row.created_ms),
    activeUntil: msOrNull(row.deactivated_ms),
    checkInRequired: row.check_in_required,
  };
}

function toBooking(row: BookingRow): BookingFact {
  return {
    id: row.id,
    roomId: row.room_id,
    start: Number(row.start_ms),
    end: Number(row.end_ms),
    status: row.status,
    source: row.source,
    createdAt: Number(row.created_ms),
    attendeeCount: Number(row.attendee_count),
    recurring: row.is_occurrence,
    checkedInAt: msOrNull(row.checked_in_ms),
    endedEarlyAt: msOrNull(row.ended_ms),
    releasedAt: msOrNull(row.released_ms),
  };
}

function scoped<Q extends Knex.QueryBuilder>(query: Q, scope: AnalyticsScope): Q {
  if (scope.buildingId !== undefined) void query.where('f.building_id', scope.buildingId);
  if (scope.floorId !== undefined) void query.where('r.floor_id', scope.floorId);
  if (scope.roomId !== undefined) void query.where('r.id', scope.roomId);
  if (scope.roomIds !== undefined) void query.whereIn('r.id', [...scope.roomIds]);
  return query;
}

// People in a meeting: attendees that are not rooms (unique by address), plus the organizer when
// not among them. Kept in `attendee_count` once a booking is anonymised.
const PEOPLE_NOW = `(SELECT count(DISTINCT lower(a->>'email')) FROM jsonb_array_elements(b.attendees) a
    WHERE coalesce(a->>'kind', '') <> 'resource' AND coalesce(a->>'email', '') <> '')
  + CASE WHEN b.organizer_email <> '' AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(b.attendees) a
    WHERE lower(a->>'email') = lower(b.organizer_email)) THEN 1 ELSE 0 END`;
const ATTENDEE_COUNT = `coalesce(b.attendee_count, ${PEOPLE_NOW})`;

const BOOKING_SELECT = `b.id, b.room_id, ${EPOCH_MS('lower(b.during)')} AS start_ms, ${EPOCH_MS('upper(b.during)')} AS end_ms,
  b.status, b.source, ${EPOCH_MS('b.created_at')} AS created_ms, ${ATTENDEE_COUNT} AS attendee_count, b.is_occurrence,
  (SELECT ${EPOCH_MS('min(d.at)')} FROM display_actions d WHERE d.booking_id = b.id AND d.kind = 'check-in') AS checked_in_ms,
  (SELECT ${EPOCH_MS('min(d.at)')} FROM display_actions d WHERE d.booking_id = b.id AND d.kind = 'end') AS ended_ms,
  (SELECT ${EPOCH_MS('min(rr.at)')} FROM room_releases rr WHERE rr.booking_id = b.id AND rr.kind = 'release') AS released_ms`;

/**
 * Removes what names people from bookings that ended before `before` (subject, organizer,
 * attendees, description, booker; the release facts' subject and organizer), keeping the number
 * of people for the figures. Returns how many bookings it anonymised.
 */
export async function anonymiseBookings(db: Knex, before: Date): Promise<number> {
  return db.transaction(async (trx) => {
    const result = await trx.raw<{ rows: { id: string }[] }>(
      `UPDATE bookings b SET attendee_count = ${ATTENDEE_COUNT}, subject = '', organizer_name = '',
         organizer_email = '', attendees = '[]', description = '', booker_name = NULL, booker_email = NULL,
         anonymised_at = now()
       WHERE b.anonymised_at IS NULL AND upper(b.during) < CAST(? AS timestamptz)
       RETURNING b.id`,
      [before.toISOString()],
    );
    await trx('room_releases')
      .where('meeting_end', '<', before.toISOString())
      .whereRaw("(subject <> '' OR organizer_name <> '' OR organizer_email <> '')")
      .update({ subject: '', organizer_name: '', organizer_email: '' });
    return result.rows.length;
  });
}

export function createAnalyticsFacts(db: Knex): AnalyticsFacts {
  return {
    async unknownPartOf(scope) {
      if (scope.buildingId !== undefined && !(await db('buildings').where({ id: scope.buildingId }).first('id')))
        return 'building';
      if (scope.floorId !== undefined && !(await db('floors').where({ id: scope.floorId }).first('id'))) return 'floor';
      if (scope.roomId !== undefined && !(await db('rooms').where({ id: scope.roomId }).first('id'))) return 'room';
      return undefined;
    },

    async rooms(scope) {
      const query = db('rooms as r')
        .join('floors as f', 'f.id', 'r.floor_id')
        .join('buildings as bu', 'bu.id', 'f.building_id')
        .leftJoin('room_display_settings as rds', 'rds.room_id', 'r.id')
        .leftJoin('display_settings as ds', 'ds.id', db.raw('1'))
        .select<RoomRow[]>(
          'r.id',
          'r.name',
          'r.capacity',
          'r.floor_id',
          'f.name as floor_name',
          'f.building_id',
          'bu.name as building_name',
          'bu.time_zone',
          'bu.opening_hours',
          db.raw(`${EPOCH_MS('r.created_at')} AS created_ms`),
          db.raw(`${EPOCH_MS('r.deactivated_at')} AS deactivated_ms`),
          db.raw('coalesce(rds.check_in_required, ds.check_in_required, false) AS check_in_required'),
        )
        .orderBy([{ column: 'bu.name' }, { column: 'f.level' }, { column: 'r.name' }]);
      const rows: RoomRow[] = await scoped(query, scope);
      return rows.map(toRoom);
    },

    async bookings(roomIds, window) {
      const out: BookingFact[] = [];
      for (const ids of chunk(roomIds, ROOM_CHUNK)) {
        const result = await db.raw<{ rows: BookingRow[] }>(
          `SELECT ${BOOKING_SELECT} FROM bookings b
           WHERE b.room_id IN (${ids.map(() => '?').join(', ')}) AND b.during && ${WINDOW}
             AND b.status IN ('confirmed', 'cancelled')`,
          [...ids, ...windowArgs(window)],
        );
        // One push per row: spreading a building-year's rows as arguments overflowed the stack.
        for (const row of result.rows) out.push(toBooking(row));
      }
      return out;
    },

    async orders(roomIds, window) {
      const out: OrderFact[] = [];
      for (const ids of chunk(roomIds, ROOM_CHUNK)) {
        const result = await db.raw<{ rows: OrderRow[] }>(
          `SELECT o.room_id, ${EPOCH_MS('o.event_start')} AS start_ms, o.provider_id, o.provider_name, f.building_id, bu.name AS building_name, o.status,
             jsonb_array_length(o.attention) > 0 AS flagged, o.currency, o.total_minor
           FROM orders o JOIN rooms r ON r.id = o.room_id JOIN floors f ON f.id = r.floor_id
           JOIN buildings bu ON bu.id = f.building_id
           WHERE o.room_id IN (${ids.map(() => '?').join(', ')})
             AND o.event_start >= CAST(? AS timestamptz) AND o.event_start < CAST(? AS timestamptz)`,
          [...ids, ...windowArgs(window)],
        );
        out.push(
          ...result.rows.map((row) => ({
            roomId: row.room_id,
            eventStart: Number(row.start_ms),
            providerId: row.provider_id,
            providerName: row.provider_name,
            buildingId: row.building_id,
            buildingName: row.building_name,
            status: row.status,
            flagged: row.flagged,
            currency: row.currency,
            totalMinor: Number(row.total_minor),
          })),
        );
      }
      return out;
    },
  };
}

function dropUndefined(partial: Partial<RecommendationThresholds>): Partial<RecommendationThresholds> {
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
}

export function createAnalyticsSettingsStore(db: Knex): AnalyticsSettingsStore {
  return {
    async thresholds() {
      const row = await db('analytics_settings')
        .where({ id: 1 })
        .first<{ thresholds: unknown } | undefined>('thresholds');
      if (!row) return DEFAULT_THRESHOLDS;
      const saved = analyticsThresholdsSchema.partial().safeParse(json(row.thresholds));
      return { ...DEFAULT_THRESHOLDS, ...(saved.success ? dropUndefined(saved.data) : {}) };
    },
    async saveThresholds(thresholds) {
      await db('analytics_settings')
        .insert({ id: 1, thresholds: JSON.stringify(thresholds), updated_at: db.fn.now() })
        .onConflict('id')
        .merge(['thresholds', 'updated_at']);
    },
    async privacy() {
      const row = await db('analytics_settings')
        .where({ id: 1 })
        .first<{ anonymise_after_days: number | null; works_council: boolean } | undefined>(
          'anonymise_after_days',
          'works_council',
        );
      return {
        anonymiseAfterDays: row?.anonymise_after_days ?? null,
        worksCouncil: row?.works_council ?? false,
      };
    },
    async reportRecipients() {
      const row = await db('analytics_settings')
        .where({ id: 1 })
        .first<{ report_recipients: unknown } | undefined>('report_recipients');
      const list = row ? json(row.report_recipients) : [];
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    },
    async saveReportRecipients(recipients) {
      await db('analytics_settings')
        .insert({ id: 1, thresholds: '{}', report_recipients: JSON.stringify(recipients), updated_at: db.fn.now() })
        .onConflict('id')
        .merge(['report_recipients', 'updated_at']);
    },
    async savePrivacy(change) {
      const columns = {
        ...(change.anonymiseAfterDays !== undefined ? { anonymise_after_days: change.anonymiseAfterDays } : {}),
        ...(change.worksCouncil !== undefined ? { works_council: change.worksCouncil } : {}),
      };
      if (Object.keys(columns).length === 0) return;
      // A first save keeps the default thresholds ('{}' reads as the defaults).
      await db('analytics_settings')
        .insert({ id: 1, thresholds: '{}', ...columns, updated_at: db.fn.now() })
        .onConflict('id')
        .merge([...Object.keys(columns), 'updated_at']);
    },
  };
}
