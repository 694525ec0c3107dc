import type { Knex } from 'knex';
import { attendeeCount } from '../../../domain/catering/follow';
import type { MeetingBooking, MeetingBookings, MeetingIdentity } from '../../../ports/orders';
import { toInstant } from './locationRows';

/** Bookings as meetings that orders hang on: with their room's building and zone. */

interface Row {
  id: string;
  status: MeetingBooking['status'];
  start_ms: unknown;
  end_ms: unknown;
  room_id: string;
  building_id: string;
  time_zone: string;
  subject: string;
  organizer_email: string;
  organizer_name: string;
  attendees: unknown;
  clean_global_object_id: string | null;
  uid: string | null;
  original_start: unknown;
  is_occurrence: boolean;
}

const EPOCH_MS = (expr: string): string => `CAST(floor(extract(epoch from ${expr}) * 1000) AS bigint)`;
const SELECT = `SELECT b.id, b.status, ${EPOCH_MS('lower(b.during)')} AS start_ms, ${EPOCH_MS('upper(b.during)')} AS end_ms,
  b.room_id, f.building_id, bd.time_zone, b.subject, b.organizer_email, b.organizer_name, b.attendees,
  b.clean_global_object_id, b.uid, b.original_start, b.is_occurrence
  FROM bookings b JOIN rooms r ON r.id = b.room_id JOIN floors f ON f.id = r.floor_id JOIN buildings bd ON bd.id = f.building_id`;
const LIVE = "b.status IN ('confirmed', 'pending')";

function attendeesOf(value: unknown): { email: string; kind: string }[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.map((entry: unknown) => {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    return {
      email: typeof record.email === 'string' ? record.email : '',
      kind: typeof record.kind === 'string' ? record.kind : 'required',
    };
  });
}

function toMeeting(row: Row): MeetingBooking {
  return {
    id: row.id,
    status: row.status,
    start: new Date(Number(row.start_ms)),
    end: new Date(Number(row.end_ms)),
    roomId: row.room_id,
    buildingId: row.building_id,
    timeZone: row.time_zone,
    subject: row.subject,
    organizerEmail: row.organizer_email,
    organizerName: row.organizer_name,
    attendeeCount: attendeeCount(attendeesOf(row.attendees), row.organizer_email),
    cleanGlobalObjectId: row.clean_global_object_id,
    uid: row.uid,
    originalStart: toInstant(row.original_start),
    isOccurrence: row.is_occurrence,
  };
}

export function createMeetingBookings(db: Knex): MeetingBookings {
  async function select(where: string, args: readonly Knex.RawBinding[]): Promise<MeetingBooking[]> {
    const result = await db.raw<{ rows: Row[] }>(`${SELECT} WHERE ${where} ORDER BY lower(b.during), b.id`, [...args]);
    return result.rows.map(toMeeting);
  }

  return {
    async byId(id) {
      const [found] = await select('b.id = ?', [id]);
      return found;
    },
    liveOfMeeting(identity: MeetingIdentity) {
      const start =
        identity.originalStart === null ? 'b.original_start IS NULL' : 'b.original_start = CAST(? AS timestamptz)';
      const startArgs = identity.originalStart === null ? [] : [identity.originalStart.toISOString()];
      if (identity.cleanGlobalObjectId !== null)
        return select(`${LIVE} AND b.clean_global_object_id = ? AND ${start}`, [
          identity.cleanGlobalObjectId,
          ...startArgs,
        ]);
      if (identity.uid !== null) return select(`${LIVE} AND b.uid = ? AND ${start}`, [identity.uid, ...startArgs]);
      return Promise.resolve([]);
    },
    async roomPlace(roomId) {
      const row = await db('rooms as r')
        .join('floors as f', 'f.id', 'r.floor_id')
        .join('buildings as bd', 'bd.id', 'f.building_id')
        .where('r.id', roomId)
        .first<{ building_id: string; time_zone: string; exchange_email: string | null } | undefined>(
          'f.building_id',
          'bd.time_zone',
          'r.exchange_email',
        );
      if (!row) return undefined;
      return {
        roomId,
        buildingId: row.building_id,
        timeZone: row.time_zone,
        exchangeEmail: row.exchange_email ? row.exchange_email.trim().toLowerCase() : null,
      };
    },
    liveByMeetingId: (meetingId) =>
      select(`${LIVE} AND (b.clean_global_object_id = ? OR b.uid = ?)`, [meetingId, meetingId]),
    liveOccurrences: (seriesId, roomId, from) =>
      select(
        `${LIVE} AND b.is_occurrence AND b.room_id = ? AND (b.clean_global_object_id = ? OR b.uid = ?) AND lower(b.during) >= ?`,
        [roomId, seriesId, seriesId, from.toISOString()],
      ),
    async identitiesOf(bookingIds) {
      if (bookingIds.length === 0) return [];
      const rows = await db('bookings')
        .whereIn('id', bookingIds)
        .select<{ clean_global_object_id: string | null; uid: string | null; original_start: unknown }[]>(
          'clean_global_object_id',
          'uid',
          'original_start',
        );
      return rows
        .filter((r) => r.clean_global_object_id !== null || r.uid !== null)
        .map((r) => ({
          cleanGlobalObjectId: r.clean_global_object_id,
          uid: r.uid,
          originalStart: toInstant(r.original_start),
        }));
    },
  };
}
