import type { Knex } from 'knex';

// Fills analytics_room_weeks from the days an installation already has, so reads keep giving the
// same figures after the upgrade without a new backfill. (A copy of the store's refresh, for all
// weeks: a migration keeps its own SQL.)
const tally = (column: string) => `(
  SELECT coalesce(jsonb_agg(p.x ORDER BY e.v, p.i), '[]'::jsonb)
  FROM (SELECT v, count(*) AS n
        FROM analytics_room_days x, jsonb_array_elements_text(x.${column}) AS j(v)
        WHERE x.room_id = d.room_id AND x.day >= d.week AND x.day <= d.week + 6
        GROUP BY v) e,
  LATERAL (VALUES (0, to_jsonb(CAST(e.v AS numeric))), (1, to_jsonb(e.n))) AS p(i, x))`;

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    INSERT INTO analytics_room_weeks (room_id, week, open_ms, booked_ms, occupied_ms, released_ms, bookings,
      recurring, check_in_candidates, released, sized, under_half_capacity, over_capacity, lengths, lead_minutes)
    SELECT d.room_id, d.week, sum(d.open_ms), sum(d.booked_ms), sum(d.occupied_ms), sum(d.released_ms),
      sum(d.bookings), sum(d.recurring), sum(d.check_in_candidates), sum(d.released), sum(d.sized),
      sum(d.under_half_capacity), sum(d.over_capacity), ${tally('lengths')}, ${tally('lead_minutes')}
    FROM (SELECT *, day - (CAST(extract(isodow FROM day) AS integer) - 1) AS week FROM analytics_room_days) d
    GROUP BY d.room_id, d.week`);
}

export async function down(db: Knex): Promise<void> {
  await db('analytics_room_weeks').delete();
}
