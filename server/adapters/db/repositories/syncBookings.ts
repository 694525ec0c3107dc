import type { Knex } from 'knex';
import type { Attendee, AttendeeResponse } from '../../../domain/sync/remoteCalendar';
import type {
  BookingCancellation,
  BookingStatus,
  BookingUpdate,
  ReconcilePlan,
  StoredBooking,
  SyncedBookingFields,
} from '../../../domain/sync/reconcile';
import type { TimeWindow } from '../../../ports/calendarGateway';
import type { AppliedPlan, DetailsFill } from '../../../ports/syncStore';
import { chunk } from '../../../domain/chunk';
import { pgErrorOf, toInstant } from './locationRows';

/** Booking reads and writes of the sync engine, always inside the caller's transaction. */

const EXCLUSION_VIOLATION = '23P01';
const EPOCH_MS = (expr: string): string => `CAST(floor(extract(epoch from ${expr}) * 1000) AS bigint)`;
const LIVE = ['confirmed', 'pending'];

interface BookingRow {
  id: string;
  start_ms: unknown;
  end_ms: unknown;
  subject: string;
  organizer_name: string;
  organizer_email: string;
  attendees: unknown;
  description: string;
  location: string;
  online_meeting_url: string | null;
  is_private: boolean;
  source: StoredBooking['source'];
  status: BookingStatus;
  ews_item_id: string | null;
  ews_change_key: string | null;
  clean_global_object_id: string | null;
  uid: string | null;
  recurring_master_id: string | null;
  original_start: unknown;
  is_occurrence: boolean;
  detail_source: 'organizer' | 'room' | null;
  details_pending: boolean;
  meeting_cancelled: boolean;
}

const SELECT_BOOKING = `b.id, ${EPOCH_MS('lower(b.during)')} AS start_ms, ${EPOCH_MS('upper(b.during)')} AS end_ms,
  b.subject, b.organizer_name, b.organizer_email, b.attendees, b.description, b.location, b.online_meeting_url,
  b.is_private, b.source, b.status, b.ews_item_id, b.ews_change_key, b.clean_global_object_id, b.uid,
  b.recurring_master_id, b.original_start, b.is_occurrence, b.detail_source, b.details_pending,
  b.meeting_cancelled_at IS NOT NULL AS meeting_cancelled`;

const RESPONSES: readonly AttendeeResponse[] = [
  'unknown',
  'organizer',
  'tentative',
  'accept',
  'decline',
  'no-response',
];
const KINDS: readonly Attendee['kind'][] = ['required', 'optional', 'resource'];

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function toAttendees(value: unknown): Attendee[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.map((entry: unknown): Attendee => {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const kind = KINDS.find((k) => k === record.kind) ?? 'required';
    const response = RESPONSES.find((r) => r === record.response) ?? 'unknown';
    return { name: text(record.name), email: text(record.email), kind, response };
  });
}

function toBooking(row: BookingRow): StoredBooking {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    start: new Date(Number(row.start_ms)),
    end: new Date(Number(row.end_ms)),
    subject: row.subject,
    organizerName: row.organizer_name,
    organizerEmail: row.organizer_email,
    attendees: toAttendees(row.attendees),
    description: row.description,
    location: row.location,
    onlineMeetingUrl: row.online_meeting_url,
    isPrivate: row.is_private,
    ewsItemId: row.ews_item_id ?? '',
    ewsChangeKey: row.ews_change_key ?? '',
    cleanGlobalObjectId: row.clean_global_object_id ?? '',
    uid: row.uid ?? '',
    recurringMasterId: row.recurring_master_id,
    originalStart: toInstant(row.original_start),
    isOccurrence: row.is_occurrence,
    detailSource: row.detail_source ?? 'room',
    detailsPending: row.details_pending,
    meetingCancelled: row.meeting_cancelled,
  };
}

/** PostgreSQL text cannot hold NUL; Exchange bodies occasionally do. */
const clean = (value: string): string => value.replaceAll('\u0000', '');

/** A synced booking's columns other than its time span, as JSON values. */
function storedColumns(fields: SyncedBookingFields): Record<string, unknown> {
  return {
    subject: clean(fields.subject),
    organizer_name: clean(fields.organizerName),
    organizer_email: clean(fields.organizerEmail),
    attendees: fields.attendees.map((a) => ({
      name: clean(a.name),
      email: clean(a.email),
      kind: a.kind,
      response: a.response,
    })),
    description: clean(fields.description),
    location: clean(fields.location),
    online_meeting_url: fields.onlineMeetingUrl === null ? null : clean(fields.onlineMeetingUrl),
    is_private: fields.isPrivate,
    ews_item_id: fields.ewsItemId,
    ews_change_key: fields.ewsChangeKey,
    clean_global_object_id: fields.cleanGlobalObjectId,
    uid: fields.uid,
    recurring_master_id: fields.recurringMasterId,
    original_start: fields.originalStart ? fields.originalStart.toISOString() : null,
    is_occurrence: fields.isOccurrence,
    detail_source: fields.detailSource,
    details_pending: fields.detailsPending,
  };
}

function columnsOf(db: Knex, fields: SyncedBookingFields): Record<string, unknown> {
  const columns = storedColumns(fields);
  return {
    ...columns,
    during: db.raw("tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')", [
      fields.start.toISOString(),
      fields.end.toISOString(),
    ]),
    attendees: JSON.stringify(columns.attendees),
    updated_at: db.fn.now(),
  };
}

const WINDOW_SQL = "b.during && tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')";
const marks = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
const windowArgs = (w: TimeWindow): string[] => [w.start.toISOString(), w.end.toISOString()];

async function selectBookings(
  trx: Knex.Transaction,
  where: string,
  args: readonly Knex.RawBinding[],
): Promise<StoredBooking[]> {
  const result = await trx.raw<{ rows: BookingRow[] }>(
    `SELECT ${SELECT_BOOKING} FROM bookings b WHERE ${where} ORDER BY lower(b.during), b.id`,
    [...args],
  );
  return result.rows.map(toBooking);
}

/** Runs one write in a savepoint; false when it would overlap another confirmed booking. */
async function withoutOverlap(
  trx: Knex.Transaction,
  write: (sp: Knex.Transaction) => Promise<unknown>,
): Promise<boolean> {
  try {
    await trx.transaction(async (sp) => {
      await write(sp);
    });
    return true;
  } catch (err) {
    if (pgErrorOf(err)?.code === EXCLUSION_VIOLATION) return false;
    throw err;
  }
}

type Write =
  | { readonly kind: 'update'; readonly update: BookingUpdate }
  | { readonly kind: 'create'; readonly fields: SyncedBookingFields };

/**
 * Roomserve's own meetings come back through the sync (echo). The room's copy of a meeting we
 * wrote carries the UID we gave it, which the booking stored before Exchange saw the meeting, so a
 * "new" meeting with that UID is that booking, updated and confirmed in place, never a duplicate,
 * even when the booking does not know the meeting's clean global object id yet.
 */
async function adoptOwnBookings(
  trx: Knex.Transaction,
  roomId: string,
  plan: ReconcilePlan,
): Promise<{ plan: ReconcilePlan; adopted: string[] }> {
  const uids = plan.create.filter((f) => f.uid !== '').map((f) => f.uid);
  if (uids.length === 0) return { plan, adopted: [] };
  const own = await trx('bookings')
    .where({ room_id: roomId })
    .whereIn('uid', uids)
    .whereIn('source', ['app', 'display'])
    .whereIn('status', LIVE)
    .select<{ id: string; uid: string; recurrence: unknown; start_ms: unknown }[]>(
      'id',
      'uid',
      'recurrence',
      trx.raw('CAST(floor(extract(epoch from lower(during)) * 1000) AS bigint) AS start_ms'),
    );
  if (own.length === 0) return { plan, adopted: [] };
  const byUid = new Map(own.map((b) => [b.uid, { ...b, series: b.recurrence !== null && b.recurrence !== undefined }]));
  const create: SyncedBookingFields[] = [];
  const update: BookingUpdate[] = [...plan.update];
  const adopted: string[] = [];
  for (const fields of plan.create) {
    const mine = byUid.get(fields.uid);
    // A single meeting is ours by its UID; of an event's series, ours is the first occurrence (the
    // booking row holds its time), and the other occurrences are stored as the sync stores any.
    const adopt =
      mine !== undefined &&
      (fields.isOccurrence
        ? mine.series && (fields.originalStart ?? fields.start).getTime() === Number(mine.start_ms)
        : !mine.series);
    if (!adopt) create.push(fields);
    else {
      byUid.delete(fields.uid);
      update.push({ bookingId: mine.id, fields, confirms: true });
      adopted.push(mine.id);
    }
  }
  return { plan: { ...plan, create, update }, adopted };
}

const INSERT_CHUNK = 500;

/** A created booking's columns as one JSON record of jsonb_to_recordset (see CREATED_RECORD). */
const createdRecord = (fields: SyncedBookingFields): Record<string, unknown> => ({
  start_at: fields.start.toISOString(),
  end_at: fields.end.toISOString(),
  ...storedColumns(fields),
});

const CREATED_RECORD = `x(start_at timestamptz, end_at timestamptz, subject text, organizer_name text,
  organizer_email text, attendees jsonb, description text, location text, online_meeting_url text,
  is_private boolean, ews_item_id text, ews_change_key text, clean_global_object_id text, uid text,
  recurring_master_id text, original_start timestamptz, is_occurrence boolean, detail_source text,
  details_pending boolean)`;

const createdKey = (itemId: string | null, startMs: number): string => `${itemId ?? ''} ${startMs}`;

/**
 * Inserts the creates as confirmed in one statement with one parameter (their JSON): a first sync
 * writes a room's hundreds of meetings at once, and thousands of bound values cost the sync's
 * process more than the database. A meeting that would overlap a confirmed booking (or one before
 * it in the batch) is skipped, not failed, so no savepoint is needed. Returns the ids inserted and
 * the writes skipped.
 */
async function insertConfirmed(
  trx: Knex.Transaction,
  roomId: string,
  creates: readonly SyncedBookingFields[],
): Promise<{ ids: string[]; skipped: SyncedBookingFields[] }> {
  const result = await trx.raw<{ rows: { id: string; ews_item_id: string | null; start_ms: unknown }[] }>(
    `INSERT INTO bookings (room_id, source, status, during, subject, organizer_name, organizer_email, attendees,
        description, location, online_meeting_url, is_private, ews_item_id, ews_change_key, clean_global_object_id,
        uid, recurring_master_id, original_start, is_occurrence, detail_source, details_pending, updated_at)
      SELECT CAST(? AS uuid), 'exchange', 'confirmed', tstzrange(x.start_at, x.end_at, '[)'), x.subject,
        x.organizer_name, x.organizer_email, x.attendees, x.description, x.location, x.online_meeting_url,
        x.is_private, x.ews_item_id, x.ews_change_key, x.clean_global_object_id, x.uid, x.recurring_master_id,
        x.original_start, x.is_occurrence, x.detail_source, x.details_pending, now()
      FROM jsonb_to_recordset(CAST(? AS jsonb)) AS ${CREATED_RECORD}
      ON CONFLICT DO NOTHING
      RETURNING id, ews_item_id, ${EPOCH_MS('lower(during)')} AS start_ms`,
    [roomId, JSON.stringify(creates.map(createdRecord))],
  );
  const inserted = new Map<string, number>();
  for (const row of result.rows) {
    const key = createdKey(row.ews_item_id, Number(row.start_ms));
    inserted.set(key, (inserted.get(key) ?? 0) + 1);
  }
  const skipped = creates.filter((fields) => {
    const key = createdKey(fields.ewsItemId, fields.start.getTime());
    const left = inserted.get(key) ?? 0;
    if (left > 0) inserted.set(key, left - 1);
    return left === 0;
  });
  return { ids: result.rows.map((r) => r.id), skipped };
}

/** Phase 2 writes only the descriptive columns, and only where the booking is as phase 1 left it. */
async function fillDetails(trx: Knex.Transaction, roomId: string, fills: readonly DetailsFill[]): Promise<string[]> {
  const written: string[] = [];
  for (const batch of chunk(fills, INSERT_CHUNK)) {
    const rows = batch.map((f) => ({
      id: f.bookingId,
      change_key: f.ewsChangeKey,
      subject: clean(f.fields.subject),
      description: clean(f.fields.description),
      is_private: f.fields.isPrivate,
      attendees: f.fields.attendees.map((a) => ({
        name: clean(a.name),
        email: clean(a.email),
        kind: a.kind,
        response: a.response,
      })),
      online_meeting_url: f.fields.onlineMeetingUrl === null ? null : clean(f.fields.onlineMeetingUrl),
      detail_source: f.fields.detailSource,
    }));
    // One statement per batch: 5,000 rooms x 100 meetings are half a million rows.
    const result = await trx.raw<{ rows: { id: string }[] }>(
      `UPDATE bookings b SET subject = x.subject, description = x.description, is_private = x.is_private,
          attendees = x.attendees, online_meeting_url = x.online_meeting_url, detail_source = x.detail_source,
          details_pending = false, updated_at = now()
        FROM jsonb_to_recordset(CAST(? AS jsonb)) AS x(id uuid, change_key text, subject text, description text,
          is_private boolean, attendees jsonb, online_meeting_url text, detail_source text)
        WHERE b.id = x.id AND b.room_id = ? AND b.details_pending AND b.ews_change_key = x.change_key
        RETURNING b.id`,
      [JSON.stringify(rows), roomId],
    );
    written.push(...result.rows.map((r) => r.id));
  }
  return written;
}

export interface SyncBookingWriter {
  bookingsOfMeetings(roomId: string, ids: readonly string[], window: TimeWindow): Promise<StoredBooking[]>;
  bookingsInWindow(roomId: string, window: TimeWindow): Promise<StoredBooking[]>;
  bookingsOfItems(roomId: string, itemIds: readonly string[]): Promise<StoredBooking[]>;
  applyPlan(roomId: string, plan: ReconcilePlan): Promise<AppliedPlan>;
  bookingsAwaitingDetails(roomId: string): Promise<StoredBooking[]>;
  fillDetails(roomId: string, fills: readonly DetailsFill[]): Promise<string[]>;
  cancelBookings(cancellations: readonly BookingCancellation[]): Promise<number>;
}

export function syncBookingWriter(trx: Knex.Transaction): SyncBookingWriter {
  /** Ids of the bookings the current applyPlan inserted (its creates, as they succeed). */
  let inserted: string[] = [];

  async function cancelBookings(cancellations: readonly BookingCancellation[], roomId?: string): Promise<number> {
    if (cancellations.length === 0) return 0;
    const query = trx('bookings')
      .whereIn(
        'id',
        cancellations.map((c) => c.bookingId),
      )
      .whereIn('status', LIVE);
    if (roomId !== undefined) void query.where({ room_id: roomId });
    return query.update({ status: 'cancelled', updated_at: trx.fn.now() });
  }

  function perform(
    roomId: string,
    write: Write,
    status: 'confirmed' | 'pending',
  ): (sp: Knex.Transaction) => Promise<unknown> {
    if (write.kind === 'update') {
      const { update } = write;
      // The plan may be older than the booking: a booking Roomserve moved to another room or whose
      // meeting it cancelled meanwhile is left as it is now.
      return async (sp) =>
        sp('bookings')
          .where({ id: update.bookingId, room_id: roomId })
          .whereNull('meeting_cancelled_at')
          .update({ ...columnsOf(sp, update.fields), status });
    }
    return async (sp) => {
      const rows = await sp('bookings')
        .insert({ ...columnsOf(sp, write.fields), room_id: roomId, source: 'exchange', status })
        .returning<{ id: string }[]>('id');
      inserted.push(...rows.map((r) => r.id));
    };
  }

  /** Writes each as confirmed where it overlaps nothing; returns those that would. */
  async function writeConfirmed(roomId: string, writes: readonly Write[]): Promise<Write[]> {
    const blocked: Write[] = [];
    const creates: SyncedBookingFields[] = [];
    for (const write of writes) {
      if (write.kind === 'create') creates.push(write.fields);
      else if (!(await withoutOverlap(trx, perform(roomId, write, 'confirmed')))) blocked.push(write);
    }
    for (const batch of chunk(creates, INSERT_CHUNK)) {
      const { ids, skipped } = await insertConfirmed(trx, roomId, batch);
      inserted.push(...ids);
      blocked.push(...skipped.map((fields): Write => ({ kind: 'create', fields })));
    }
    return blocked;
  }

  return {
    bookingsOfMeetings: async (roomId, ids, window) =>
      ids.length === 0
        ? []
        : selectBookings(trx, `b.room_id = ? AND b.clean_global_object_id IN (${marks(ids)}) AND ${WINDOW_SQL}`, [
            roomId,
            ...ids,
            ...windowArgs(window),
          ]),
    bookingsInWindow: async (roomId, window) =>
      selectBookings(trx, `b.room_id = ? AND b.clean_global_object_id IS NOT NULL AND ${WINDOW_SQL}`, [
        roomId,
        ...windowArgs(window),
      ]),
    bookingsOfItems: async (roomId, itemIds) =>
      itemIds.length === 0
        ? []
        : selectBookings(
            trx,
            `b.room_id = ? AND (b.ews_item_id IN (${marks(itemIds)}) OR b.recurring_master_id IN (${marks(itemIds)})) AND b.status IN ('confirmed', 'pending')`,
            [roomId, ...itemIds, ...itemIds],
          ),
    bookingsAwaitingDetails: async (roomId) =>
      selectBookings(trx, `b.room_id = ? AND b.details_pending AND b.status IN ('confirmed', 'pending')`, [roomId]),
    fillDetails: (roomId, fills) => fillDetails(trx, roomId, fills),
    cancelBookings,
    async applyPlan(roomId, reconciled) {
      const { plan, adopted } = await adoptOwnBookings(trx, roomId, reconciled);
      inserted = [];
      // Cancellations first free their slots; a move into a slot another move vacates is retried
      // once everything else is written. Whatever still overlaps is kept as pending, not lost.
      // Only bookings still in this room: one Roomserve moved away meanwhile left it in Exchange too.
      const cancelled = await cancelBookings(plan.cancel, roomId);
      const writes: Write[] = [
        ...plan.update.map((update): Write => ({ kind: 'update', update })),
        ...plan.create.map((fields): Write => ({ kind: 'create', fields })),
      ];
      let blocked = await writeConfirmed(roomId, writes);
      if (blocked.length > 0 && blocked.length < writes.length) blocked = await writeConfirmed(roomId, blocked);
      for (const write of blocked) await perform(roomId, write, 'pending')(trx);
      return {
        created: plan.create.length,
        updated: plan.update.length,
        cancelled,
        conflicts: blocked.length,
        createdBookingIds: [...adopted, ...inserted],
      };
    },
  };
}
