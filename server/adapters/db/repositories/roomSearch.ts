import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Attendee } from '../../../domain/availability/bookingVisibility';
import { interval, type Interval } from '../../../domain/availability/interval';
import { openingHoursSchema } from '../../../../shared/schemas/locations';
import type {
  BuildingHours,
  RoomSearchCriteria,
  RoomSearchHit,
  RoomSearchHits,
  RoomSearchRepository,
  ScheduledBooking,
  ScheduleRoom,
  SearchedRoom,
} from '../../../ports/roomSearch';
import { toRoom, type ImageRow, type RoomRow } from './rooms';

/**
 * Room search in one SQL statement: filter, availability rank, best-fit order, page and total.
 *
 * The bookings overlapping the window are found once through the partial GiST index on `during`
 * (migration 0012) and merged per room with range_agg (a multirange): a room is busy when that
 * multirange contains the whole window, free when it has none. That is the rule of
 * domain/availability (half-open ranges; touching bookings merge), which then shapes the page's
 * busy intervals. Pending bookings hold their slot, so they count as busy.
 *
 * Values leave the database as JSON numbers and strings only (epoch milliseconds for instants),
 * which both engines render identically whatever the session or process time zone.
 */

/** The statuses that occupy a room. */
const OCCUPYING = `('pending', 'confirmed')`;
const WINDOW = `tstzrange(CAST(:windowStart AS timestamptz), CAST(:windowEnd AS timestamptz), '[)')`;
/**
 * The search's window, limit and offset reach the planner as scalar subqueries (InitPlans, each
 * evaluated once per execution), not as values it could plan with. The best plan does not depend
 * on them (bookings through the GiST index, rooms in best-fit order), and hiding them makes the
 * plan of a per-connection prepared statement the same for every window and page: PostgreSQL
 * then keeps one generic plan (unless other filters' values make planning each time look worth
 * it) instead of planning every request again: ~0.3 ms less database CPU per search in
 * bench:search, about a third of the statement.
 */
const SEARCH_WINDOW = `(SELECT ${WINDOW})`;
const PAGE_LIMIT = 'LIMIT (SELECT CAST(:limit AS bigint)) OFFSET (SELECT CAST(:offset AS bigint))';
const EPOCH_MS = (expr: string): string => `CAST(floor(extract(epoch from ${expr}) * 1000) AS bigint)`;
// The one ordering of results; domain/availability/bestFit.ts states the same rule.
const BEST_FIT = (t: string): string =>
  `${t}.capacity, ${t}.state_rank, lower(${t}.name COLLATE "C"), ${t}.name COLLATE "C", ${t}.id`;
/**
 * BEST_FIT where every room has the same state: the order of the partial index rooms_best_fit
 * (migration 0030), so the page is read off that index and stops after offset + limit rooms.
 */
const SAME_STATE_FIT = (t: string): string =>
  `${t}.capacity, lower(${t}.name COLLATE "C"), ${t}.name COLLATE "C", ${t}.id`;

/** `%` and `_` in what the user typed are literal characters, not wildcards. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * Which rooms match and how they rank; shared by the page query and the count query.
 * With onlyAvailable, a room qualifies only without any occupying booking, so there is no need
 * to merge the bookings; every such room is free.
 */
interface Selection {
  /** Every matching room has the same state (no window, or only free rooms): see SAME_STATE_FIT. */
  readonly sameState: boolean;
  readonly ctes: string;
  readonly from: string;
  readonly where: string;
  readonly stateRank: string;
  readonly spans: string;
  readonly bindings: Record<string, unknown>;
}

const NO_SPANS = 'CAST(NULL AS tstzmultirange)';

function attributeFilters(criteria: RoomSearchCriteria, where: string[], bindings: Record<string, unknown>): void {
  if (criteria.minCapacity !== undefined) {
    where.push('r.capacity >= :minCapacity');
    bindings.minCapacity = criteria.minCapacity;
  }
  if (criteria.tags.length > 0) {
    where.push('r.tags @> ARRAY(SELECT jsonb_array_elements_text(CAST(:tags AS jsonb)))');
    bindings.tags = JSON.stringify(criteria.tags);
  }
  if (criteria.buildingId !== undefined) {
    where.push('f.building_id = :buildingId');
    bindings.buildingId = criteria.buildingId;
  }
  if (criteria.floorId !== undefined) {
    where.push('r.floor_id = :floorId');
    bindings.floorId = criteria.floorId;
  }
  if (criteria.bookableExternalOnly) where.push('r.bookable_external');
  if (criteria.words.length > 0) {
    // Every word must occur somewhere; words hold no spaces, so none can match across two fields.
    where.push(`NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(CAST(:patterns AS jsonb)) AS p(pattern)
      WHERE concat_ws(' ', r.name, r.description, array_to_string(r.tags, ' '), f.name, bl.name) NOT ILIKE p.pattern ESCAPE '!'
    )`);
    bindings.patterns = JSON.stringify(criteria.words.map(containsPattern));
  }
}

/**
 * The floors of the buildings closed in the window, once per execution (MATERIALIZED), tested
 * with NOT IN / IN like `occupied`: a hash lookup per room, and no join that would forbid reading
 * the page off the best-fit index. Present only when some building is closed, so the common
 * statement (every building open) is unchanged.
 */
function closedFloors(criteria: RoomSearchCriteria, bindings: Record<string, unknown>): string {
  const closed = criteria.window === undefined ? [] : (criteria.closedBuildingIds ?? []);
  if (closed.length === 0) return '';
  bindings.closedBuildings = JSON.stringify(closed);
  return `closed_floors AS MATERIALIZED (
    SELECT cf.id FROM floors cf
    WHERE cf.building_id IN (SELECT CAST(j AS uuid) FROM jsonb_array_elements_text(CAST(:closedBuildings AS jsonb)) AS j)
  ),`;
}

const IN_CLOSED_BUILDING = 'r.floor_id IN (SELECT cf.id FROM closed_floors cf)';

function selectionOf(criteria: RoomSearchCriteria): Selection {
  const where = ['r.active'];
  const bindings: Record<string, unknown> = { ...windowBindings(criteria.window) };
  attributeFilters(criteria, where, bindings);
  const closedCte = closedFloors(criteria, bindings);
  // Every room has a floor and a building; join them only when a filter reads them.
  const locationJoin =
    criteria.buildingId !== undefined || criteria.words.length > 0
      ? 'JOIN floors f ON f.id = r.floor_id JOIN buildings bl ON bl.id = f.building_id'
      : '';
  const base = { from: `rooms r ${locationJoin}`, bindings };
  if (criteria.window === undefined) {
    return { ...base, sameState: true, ctes: '', where: where.join(' AND '), stateRank: '0', spans: NO_SPANS };
  }
  if (criteria.onlyAvailable) {
    // Collect the occupied rooms from the window's bookings once (MATERIALIZED: the page and the
    // count both read it) and test rooms against it with NOT IN, which PostgreSQL runs as one hash
    // table (a "hashed SubPlan"; room_id is NOT NULL, so NOT IN has no NULL surprise). Written as
    // NOT EXISTS, the planner may probe the bookings index once per room instead, which costs
    // ~30 µs a probe: 60 ms for 2,000 rooms. A join would forbid reading the page off the index.
    return {
      ...base,
      sameState: true,
      ctes: `${closedCte} occupied AS MATERIALIZED (
        SELECT b.room_id FROM bookings b WHERE b.during && ${SEARCH_WINDOW} AND b.status IN ${OCCUPYING}
      ),`,
      where: [
        ...where,
        'r.id NOT IN (SELECT o.room_id FROM occupied o)',
        ...(closedCte === '' ? [] : [`NOT (${IN_CLOSED_BUILDING})`]),
      ].join(' AND '),
      stateRank: '0',
      spans: NO_SPANS,
    };
  }
  return {
    ...base,
    sameState: false,
    ctes: `${closedCte} busy AS (
      SELECT b.room_id, range_agg(b.during * ${SEARCH_WINDOW}) AS spans
      FROM bookings b
      WHERE b.during && ${SEARCH_WINDOW} AND b.status IN ${OCCUPYING}
      GROUP BY b.room_id
    ),`,
    from: `${base.from} LEFT JOIN busy ON busy.room_id = r.id`,
    where: where.join(' AND '),
    // The ranks of AVAILABILITY_STATES: free, partial, busy, closed.
    stateRank: `CASE ${closedCte === '' ? '' : `WHEN ${IN_CLOSED_BUILDING} THEN 3 `}WHEN busy.spans IS NULL THEN 0 WHEN busy.spans @> ${SEARCH_WINDOW} THEN 2 ELSE 1 END`,
    spans: 'busy.spans',
  };
}

function searchSql(selection: Selection): string {
  return selection.sameState ? sameStateSearchSql(selection) : rankedSearchSql(selection);
}

/** The columns of a result row, read from the room `r` of the page, its floor `f` and building `bl`. */
function resultColumns(total: string, busy: string): string {
  return `${total} AS total, r.id, r.floor_id, f.building_id, r.name, r.description, r.capacity, to_json(r.tags) AS tags, r.shape,
         r.exchange_email, r.exchange_state, r.exchange_checked_at, r.exchange_error,
         r.bookable_internal, r.bookable_external, r.active,
         f.name AS floor_name, bl.name AS building_name, bl.time_zone,
         ${busy} AS busy,
         (SELECT json_agg(json_build_object('room_id', ri.room_id, 'file_id', ri.file_id, 'alt', ri.alt) ORDER BY ri.position)
            FROM room_images ri WHERE ri.room_id = r.id) AS images`;
}

/**
 * All matching rooms share one state, so best fit is the index order: the page stops early
 * instead of sorting every match and carries the page's room rows along (no second visit to
 * rooms), and the total is a plain count (an InitPlan, run once).
 */
function sameStateSearchSql(selection: Selection): string {
  return `
  WITH ${selection.ctes}
  page AS (
    SELECT r.*
    FROM ${selection.from}
    WHERE ${selection.where}
    ORDER BY ${SAME_STATE_FIT('r')}
    ${PAGE_LIMIT}
  )
  SELECT ${resultColumns(`(SELECT count(*) FROM ${selection.from} WHERE ${selection.where})`, 'NULL')}
  FROM page r
  JOIN floors f ON f.id = r.floor_id
  JOIN buildings bl ON bl.id = f.building_id
  ORDER BY ${SAME_STATE_FIT('r')}`;
}

function rankedSearchSql(selection: Selection): string {
  return `
  WITH ${selection.ctes}
  matching AS (
    SELECT r.id, r.capacity, r.name, ${selection.stateRank} AS state_rank, ${selection.spans} AS spans
    FROM ${selection.from}
    WHERE ${selection.where}
  ),
  page AS (
    SELECT m.*, count(*) OVER () AS total
    FROM matching m
    ORDER BY ${BEST_FIT('m')}
    ${PAGE_LIMIT}
  )
  SELECT ${resultColumns(
    'p.total',
    `(SELECT json_agg(json_build_array(${EPOCH_MS('lower(s)')}, ${EPOCH_MS('upper(s)')}) ORDER BY lower(s))
       FROM unnest(p.spans) AS s)`,
  )}
  FROM page p
  JOIN rooms r ON r.id = p.id
  JOIN floors f ON f.id = r.floor_id
  JOIN buildings bl ON bl.id = f.building_id
  ORDER BY ${BEST_FIT('p')}`;
}

function countSql(selection: Selection): string {
  return `
  WITH ${selection.ctes} counted AS (SELECT 1 FROM ${selection.from} WHERE ${selection.where})
  SELECT count(*) AS total FROM counted`;
}

// ---- row normalisation -------------------------------------------------------------------

/** A room row (as the rooms repository reads it) plus what the search query adds. */
interface SearchRow extends RoomRow {
  total: number | string;
  floor_name: string;
  building_name: string;
  time_zone: string;
  busy: unknown;
  images: unknown;
}

/** json columns arrive parsed from both drivers; a string would mean a driver changed its mind. */
function fromJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function listOf(value: unknown): unknown[] {
  const list = fromJson(value);
  return Array.isArray(list) ? list : [];
}

function busyOf(value: unknown): Interval[] {
  return listOf(value).map((pair: unknown) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError('Malformed busy span from the database');
    return interval(Number(pair[0]), Number(pair[1]));
  });
}

function imagesOf(value: unknown): ImageRow[] {
  return listOf(value).map((image: unknown) => {
    const { room_id: roomId, file_id: fileId, alt } = image as Record<string, unknown>;
    return { room_id: String(roomId), file_id: String(fileId), alt: typeof alt === 'string' ? alt : '' };
  });
}

function roomOf(row: SearchRow): SearchedRoom {
  // `tags` arrives as a JSON array (to_json), which toRoom reads like a text[] column. Object.assign
  // rather than spreading the row: spreads of these objects measured several times slower.
  const room: SearchedRoom = Object.assign(toRoom(row, imagesOf(row.images)), {
    floorName: row.floor_name,
    buildingName: row.building_name,
    timeZone: row.time_zone,
  });
  return room;
}

function hitOf(row: SearchRow, windowed: boolean): RoomSearchHit {
  return windowed ? { room: roomOf(row), busy: busyOf(row.busy) } : { room: roomOf(row) };
}

export interface ScheduleRow {
  id: string;
  start_ms: number | string;
  end_ms: number | string;
  subject: string;
  organizer_name: string;
  organizer_email: string;
  attendees: unknown;
  is_private: boolean;
  status: ScheduledBooking['status'];
  source: ScheduledBooking['source'];
}

/** Attendees are stored as Exchange gave them; keep the entries that name an address. */
function attendeesOf(value: unknown): Attendee[] {
  return listOf(value).flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { name, email } = entry as { name?: unknown; email?: unknown };
    if (typeof email !== 'string' || email === '') return [];
    return [{ name: typeof name === 'string' ? name : '', email }];
  });
}

export function scheduledOf(row: ScheduleRow): ScheduledBooking {
  return {
    id: row.id,
    span: interval(Number(row.start_ms), Number(row.end_ms)),
    subject: row.subject,
    organizer: { name: row.organizer_name, email: row.organizer_email },
    attendees: attendeesOf(row.attendees),
    isPrivate: row.is_private,
    status: row.status,
    source: row.source,
  };
}

// ---- the repository -----------------------------------------------------------------------

/**
 * Runs the search as a named prepared statement (node-postgres keeps it per connection), so
 * PostgreSQL parses and analyses it once per connection rather than per request (~0.2 ms of
 * database CPU in bench:search), and after five executions keeps its generic plan (see
 * SEARCH_WINDOW). The name is derived from the text, because one name must always mean one text;
 * there are only as many texts as combinations of filters (which also bounds the memo of names).
 * PGlite ignores the option.
 */
const preparedNames = new Map<string, string>();

function preparedAs(sql: string): { name: string } {
  let name = preparedNames.get(sql);
  if (name === undefined) {
    name = `room_search_${createHash('sha1').update(sql).digest('hex')}`;
    preparedNames.set(sql, name);
  }
  return { name };
}

function windowBindings(window: Interval | undefined): Record<string, unknown> {
  if (window === undefined) return {};
  return { windowStart: new Date(window.start).toISOString(), windowEnd: new Date(window.end).toISOString() };
}

async function search(db: Knex, criteria: RoomSearchCriteria): Promise<RoomSearchHits> {
  const selection = selectionOf(criteria);
  const sql = searchSql(selection);
  const result = await db
    .raw<{ rows: SearchRow[] }>(sql, { ...selection.bindings, limit: criteria.limit, offset: criteria.offset })
    .options(preparedAs(sql));
  const first = result.rows[0];
  const hits = result.rows.map((row) => hitOf(row, criteria.window !== undefined));
  if (first) return { hits, total: Number(first.total) };
  if (criteria.offset === 0) return { hits, total: 0 };
  // Past the last page the window count has no row to ride on; count separately.
  const counted = await db.raw<{ rows: { total: number | string }[] }>(countSql(selection), selection.bindings);
  return { hits, total: Number(counted.rows[0]?.total ?? 0) };
}

const openingHoursOf = (value: unknown) => openingHoursSchema.parse(fromJson(value) ?? {});

async function scheduleRoom(db: Knex, roomId: string): Promise<ScheduleRoom | undefined> {
  const row = await db('rooms as r')
    .join('floors as f', 'f.id', 'r.floor_id')
    .join('buildings as bl', 'bl.id', 'f.building_id')
    .where('r.id', roomId)
    .first<{ time_zone: string; opening_hours: unknown; bookable_external: boolean } | undefined>(
      'bl.time_zone',
      'bl.opening_hours',
      'r.bookable_external',
    );
  return (
    row && {
      timeZone: row.time_zone,
      openingHours: openingHoursOf(row.opening_hours),
      bookableExternal: row.bookable_external,
    }
  );
}

async function buildingHours(db: Knex): Promise<BuildingHours[]> {
  const rows = await db('buildings').select<{ id: string; time_zone: string; opening_hours: unknown }[]>(
    'id',
    'time_zone',
    'opening_hours',
  );
  return rows.map((row) => ({
    buildingId: row.id,
    timeZone: row.time_zone,
    openingHours: openingHoursOf(row.opening_hours),
  }));
}

async function bookingsOf(db: Knex, roomId: string, window: Interval): Promise<ScheduledBooking[]> {
  const result = await db.raw<{ rows: ScheduleRow[] }>(
    `SELECT b.id, ${EPOCH_MS('lower(b.during)')} AS start_ms, ${EPOCH_MS('upper(b.during)')} AS end_ms,
            b.subject, b.organizer_name, b.organizer_email, b.attendees, b.is_private, b.status, b.source
     FROM bookings b
     WHERE b.room_id = :roomId AND b.during && ${WINDOW} AND b.status IN ${OCCUPYING}
     ORDER BY lower(b.during), upper(b.during), b.id`,
    { roomId, ...windowBindings(window) },
  );
  return result.rows.map(scheduledOf);
}

async function bookingsOfRooms(
  db: Knex,
  roomIds: readonly string[],
  window: Interval,
): Promise<ReadonlyMap<string, ScheduledBooking[]>> {
  const byRoom = new Map<string, ScheduledBooking[]>();
  if (roomIds.length === 0) return byRoom;
  const result = await db.raw<{ rows: (ScheduleRow & { room_id: string })[] }>(
    `SELECT b.room_id, b.id, ${EPOCH_MS('lower(b.during)')} AS start_ms, ${EPOCH_MS('upper(b.during)')} AS end_ms,
            b.subject, b.organizer_name, b.organizer_email, b.attendees, b.is_private, b.status, b.source
     FROM bookings b
     WHERE b.room_id IN (SELECT CAST(j AS uuid) FROM jsonb_array_elements_text(CAST(:roomIds AS jsonb)) AS j)
       AND b.during && ${WINDOW} AND b.status IN ${OCCUPYING}
     ORDER BY b.room_id, lower(b.during), upper(b.during), b.id`,
    { roomIds: JSON.stringify(roomIds), ...windowBindings(window) },
  );
  for (const row of result.rows) {
    const bookings = byRoom.get(row.room_id) ?? [];
    bookings.push(scheduledOf(row));
    byRoom.set(row.room_id, bookings);
  }
  return byRoom;
}

export function createRoomSearchRepository(db: Knex): RoomSearchRepository {
  return {
    search: (criteria) => search(db, criteria),
    scheduleRoom: (roomId) => scheduleRoom(db, roomId),
    buildingHours: () => buildingHours(db),
    bookingsOf: (roomId, window) => bookingsOf(db, roomId, window),
    bookingsOfRooms: (roomIds, window) => bookingsOfRooms(db, roomIds, window),
  };
}
