import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { composeApp, type Composition } from '../../server/compose/app';
import { buildBooking } from '../factories/bookings';
import { buildRoom } from '../factories/locations';
import { TEST_SCRYPT_COST } from '../factories/users';
import { ManualClock } from '../fakes/manualClock';
import { TEST_APP_CONFIG } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The rollup's time behind the sync is an operational figure (and bench:sync's share of issue 16):
 * the composed application reports every batch of changes it applies in the registry /metrics serves.
 */
describe('the analytics rollup in /metrics', () => {
  let db: TestDatabase;
  let composition: Composition;
  let roomId: string;
  const bookings: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    composition = composeApp({
      knex: db.knex,
      config: TEST_APP_CONFIG,
      logger: pino({ level: 'silent' }),
      passwordCost: TEST_SCRYPT_COST,
      secrets: createSecretBox(randomBytes(32)),
      clock: new ManualClock('2026-06-17T09:00:00Z'),
    });
    roomId = await buildRoom(db.knex);
    for (const day of ['2026-06-08', '2026-06-09'])
      bookings.push(await buildBooking(db.knex, { roomId, start: `${day}T08:00:00Z`, end: `${day}T09:00:00Z` }));
    await composition.analyticsRollup.backfill({ from: '2026-06-01' });
  });
  afterAll(async () => {
    await db.close();
  });

  const metrics = async () => (await request(composition.app).get('/metrics').expect(200)).text;

  it('has its time and bookings at zero before any change', async () => {
    const text = await metrics();
    expect(text).toContain('# TYPE roomserve_analytics_rollup_seconds histogram');
    expect(text).not.toContain('roomserve_analytics_rollup_seconds_count{outcome="ok"}');
  });

  it("counts each batch of the sync's changes it applied, its time and its bookings", async () => {
    await db.knex('bookings').where({ id: bookings[0] }).update({ status: 'cancelled' });
    const { listener } = composition.analyticsRollup;
    await listener.bookingsChanged({ roomId, bookingIds: [bookings[0] ?? ''] });
    await listener.bookingsChanged({ roomId, bookingIds: [bookings[0] ?? '', bookings[1] ?? ''] });
    await composition.analyticsRollup.settled();
    const text = await metrics();
    expect(text).toContain('roomserve_analytics_rollup_seconds_count{outcome="ok"} 1');
    expect(text).toContain('roomserve_analytics_rollup_bookings_total{outcome="ok"} 2');
    const sum = /roomserve_analytics_rollup_seconds_sum\{outcome="ok"\} ([0-9.e-]+)/.exec(text);
    expect(Number(sum?.[1])).toBeGreaterThan(0);
  });
});
