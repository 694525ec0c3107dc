import type { Knex } from 'knex';
import type { ReleasableBooking, RoomReleaseRepository } from '../../../ports/roomReleases';
import { UNIQUE_VIOLATION } from './locationRows';

const RANGE = "tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')";

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === UNIQUE_VIOLATION;

interface CandidateRow {
  id: string;
  room_id: string;
  start: Date;
  end: Date;
  created_at: Date;
  source: ReleasableBooking['source'];
  status: ReleasableBooking['status'];
  subject: string;
  organizer_name: string;
  organizer_email: string;
  is_private: boolean;
  ews_item_id: string | null;
  recurring_master_id: string | null;
  clean_global_object_id: string | null;
  is_occurrence: boolean;
  original_start: Date | null;
}

const toCandidate = (row: CandidateRow): ReleasableBooking => ({
  id: row.id,
  roomId: row.room_id,
  span: { start: new Date(row.start).getTime(), end: new Date(row.end).getTime() },
  bookedAt: new Date(row.created_at),
  source: row.source,
  status: row.status,
  subject: row.subject,
  organizerName: row.organizer_name,
  organizerEmail: row.organizer_email,
  isPrivate: row.is_private,
  roomItemId: row.ews_item_id,
  seriesItemId: row.recurring_master_id,
  cleanGlobalObjectId: row.clean_global_object_id,
  isOccurrence: row.is_occurrence,
  originalStart: row.original_start ? new Date(row.original_start) : null,
});

const CANDIDATE_SELECT = `SELECT id, room_id, lower(during) AS start, upper(during) AS "end", created_at, source,
    status, subject, organizer_name, organizer_email, is_private, ews_item_id, recurring_master_id, clean_global_object_id, is_occurrence,
    original_start
  FROM bookings WHERE room_id = ? AND status IN ('pending', 'confirmed')`;

export function createRoomReleaseRepository(db: Knex): RoomReleaseRepository {
  return {
    async roomEmail(roomId) {
      const row = await db('rooms')
        .where({ id: roomId })
        .first<{ exchange_email: string | null } | undefined>('exchange_email');
      return row?.exchange_email ?? null;
    },
    async booking(roomId, bookingId) {
      const rows = await db.raw<{ rows: CandidateRow[] }>(`${CANDIDATE_SELECT} AND id = ?`, [roomId, bookingId]);
      const row = rows.rows[0];
      return row ? toCandidate(row) : undefined;
    },
    async candidates(roomId, window) {
      const rows = await db.raw<{ rows: CandidateRow[] }>(
        `${CANDIDATE_SELECT} AND during && ${RANGE} ORDER BY lower(during)`,
        [roomId, new Date(window.start), new Date(window.end)],
      );
      return rows.rows.map(toCandidate);
    },
    async claim(fact) {
      try {
        await db('room_releases').insert({
          room_id: fact.roomId,
          booking_id: fact.bookingId,
          kind: fact.kind,
          series_key: fact.seriesKey,
          meeting_start: new Date(fact.meeting.start),
          meeting_end: new Date(fact.meeting.end),
          subject: fact.subject,
          organizer_name: fact.organizerName,
          organizer_email: fact.organizerEmail,
          is_private: fact.isPrivate,
          strike: fact.strike,
          actor: fact.actor,
          display_id: fact.displayId,
          at: fact.at,
        });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
    async unclaim(bookingId, kind) {
      await db('room_releases').where({ booking_id: bookingId, kind }).delete();
    },
    async markReleased(bookingId, reason) {
      await db('bookings')
        .where({ id: bookingId })
        .whereIn('status', ['pending', 'confirmed'])
        .update({ status: 'cancelled', declined_reason: reason, updated_at: db.fn.now() });
    },
    async releasedIn(roomId, window) {
      const rows = await db('room_releases')
        .where({ room_id: roomId, kind: 'release' })
        .where('meeting_start', '<', new Date(window.end))
        .where('meeting_end', '>', new Date(window.start))
        .orderBy('meeting_start')
        .select<
          {
            booking_id: string | null;
            meeting_start: Date;
            meeting_end: Date;
            subject: string;
            organizer_name: string;
            is_private: boolean;
          }[]
        >('booking_id', 'meeting_start', 'meeting_end', 'subject', 'organizer_name', 'is_private');
      return rows.map((r) => ({
        bookingId: r.booking_id,
        span: { start: new Date(r.meeting_start).getTime(), end: new Date(r.meeting_end).getTime() },
        subject: r.subject,
        organizerName: r.organizer_name,
        isPrivate: r.is_private,
      }));
    },
    async seriesHistory(roomId, seriesKey, before) {
      const released = await db('room_releases')
        .where({ room_id: roomId, series_key: seriesKey, kind: 'release' })
        .where('meeting_start', '<', before)
        .select<{ meeting_start: Date }[]>('meeting_start');
      const attended = await db.raw<{ rows: { start: Date }[] }>(
        `SELECT DISTINCT lower(b.during) AS start
           FROM display_actions a JOIN bookings b ON b.id = a.booking_id
          WHERE a.kind = 'check-in' AND b.room_id = ? AND b.clean_global_object_id = ? AND lower(b.during) < ?`,
        [roomId, seriesKey, before],
      );
      return [
        ...released.map((r) => ({ start: new Date(r.meeting_start).getTime(), outcome: 'released' as const })),
        ...attended.rows.map((r) => ({ start: new Date(r.start).getTime(), outcome: 'attended' as const })),
      ];
    },
  };
}
