/**
 * Whether bookings the bench waits for are stored: one question for many. Each pair is looked up
 * through the exclusion index (room, span) of confirmed bookings. A `(room_id, lower(during)) IN
 * (…)` list read every confirmed booking instead: at 5,000 rooms, 175 ms of the database's CPU
 * every 20 ms while a storm ran, taken from the sync under test.
 */

/** A confirmed booking of the room starting at `start` (ISO). */
export interface StoredQuery {
  readonly roomId: string;
  readonly start: string;
}

/**
 * The question, its one parameter (storedParameter(wanted)) written as `placeholder` (`$1` for pg,
 * `?` for knex); the rows' `i` are the indexes of those stored.
 */
export const storedAmongSql = (
  placeholder: '$1' | '?',
): string => `SELECT w.i FROM jsonb_to_recordset(CAST(${placeholder} AS jsonb)) AS w(i int, room_id uuid, start timestamptz)
  WHERE EXISTS (SELECT 1 FROM bookings b WHERE b.status = 'confirmed' AND b.room_id = w.room_id
    AND b.during && tstzrange(w.start, w.start, '[]') AND lower(b.during) = w.start)`;

export const storedParameter = (wanted: readonly StoredQuery[]): string =>
  JSON.stringify(wanted.map((w, i) => ({ i, room_id: w.roomId, start: w.start })));

/** For each query, whether it was among the rows found. */
export const storedFlags = (wanted: readonly StoredQuery[], rows: readonly { i: unknown }[]): boolean[] => {
  const found = new Set(rows.map((r) => Number(r.i)));
  return wanted.map((_w, i) => found.has(i));
};
