import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

// Both engines must hand our code identical JavaScript values; this file runs on each of them.
describe(`database values are engine-independent`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('count(*) is a number', async () => {
    await db.knex('users').insert({ email: 'a@x.test', name: 'A', role: 'employee' });
    const [row] = await db.knex('users').count<{ n: number }[]>('* as n');
    expect(row?.n).toBe(1);
  });

  it('timestamptz is a Date at the same instant, date is plain text', async () => {
    const result = await db.knex.raw<{ rows: { ts: unknown; d: unknown }[] }>(
      "SELECT '2026-03-29T01:30:00Z'::timestamptz AS ts, '2026-03-29'::date AS d",
    );
    const [row] = result.rows;
    expect(row?.ts).toBeInstanceOf(Date);
    expect((row?.ts as Date).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(row?.d).toBe('2026-03-29');
  });

  it('refuses two overlapping confirmed bookings of one room', async () => {
    type Id = { id: string };
    const [building] = await db
      .knex('buildings')
      .insert({ name: 'B', time_zone: 'Europe/Berlin' })
      .returning<Id[]>('id');
    const [floor] = await db
      .knex('floors')
      .insert({ building_id: building?.id, name: 'F', level: 0 })
      .returning<Id[]>('id');
    const [room] = await db.knex('rooms').insert({ floor_id: floor?.id, name: 'R', capacity: 4 }).returning<Id[]>('id');
    const booking = (start: string, end: string, status: string) => ({
      room_id: room?.id,
      during: db.knex.raw("tstzrange(?, ?, '[)')", [start, end]),
      source: 'app',
      status,
    });
    await db.knex('bookings').insert(booking('2026-05-04T08:00:00Z', '2026-05-04T09:00:00Z', 'confirmed'));
    await db.knex('bookings').insert(booking('2026-05-04T09:00:00Z', '2026-05-04T10:00:00Z', 'confirmed'));
    await db.knex('bookings').insert(booking('2026-05-04T08:30:00Z', '2026-05-04T09:30:00Z', 'declined'));
    await expect(
      db.knex('bookings').insert(booking('2026-05-04T08:30:00Z', '2026-05-04T09:30:00Z', 'confirmed')),
    ).rejects.toMatchObject({ code: '23P01' });
  });
});
