import type { Knex } from 'knex';

/**
 * Bench data, written with INSERT ... SELECT generate_series: 200,000 bookings in about 10-30 s
 * (most of it maintaining the GiST indexes), where row-by-row inserts would take minutes.
 * Values come from integer arithmetic on the row number, not random(), so PostgreSQL and PGlite
 * get the same catalog and the same bookings.
 */

export interface BenchSize {
  readonly buildings: number;
  readonly floorsPerBuilding: number;
  readonly rooms: number;
  readonly bookingsPerRoom: number;
}

/** 2,000 rooms, 200,000 bookings: the search bench's and the plan bench's usual set. */
export const BENCH_SIZE: BenchSize = { buildings: 4, floorsPerBuilding: 5, rooms: 2_000, bookingsPerRoom: 100 };

/** The same organisation grown to `rooms`: more buildings, as large as before, equally booked. */
export function benchSizeOf(rooms: number): BenchSize {
  const roomsPerBuilding = BENCH_SIZE.rooms / BENCH_SIZE.buildings;
  return { ...BENCH_SIZE, rooms, buildings: Math.max(1, Math.round(rooms / roomsPerBuilding)) };
}
/** Bookings spread over this many days, half before and half after `anchor`. */
export const BENCH_DAYS = 60;

const TAGS = ['Display', 'Video conference', 'Whiteboard', 'Wheelchair accessible', 'Phone booth', 'Projector'];

async function fillCatalog(db: Knex, size: BenchSize): Promise<void> {
  await db.raw(
    `INSERT INTO buildings (name, address, time_zone)
     SELECT 'Bench building ' || b, 'Bench street ' || b, (ARRAY['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo'])[1 + (b - 1) % 4]
     FROM generate_series(1, ${size.buildings}) AS b`,
  );
  await db.raw(
    `INSERT INTO floors (building_id, name, level)
     SELECT bl.id, 'Floor ' || l, l FROM buildings bl CROSS JOIN generate_series(0, ${size.floorsPerBuilding - 1}) AS l`,
  );
  // Capacities 2..40 and zero to three tags, scattered by multiplying the room number by primes.
  await db.raw(
    `WITH numbered_floors AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS floors FROM floors)
     INSERT INTO rooms (floor_id, name, description, capacity, tags)
     SELECT f.id, 'Room ' || lpad(i::text, greatest(4, length(i::text)), '0'), 'Bench room number ' || i,
            (ARRAY[2, 4, 4, 6, 6, 8, 8, 10, 12, 16, 20, 40])[1 + (i * 7) % 12],
            ARRAY(SELECT t FROM jsonb_array_elements_text(CAST(? AS jsonb)) WITH ORDINALITY AS u(t, k) WHERE (i * 31 + k * 17) % 5 = 0)
     FROM generate_series(1, ${size.rooms}) AS i
     JOIN numbered_floors f ON f.n = i % f.floors`,
    [JSON.stringify(TAGS)],
  );
}

/**
 * Bookings per room: one each day in the morning, and on some days one around noon. Morning
 * meetings start 07:00-08:45 UTC and last 30-120 minutes; noon ones start at 11:00 or later, so
 * the bookings of one room never overlap (the exclusion constraint would refuse them).
 * One in twenty is pending, one in thirty cancelled.
 */
async function fillBookings(db: Knex, firstDay: Date, size: BenchSize): Promise<void> {
  await db.raw(
    `WITH numbered_rooms AS (SELECT id, CAST(row_number() OVER (ORDER BY id) AS int) AS r FROM rooms),
     slots AS (
       SELECT nr.id AS room_id, nr.r, k,
              CAST(? AS timestamptz)
                + make_interval(days => k % ${BENCH_DAYS}, hours => 7 + 4 * (k / ${BENCH_DAYS}), mins => 15 * ((nr.r * 37 + k * 11) % 8)) AS starts,
              make_interval(mins => 30 + 30 * ((nr.r * 13 + k * 7) % 4)) AS lasts
       FROM numbered_rooms nr CROSS JOIN generate_series(0, ${size.bookingsPerRoom - 1}) AS k
     )
     INSERT INTO bookings (room_id, during, subject, organizer_name, organizer_email, source, status, is_private)
     SELECT room_id, tstzrange(starts, starts + lasts, '[)'), 'Bench meeting ' || k, 'Bench organizer',
            'organizer' || (r % 50) || '@bench.test',
            (ARRAY['exchange', 'app', 'display'])[1 + (r + k) % 3],
            CASE WHEN (r + k) % 20 = 0 THEN 'pending' WHEN (r + k) % 30 = 1 THEN 'cancelled' ELSE 'confirmed' END,
            (r + k) % 10 = 0
     FROM slots`,
    [firstDay.toISOString()],
  );
}

/** Fills a migrated, empty database; bookings are spread over BENCH_DAYS centred on `anchor`. */
export async function fillBenchDatabase(db: Knex, anchor: Date, size: BenchSize = BENCH_SIZE): Promise<void> {
  const firstDay = new Date(
    Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate() - BENCH_DAYS / 2),
  );
  await fillCatalog(db, size);
  await fillBookings(db, firstDay, size);
  await db.raw('ANALYZE');
}
