import type { Knex } from 'knex';
import { fileUrl } from '../../../../shared/api/files';
import { polygonSchema } from '../../../../shared/schemas/locations';
import { ORGANIZER_NAME_AUDIENCES, SUBJECT_VISIBILITIES } from '../../../../shared/schemas/plan';
import { interval, type Interval } from '../../../domain/availability/interval';
import { NO_ROOM_OVERRIDES } from '../../../domain/displays/settings';
import type { FloorOccupancyRepository, OccupancyRoom, PrivacySettingsRepository } from '../../../ports/floorOccupancy';
import { scheduledOf, type ScheduleRow } from './roomSearch';

const EPOCH_MS = (expr: string): string => `CAST(floor(extract(epoch from ${expr}) * 1000) AS bigint)`;
const WINDOW = `tstzrange(CAST(:windowStart AS timestamptz), CAST(:windowEnd AS timestamptz), '[)')`;
const bindWindow = (window: Interval) => ({
  windowStart: new Date(window.start).toISOString(),
  windowEnd: new Date(window.end).toISOString(),
});

interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  tags: string[] | null;
  image_ids: string[] | null;
  image_alts: string[] | null;
  shape: unknown;
  active: boolean;
  bookable_internal: boolean;
  bookable_external: boolean;
  check_in_required: boolean | null;
  check_in_before_minutes: number | null;
  check_in_after_minutes: number | null;
  release_after_minutes: number | null;
}

const numberOrNull = (value: number | null): number | null => (value === null ? null : Number(value));

function shapeOf(value: unknown): OccupancyRoom['shape'] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const result = polygonSchema.safeParse(parsed);
  return result.success ? result.data : null;
}

function roomOf(row: RoomRow): OccupancyRoom {
  const alts = row.image_alts ?? [];
  return {
    id: row.id,
    name: row.name,
    capacity: Number(row.capacity),
    tags: row.tags ?? [],
    images: (row.image_ids ?? []).map((id, i) => ({ url: fileUrl(id), alt: alts[i] ?? '' })),
    shape: shapeOf(row.shape),
    active: row.active,
    bookableInternal: row.bookable_internal,
    bookableExternal: row.bookable_external,
    displayOverrides: {
      ...NO_ROOM_OVERRIDES,
      checkInRequired: row.check_in_required,
      checkInWindowBeforeMinutes: numberOrNull(row.check_in_before_minutes),
      checkInWindowAfterMinutes: numberOrNull(row.check_in_after_minutes),
      releaseAfterMinutes: numberOrNull(row.release_after_minutes),
    },
  };
}

export function createFloorOccupancyRepository(db: Knex): FloorOccupancyRepository {
  return {
    async floor(floorId) {
      const row = await db('floors as f').join('buildings as b', 'b.id', 'f.building_id').where('f.id', floorId).first<
        | {
            id: string;
            name: string;
            building_id: string;
            building_name: string;
            time_zone: string;
            plan_file_id: string | null;
            plan_width: number | null;
            plan_height: number | null;
          }
        | undefined
      >('f.id', 'f.name', 'f.building_id', 'b.name as building_name', 'b.time_zone', 'f.plan_file_id', 'f.plan_width', 'f.plan_height');
      if (!row) return undefined;
      const plan =
        row.plan_file_id !== null && row.plan_width !== null && row.plan_height !== null
          ? { url: fileUrl(row.plan_file_id), width: Number(row.plan_width), height: Number(row.plan_height) }
          : null;
      return {
        id: row.id,
        name: row.name,
        buildingId: row.building_id,
        buildingName: row.building_name,
        timeZone: row.time_zone,
        plan,
      };
    },

    async rooms(floorId) {
      const result = await db.raw<{ rows: RoomRow[] }>(
        `SELECT r.id, r.name, r.capacity, r.tags, r.shape, r.active, r.bookable_internal, r.bookable_external,
                (SELECT array_agg(i.file_id ORDER BY i.position) FROM room_images i WHERE i.room_id = r.id) AS image_ids,
                (SELECT array_agg(i.alt ORDER BY i.position) FROM room_images i WHERE i.room_id = r.id) AS image_alts,
                s.check_in_required, s.check_in_before_minutes, s.check_in_after_minutes, s.release_after_minutes
         FROM rooms r
         LEFT JOIN room_display_settings s ON s.room_id = r.id
         WHERE r.floor_id = :floorId
         ORDER BY r.name, r.id`,
        { floorId },
      );
      return result.rows.map(roomOf);
    },

    async buildingFloors(buildingId) {
      const rows = await db('floors')
        .where({ building_id: buildingId })
        .orderBy([{ column: 'level' }, { column: 'id' }])
        .select<{ id: string; level: number }[]>('id', 'level');
      return rows.map((r) => ({ id: r.id, level: Number(r.level) }));
    },

    async bookings(roomIds, window) {
      if (roomIds.length === 0) return [];
      const result = await db.raw<{ rows: (ScheduleRow & { room_id: string; checked_in: boolean })[] }>(
        `SELECT b.id, b.room_id, ${EPOCH_MS('lower(b.during)')} AS start_ms, ${EPOCH_MS('upper(b.during)')} AS end_ms,
                b.subject, b.organizer_name, b.organizer_email, b.attendees, b.is_private, b.status, b.source,
                EXISTS (SELECT 1 FROM display_actions a WHERE a.booking_id = b.id AND a.kind = 'check-in') AS checked_in
         FROM bookings b
         WHERE b.room_id = ANY(CAST(:roomIds AS uuid[])) AND b.during && ${WINDOW} AND b.status IN ('pending', 'confirmed')
         ORDER BY lower(b.during), b.id`,
        { roomIds: [...roomIds], ...bindWindow(window) },
      );
      return result.rows.map((row) => ({ ...scheduledOf(row), roomId: row.room_id, checkedIn: row.checked_in }));
    },

    async releases(roomIds, window) {
      if (roomIds.length === 0) return [];
      const rows = await db('room_releases')
        .whereIn('room_id', [...roomIds])
        .where({ kind: 'release' })
        .where('meeting_start', '<', new Date(window.end))
        .where('meeting_end', '>', new Date(window.start))
        .select<
          {
            room_id: string;
            booking_id: string | null;
            meeting_start: Date;
            meeting_end: Date;
            subject: string;
            organizer_name: string;
            organizer_email: string;
            is_private: boolean;
          }[]
        >(
          'room_id',
          'booking_id',
          'meeting_start',
          'meeting_end',
          'subject',
          'organizer_name',
          'organizer_email',
          'is_private',
        );
      return rows.map((r) => ({
        roomId: r.room_id,
        bookingId: r.booking_id,
        span: interval(new Date(r.meeting_start).getTime(), new Date(r.meeting_end).getTime()),
        subject: r.subject,
        organizerName: r.organizer_name,
        organizerEmail: r.organizer_email,
        isPrivate: r.is_private,
      }));
    },
  };
}

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

export function createPrivacySettingsRepository(db: Knex): PrivacySettingsRepository {
  return {
    async get() {
      const row = await db('privacy_settings')
        .where({ id: 1 })
        .first<{ organizer_names: string; subjects: string } | undefined>('organizer_names', 'subjects');
      if (!row) return undefined;
      return {
        organizerNames: oneOf(ORGANIZER_NAME_AUDIENCES, row.organizer_names, 'nobody'),
        subjects: oneOf(SUBJECT_VISIBILITIES, row.subjects, 'never'),
      };
    },
    async save(settings, at) {
      await db('privacy_settings')
        .insert({ id: 1, organizer_names: settings.organizerNames, subjects: settings.subjects, updated_at: at })
        .onConflict('id')
        .merge();
    },
  };
}
