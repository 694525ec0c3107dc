import type { Knex } from 'knex';
import type { OpeningHours } from '../../../../shared/schemas/locations';
import type { BookingStatus } from '../../../../shared/schemas/bookings';
import { recurrenceSchema, type Recurrence } from '../../../../shared/schemas/events';
import type { RoomBookingRules } from '../../../domain/bookings/rules';
import type {
  BookingRepository,
  BookingRoom,
  BookingMove,
  BookingSettingsRecord,
  NewPendingBooking,
  OwnBooking,
} from '../../../ports/bookings';
import { pgErrorOf, toInstant } from './locationRows';

/** Roomserve's own bookings (issue 5) on knex: PGlite and PostgreSQL alike. */

const EXCLUSION_VIOLATION = '23P01';
/** Advisory-lock namespace of the per-room booking guard ("RmBk"); the room id is hashed into the key. */
const GUARD_NAMESPACE = 0x526d426b;
const EPOCH_MS = (expr: string): string => `CAST(floor(extract(epoch from ${expr}) * 1000) AS bigint)`;
/** Ids per query when a caller hands in many. */
const ID_CHUNK = 500;
const RANGE = "tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')";

interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  building_id: string;
  active: boolean;
  exchange_email: string | null;
  exchange_state: string;
  bookable_internal: boolean;
  bookable_external: boolean;
  max_duration_minutes: number;
  booking_window_days: number;
  min_notice_minutes: number;
  booking_read_only: boolean;
  time_zone: string;
  opening_hours: unknown;
}

const ROOM_SELECT = `r.id, r.name, r.capacity, f.building_id, r.active, r.exchange_email, r.exchange_state,
  r.bookable_internal, r.bookable_external, r.max_duration_minutes, r.booking_window_days, r.min_notice_minutes,
  r.booking_read_only, b.time_zone, b.opening_hours
  FROM rooms r JOIN floors f ON f.id = r.floor_id JOIN buildings b ON b.id = f.building_id`;

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function toRoom(row: RoomRow): BookingRoom {
  return {
    id: row.id,
    name: row.name,
    capacity: row.capacity,
    buildingId: row.building_id,
    active: row.active,
    exchangeEmail: row.exchange_state === 'verified' && row.exchange_email ? row.exchange_email.toLowerCase() : null,
    bookableInternal: row.bookable_internal,
    bookableExternal: row.bookable_external,
    rules: rulesOf(row),
    timeZone: row.time_zone,
    openingHours: json<OpeningHours>(row.opening_hours),
  };
}

function rulesOf(
  row: Pick<RoomRow, 'max_duration_minutes' | 'booking_window_days' | 'min_notice_minutes' | 'booking_read_only'>,
): RoomBookingRules {
  return {
    maxDurationMinutes: row.max_duration_minutes,
    bookingWindowDays: row.booking_window_days,
    minNoticeMinutes: row.min_notice_minutes,
    readOnly: row.booking_read_only,
  };
}

interface BookingRow {
  id: string;
  room_id: string;
  room_name: string;
  time_zone: string;
  start_ms: unknown;
  end_ms: unknown;
  subject: string;
  description: string;
  attendees: unknown;
  is_private: boolean;
  online_meeting_url: string | null;
  recurrence: unknown;
  is_event: boolean;
  status: BookingStatus;
  declined_reason: string | null;
  source: OwnBooking['source'];
  requested_by: string | null;
  booker_name: string | null;
  booker_email: string | null;
  organizer_mailbox: string | null;
  organizer_email: string;
  organizer_item_id: string | null;
  clean_global_object_id: string | null;
  uid: string | null;
  pending_since: unknown;
  created_at: unknown;
}

const BOOKING_SELECT = `bk.id, bk.room_id, r.name AS room_name, b.time_zone, ${EPOCH_MS('lower(bk.during)')} AS start_ms,
  ${EPOCH_MS('upper(bk.during)')} AS end_ms, bk.subject, bk.description, bk.attendees, bk.is_private,
  bk.online_meeting_url, bk.recurrence, bk.is_event, bk.status, bk.declined_reason, bk.source, bk.requested_by, bk.booker_name, bk.booker_email,
  bk.organizer_mailbox, bk.organizer_email, bk.organizer_item_id, bk.clean_global_object_id, bk.uid,
  bk.pending_since, bk.created_at
  FROM bookings bk JOIN rooms r ON r.id = bk.room_id JOIN floors f ON f.id = r.floor_id
  JOIN buildings b ON b.id = f.building_id`;

/** The people invited (not the rooms), as the sync or we stored them. */
function peopleOf(value: unknown): string[] {
  const list = json<unknown>(value);
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    return record.kind !== 'resource' && typeof record.email === 'string' && record.email !== '' ? [record.email] : [];
  });
}

/** The people invited with their kind; anything not optional counts as required. */
function kindsOf(value: unknown): { email: string; kind: 'required' | 'optional' }[] {
  const list = json<unknown>(value);
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    if (record.kind === 'resource' || typeof record.email !== 'string' || record.email === '') return [];
    return [{ email: record.email, kind: record.kind === 'optional' ? ('optional' as const) : ('required' as const) }];
  });
}

function recurrenceOf(value: unknown): Recurrence | null {
  if (value === null || value === undefined) return null;
  const parsed = recurrenceSchema.safeParse(json<unknown>(value));
  return parsed.success ? parsed.data : null;
}

function toBooking(row: BookingRow): OwnBooking {
  return {
    id: row.id,
    roomId: row.room_id,
    roomName: row.room_name,
    timeZone: row.time_zone,
    start: new Date(Number(row.start_ms)),
    end: new Date(Number(row.end_ms)),
    subject: row.subject,
    description: row.description,
    attendees: peopleOf(row.attendees),
    isPrivate: row.is_private,
    onlineMeetingUrl: row.online_meeting_url,
    status: row.status,
    declinedReason: row.declined_reason,
    source: row.source,
    requestedBy: row.requested_by,
    booker: row.booker_email ? { name: row.booker_name ?? row.booker_email, email: row.booker_email } : null,
    organizer: row.organizer_mailbox ? { kind: 'mailbox', email: row.organizer_mailbox } : { kind: 'service-account' },
    organizerEmail: row.organizer_email,
    organizerItemId: row.organizer_item_id,
    cleanGlobalObjectId: row.clean_global_object_id,
    uid: row.uid,
    pendingSince: toInstant(row.pending_since),
    createdAt: toInstant(row.created_at) ?? new Date(0),
    people: kindsOf(row.attendees),
    recurrence: recurrenceOf(row.recurrence),
    isEvent: row.is_event,
  };
}

const range = (db: Knex, start: Date, end: Date): Knex.Raw => db.raw(RANGE, [start.toISOString(), end.toISOString()]);

async function overlapping(
  db: Knex,
  roomIds: readonly string[],
  start: Date,
  end: Date,
  exceptId: string | undefined,
  exceptUid?: string,
): Promise<Array<{ roomId: string; start: Date; end: Date }>> {
  if (roomIds.length === 0) return [];
  const result = await db.raw<{ rows: { room_id: string; start_ms: unknown; end_ms: unknown }[] }>(
    `SELECT room_id, ${EPOCH_MS('lower(during)')} AS start_ms, ${EPOCH_MS('upper(during)')} AS end_ms
     FROM bookings WHERE room_id IN (${roomIds.map(() => '?').join(', ')}) AND status IN ('pending', 'confirmed')
     AND during && ${RANGE} AND id <> ? ${exceptUid === undefined ? '' : 'AND uid IS DISTINCT FROM ?'}
     ORDER BY lower(during)`,
    [
      ...roomIds,
      start.toISOString(),
      end.toISOString(),
      exceptId ?? '00000000-0000-0000-0000-000000000000',
      ...(exceptUid === undefined ? [] : [exceptUid]),
    ],
  );
  return result.rows.map((r) => ({
    roomId: r.room_id,
    start: new Date(Number(r.start_ms)),
    end: new Date(Number(r.end_ms)),
  }));
}

function attendeeRecords(booking: NewPendingBooking, roomEmail: string | null): string {
  const people = [
    ...booking.attendees.map((email) => ({ name: email, email, kind: 'required', response: 'unknown' })),
    ...(booking.optionalAttendees ?? []).map((email) => ({
      name: email,
      email,
      kind: 'optional',
      response: 'unknown',
    })),
  ];
  const room = roomEmail ? [{ name: roomEmail, email: roomEmail, kind: 'resource', response: 'unknown' }] : [];
  return JSON.stringify([...people, ...room]);
}

/** Times a move is written when the sync commits the new room's copy meanwhile (see applyMove). */
const MOVE_ATTEMPTS = 3;

/**
 * One attempt at writing a move Exchange accepted: false when the meeting was cancelled meanwhile,
 * 'overlap' when another confirmed booking holds the new room then.
 */
async function moveOnce(db: Knex, bookingId: string, move: BookingMove): Promise<boolean | 'overlap'> {
  try {
    return await db.transaction(async (trx) => {
      const current = await trx('bookings')
        .where({ id: bookingId })
        .whereNull('meeting_cancelled_at')
        .first<{ attendees: unknown; uid: string | null } | undefined>('attendees', 'uid');
      if (!current) return false;
      const rooms = json<unknown[]>(current.attendees ?? '[]').filter(
        (a) => typeof a === 'object' && a !== null && (a as Record<string, unknown>).kind === 'resource',
      );
      const people = move.attendees.map((email) => ({ name: email, email, kind: 'required', response: 'unknown' }));
      // The sync saw the change while it was under way: the new room's copy, still unknown as
      // ours, became a booking of its own; the old room dropping the meeting cancelled this one.
      // The room accepted, so the booking takes its place there.
      if (current.uid !== null)
        await trx('bookings')
          .where({ room_id: move.roomId, uid: current.uid, source: 'exchange', is_occurrence: false })
          .whereNot({ id: bookingId })
          .whereIn('status', ['pending', 'confirmed'])
          .update({ status: 'cancelled', updated_at: trx.fn.now() });
      await trx('bookings')
        .where({ id: bookingId })
        .update({
          room_id: move.roomId,
          during: range(trx, move.start, move.end),
          subject: move.subject,
          attendees: JSON.stringify([...people, ...rooms]),
          status: 'confirmed',
          declined_reason: null,
          updated_at: trx.fn.now(),
        });
      return true;
    });
  } catch (err) {
    if (pgErrorOf(err)?.code === EXCLUSION_VIOLATION) return 'overlap';
    throw err;
  }
}

export function createBookingRepository(db: Knex): BookingRepository {
  async function get(bookingId: string): Promise<OwnBooking | undefined> {
    const result = await db.raw<{ rows: BookingRow[] }>(`SELECT ${BOOKING_SELECT} WHERE bk.id = ?`, [bookingId]);
    const row = result.rows[0];
    return row ? toBooking(row) : undefined;
  }

  async function room(id: string): Promise<BookingRoom | undefined> {
    const result = await db.raw<{ rows: RoomRow[] }>(`SELECT ${ROOM_SELECT} WHERE r.id = ?`, [id]);
    const row = result.rows[0];
    return row ? toRoom(row) : undefined;
  }

  return {
    room,
    async connectedRooms() {
      const result = await db.raw<{ rows: RoomRow[] }>(
        `SELECT ${ROOM_SELECT} WHERE r.active AND r.exchange_state = 'verified' AND r.exchange_email IS NOT NULL ORDER BY r.name`,
      );
      return result.rows.map(toRoom);
    },
    occupying: (roomIds, window, exceptBookingId, exceptUid) =>
      overlapping(db, roomIds, window.start, window.end, exceptBookingId, exceptUid),

    async insertPending(booking) {
      return db.transaction(async (trx) => {
        // One request per room at a time: the check below and the insert cannot interleave.
        await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [GUARD_NAMESPACE, booking.roomId]);
        const conflicts = await overlapping(trx, [booking.roomId], booking.start, booking.end, undefined);
        if (conflicts.length > 0) return { ok: false as const, conflicts };
        const target = await trx('rooms')
          .where({ id: booking.roomId })
          .first<{ exchange_email: string | null }>('exchange_email');
        await trx('bookings').insert({
          id: booking.id,
          room_id: booking.roomId,
          during: range(trx, booking.start, booking.end),
          subject: booking.subject,
          description: booking.description,
          attendees: attendeeRecords(booking, target?.exchange_email ?? null),
          is_private: booking.isPrivate,
          online_meeting_url: booking.onlineMeetingUrl,
          recurrence: booking.recurrence ? JSON.stringify(booking.recurrence) : null,
          is_event: booking.isEvent ?? false,
          source: booking.source,
          status: 'pending',
          uid: booking.uid,
          requested_by: booking.requestedBy,
          booker_name: booking.booker?.name ?? null,
          booker_email: booking.booker?.email ?? null,
          organizer_mailbox: booking.organizer.kind === 'mailbox' ? booking.organizer.email : null,
          organizer_email: booking.organizerEmail,
          organizer_name: booking.organizerName,
          pending_since: trx.fn.now(),
        });
        const created = await trx.raw<{ rows: BookingRow[] }>(`SELECT ${BOOKING_SELECT} WHERE bk.id = ?`, [booking.id]);
        const row = created.rows[0];
        if (!row) throw new Error('the inserted booking is missing');
        return { ok: true as const, booking: toBooking(row) };
      });
    },

    async linkExchange(bookingId, link) {
      const updated = await db('bookings')
        .where({ id: bookingId })
        .whereIn('status', ['pending', 'confirmed'])
        .update({
          organizer_mailbox: link.organizer.kind === 'mailbox' ? link.organizer.email : null,
          organizer_email: link.organizerEmail,
          organizer_name: link.organizerName,
          organizer_item_id: link.itemId,
          organizer_change_key: link.changeKey,
          // The sync may have recognised the room's copy first; it wrote the same identity.
          clean_global_object_id: db.raw('COALESCE(clean_global_object_id, ?)', [link.cleanGlobalObjectId]),
          uid: link.uid,
          updated_at: db.fn.now(),
        });
      return updated > 0;
    },

    async settle(bookingId, outcome) {
      try {
        const updated = await db('bookings')
          .where({ id: bookingId, status: 'pending' })
          .update({
            status: outcome.status,
            declined_reason: outcome.status === 'confirmed' ? null : outcome.reason,
            pending_since: null,
            updated_at: db.fn.now(),
          });
        return updated > 0;
      } catch (err) {
        // Another confirmed booking overlaps locally: the sync will settle it from the room's calendar.
        if (pgErrorOf(err)?.code === EXCLUSION_VIOLATION) return false;
        throw err;
      }
    },

    async saveDetails(bookingId, details) {
      const changes: Record<string, unknown> = {};
      if (details.description !== undefined) changes.description = details.description;
      if (details.onlineMeetingUrl !== undefined) changes.online_meeting_url = details.onlineMeetingUrl;
      if (details.isPrivate !== undefined) changes.is_private = details.isPrivate;
      if (details.recurrence !== undefined) changes.recurrence = JSON.stringify(details.recurrence);
      await db.transaction(async (trx) => {
        if (details.people) {
          const current = await trx('bookings')
            .where({ id: bookingId })
            .first<{ attendees: unknown } | undefined>('attendees');
          const rooms = json<unknown[]>(current?.attendees ?? '[]').filter(
            (a) => typeof a === 'object' && a !== null && (a as Record<string, unknown>).kind === 'resource',
          );
          const person = (kind: string) => (email: string) => ({ name: email, email, kind, response: 'unknown' });
          changes.attendees = JSON.stringify([
            ...details.people.required.map(person('required')),
            ...details.people.optional.map(person('optional')),
            ...rooms,
          ]);
        }
        if (Object.keys(changes).length === 0) return;
        await trx('bookings')
          .where({ id: bookingId })
          .update({ ...changes, updated_at: trx.fn.now() });
      });
    },

    async applyMove(bookingId, move) {
      // The sync may commit the new room's copy of this very meeting while the move is written: it is
      // invisible to the first attempt's clean-up, and the write then waits on it and meets it as an
      // overlap. The next attempt sees it and takes its place.
      for (let attempt = 1; ; attempt += 1) {
        const moved = await moveOnce(db, bookingId, move);
        if (moved !== 'overlap') return moved;
        if (attempt === MOVE_ATTEMPTS) return false;
      }
    },

    async cancel(bookingId, reason) {
      await db('bookings')
        .where({ id: bookingId })
        .whereIn('status', ['pending', 'confirmed'])
        .update({ status: 'cancelled', declined_reason: reason, pending_since: null, updated_at: db.fn.now() });
    },

    async markMeetingCancelled(bookingId, reason) {
      // 'cancelled' too: the sync may have seen the room's copy go before this write.
      await db('bookings').where({ id: bookingId }).whereIn('status', ['pending', 'confirmed', 'cancelled']).update({
        status: 'cancelled',
        declined_reason: reason,
        pending_since: null,
        meeting_cancelled_at: db.fn.now(),
        updated_at: db.fn.now(),
      });
    },

    async restore(bookingId, original) {
      try {
        await db('bookings')
          .where({ id: bookingId })
          .whereIn('status', ['confirmed', 'cancelled'])
          .whereNull('meeting_cancelled_at')
          .update({
            status: 'confirmed',
            room_id: original.roomId,
            during: range(db, original.start, original.end),
            declined_reason: null,
            updated_at: db.fn.now(),
          });
      } catch (err) {
        // Someone else's confirmed booking holds the slot locally now: the sync decides from Exchange.
        if (pgErrorOf(err)?.code !== EXCLUSION_VIOLATION) throw err;
      }
    },

    async discard(bookingId) {
      await db('bookings').where({ id: bookingId, status: 'pending' }).delete();
    },

    get,

    async confirmedForExternals(bookingIds, now) {
      const found: OwnBooking[] = [];
      // A first sync reports thousands of bookings at once: a bounded IN list per query.
      for (let i = 0; i < bookingIds.length; i += ID_CHUNK) {
        const ids = bookingIds.slice(i, i + ID_CHUNK);
        const result = await db.raw<{ rows: BookingRow[] }>(
          `SELECT ${BOOKING_SELECT} WHERE bk.id IN (${ids.map(() => '?').join(', ')})
           AND bk.status = 'confirmed' AND bk.source = 'app' AND bk.booker_email IS NOT NULL
           AND upper(bk.during) > CAST(? AS timestamptz)`,
          [...ids, now.toISOString()],
        );
        found.push(...result.rows.map(toBooking));
      }
      return found;
    },

    async listMine(userId, from) {
      const result = await db.raw<{ rows: BookingRow[] }>(
        `SELECT ${BOOKING_SELECT} WHERE bk.requested_by = ? AND upper(bk.during) > CAST(? AS timestamptz)
         AND bk.status <> 'cancelled' ORDER BY lower(bk.during), bk.id LIMIT 500`,
        [userId, from.toISOString()],
      );
      return result.rows.map(toBooking);
    },

    async stalePending(before, limit) {
      const result = await db.raw<{ rows: BookingRow[] }>(
        `SELECT ${BOOKING_SELECT} WHERE bk.status = 'pending' AND (bk.requested_by IS NOT NULL OR bk.source = 'display')
         AND bk.pending_since < CAST(? AS timestamptz) ORDER BY bk.pending_since LIMIT ?`,
        [before.toISOString(), limit],
      );
      return result.rows.map(toBooking);
    },

    async settings() {
      const row = await db('booking_settings')
        .where({ id: 1 })
        .first<{ read_only: boolean; booking_mailbox: string | null; booking_mode: string } | undefined>(
          'read_only',
          'booking_mailbox',
          'booking_mode',
        );
      return {
        readOnly: row?.read_only ?? false,
        bookingMailbox: row?.booking_mailbox ?? null,
        mode: row?.booking_mode === 'events' ? ('events' as const) : ('simple' as const),
      };
    },

    async saveSettings(settings: BookingSettingsRecord) {
      await db('booking_settings')
        .insert({
          id: 1,
          read_only: settings.readOnly,
          booking_mailbox: settings.bookingMailbox,
          booking_mode: settings.mode,
          updated_at: db.fn.now(),
        })
        .onConflict('id')
        .merge();
      return settings;
    },

    async saveRules(roomId, rules) {
      const updated = await db('rooms').where({ id: roomId }).update({
        max_duration_minutes: rules.maxDurationMinutes,
        booking_window_days: rules.bookingWindowDays,
        min_notice_minutes: rules.minNoticeMinutes,
        booking_read_only: rules.readOnly,
        updated_at: db.fn.now(),
      });
      return updated > 0 ? rules : undefined;
    },
  };
}
