import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Booking } from '../../shared/schemas/bookings';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * An external's booking that Exchange confirms only after Roomserve's follower gave up (a slow
 * booking attendant) still gets its confirmation email with the .ics: the sync tells the bookings
 * path, which tells the external. Exactly one email, also when the follower and the sync both see
 * the confirmation.
 */

const LUHE = 'room.harbour.0.luhe@northwind.test';
const DAY_MS = 86_400_000;
const BASE = Math.floor(Date.now() / DAY_MS + 5) * DAY_MS;
/** Shorter than the slow attendant's delay below: the follower gives up before the room answers. */
const FOLLOW_TIMEOUT_MS = 300;
const SLOW_ATTENDANT_MS = 2_000;

let sim: RunningExchangeSim;
let db: TestDatabase;
let testApp: TestApp;
let roomId: string;

const slot = (day: number, hour: number) => ({
  start: new Date(BASE + day * DAY_MS + hour * 3_600_000).toISOString(),
  end: new Date(BASE + day * DAY_MS + (hour + 1) * 3_600_000).toISOString(),
});

async function externalToken(email: string, name: string): Promise<string> {
  const user = await buildUser(db.knex, { email, role: 'external', name });
  return (await testApp.deps.auth.createApiToken(user.id, { name: 'test' })).token;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The confirmation emails written for one booking's external: their calendar files. */
async function confirmationsTo(email: string): Promise<string[]> {
  const rows = await db
    .knex('outbox')
    .where({ recipient: email, channel: 'email', kind: 'external-booking-confirmed' })
    .select<{ payload: unknown }[]>('payload');
  return rows.map((row) => {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
      attachments?: { content: string }[];
    };
    return payload.attachments?.[0]?.content ?? '';
  });
}

async function statusOf(bookingId: string): Promise<string> {
  const row = await db.knex('bookings').where({ id: bookingId }).first<{ status: string }>('status');
  return row.status;
}

/** Whether the sync has stored the room's copy of the meeting on the booking (it saw the confirmation). */
async function syncedRoomCopy(bookingId: string): Promise<boolean> {
  const row = await db.knex('bookings').where({ id: bookingId }).first<{ ews_item_id: string | null }>('ews_item_id');
  return row.ews_item_id !== null;
}

async function book(token: string, s: { start: string; end: string }, subject: string): Promise<Booking> {
  const res = await request(testApp.app)
    .post('/api/bookings')
    .set('Authorization', `Bearer ${token}`)
    .send({ roomId, ...s, subject });
  expect(res.status).toBe(201);
  return res.body as Booking;
}

const dtStart = (iso: string): string => `DTSTART:${iso.replace(/[-:]/g, '').replace('.000', '')}`;

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: SLOW_ATTENDANT_MS, validateRequests: false });
  db = await createTestDatabase();
  testApp = createTestApp(db.knex, { bookings: { followTimeoutMs: FOLLOW_TIMEOUT_MS } });
  const admin = await testApp.tokenFor('admin');
  await connectToDemoSim(testApp.app, admin, sim);
  const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
  roomId = await buildRoom(db.knex, { floorId, exchangeEmail: LUHE, bookableExternal: true, name: 'Luhe' });
  await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
  await testApp.sync.restart(await testApp.deps.exchange.gateway());
}, 90_000);

afterAll(async () => {
  await testApp.deps.bookings.idle();
  await testApp.sync.restart(null);
  await sim.close();
  await db.close();
});

describe('the confirmation email of an external’s booking', () => {
  it('goes out once when Exchange confirms only after the follower gave up', async () => {
    sim.control.model.setAttendantDelayMs(SLOW_ATTENDANT_MS);
    const token = await externalToken('nora.late@partner.example', 'Nora Late');
    const s = slot(0, 10);
    const booking = await book(token, s, 'Late answer');
    // The follower gives up while the room has not answered: still pending, nobody told.
    await testApp.deps.bookings.idle();
    expect(await statusOf(booking.id)).toBe('pending');
    expect(await confirmationsTo('nora.late@partner.example')).toEqual([]);
    // The room accepts later; the sync confirms the booking and the external is told.
    await until('the sync to confirm the booking', async () => (await statusOf(booking.id)) === 'confirmed');
    await until('the confirmation email', async () => (await confirmationsTo('nora.late@partner.example')).length > 0);
    await sim.control.model.whenIdle();
    const mails = await confirmationsTo('nora.late@partner.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('BEGIN:VEVENT');
    expect(mails[0]).toContain(dtStart(s.start));
  });

  it('goes out once when both the follower and the sync see the confirmation', async () => {
    sim.control.model.setAttendantDelayMs(30);
    const token = await externalToken('otto.quick@partner.example', 'Otto Quick');
    const s = slot(1, 10);
    const booking = await book(token, s, 'Quick answer');
    await testApp.deps.bookings.idle();
    // The follower saw the room's answer in time and told the external.
    expect(await statusOf(booking.id)).toBe('confirmed');
    expect(await confirmationsTo('otto.quick@partner.example')).toHaveLength(1);
    // The sync then stores the room's copy on the booking and tells its listeners of it too.
    await until('the sync to store the room’s copy', () => syncedRoomCopy(booking.id));
    await sim.control.model.whenIdle();
    const mails = await confirmationsTo('otto.quick@partner.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(dtStart(s.start));
  });
});
