import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import type { Booking } from '../../shared/schemas/bookings';
import { startExchangeSim, type ExchangeSimOptions, type RunningExchangeSim } from '../exchange-sim';
import { ewsService } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Roomserve promises Exchange 2010 SP1 to 2019. Exchange 2010 SP1 refuses a RequestServerVersion
 * newer than its own and property paths its schema lacks; 2013 and later add the online-meeting
 * link. Against each release played by the simulator: the connection test passes, a meeting made
 * in Outlook reaches Roomserve, and a booking made in Roomserve is accepted by the room.
 */

const ELBE = 'room.harbour.0.elbe@northwind.test';
const ORGANIZER = 'emma.schmidt@northwind.test';
const PASSWORD = 'Roomserve-demo-1';
const TEAMS_LINK = 'https://meet.northwind.test/join/42';
const DAY_MS = 86_400_000;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Release {
  readonly release: NonNullable<ExchangeSimOptions['release']>;
  /** What the synced booking carries as its online-meeting link. */
  readonly expectedLink: string | null;
}

const RELEASES: readonly Release[] = [
  { release: 'Exchange2010_SP1', expectedLink: null },
  { release: 'Exchange2019', expectedLink: TEAMS_LINK },
];

describe.each(RELEASES)('against $release', ({ release, expectedLink }) => {
  let sim: RunningExchangeSim;
  let db: TestDatabase;
  let app: TestApp;
  let admin: string;
  let roomId: string;
  const day = Math.floor(Date.now() / DAY_MS + 4) * DAY_MS;

  beforeAll(async () => {
    sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 20, validateRequests: false, release });
    db = await createTestDatabase();
    app = createTestApp(db.knex);
    admin = await app.tokenFor('admin');
    await connectToDemoSim(app.app, admin, sim);
    const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
    roomId = await buildRoom(db.knex, { floorId, exchangeEmail: ELBE, name: 'Elbe' });
    await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
    await app.sync.restart(await app.deps.exchange.gateway());
  }, 90_000);

  afterAll(async () => {
    await app?.deps.bookings.idle();
    await app?.sync.restart(null);
    await sim?.close();
    await db?.close();
  });

  it('passes the admin’s connection test', async () => {
    const res = await request(app.app)
      .post('/api/admin/exchange/test')
      .set('Authorization', `Bearer ${admin}`)
      .send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
  });

  it('shows a meeting booked in Outlook, with the online link where Exchange has one', async () => {
    const start = day + 9 * 3_600_000;
    sim.control.model.createCalendarItem(
      ORGANIZER,
      undefined,
      {
        subject: 'Budget review',
        start,
        end: start + 3_600_000,
        resources: [{ emailAddress: ELBE }],
        joinOnlineMeetingUrl: TEAMS_LINK,
      },
      'SendToAllAndSaveCopy',
    );
    await until('the meeting to reach Roomserve', async () => {
      const found = await db
        .knex('bookings')
        .where({ room_id: roomId, status: 'confirmed' })
        .first<{ id: string }>('id');
      return found !== undefined;
    });
    const row = await db
      .knex('bookings')
      .where({ room_id: roomId, status: 'confirmed' })
      .first<{ subject: string; online_meeting_url: string | null }>('subject', 'online_meeting_url');
    expect(row?.online_meeting_url ?? null).toBe(expectedLink);
  });

  it('books a room through the attendant', async () => {
    const user = await buildUser(db.knex, { email: ORGANIZER, role: 'employee', name: 'Emma Schmidt' });
    const token = (await app.deps.auth.createApiToken(user.id, { name: 'test' })).token;
    const start = new Date(day + 14 * 3_600_000).toISOString();
    const end = new Date(day + 15 * 3_600_000).toISOString();
    const created = await request(app.app)
      .post('/api/bookings')
      .set('Authorization', `Bearer ${token}`)
      .send({ roomId, start, end, subject: 'Planning' });
    expect(created.status).toBe(201);
    const settled = await request(app.app)
      .get(`/api/bookings/${(created.body as Booking).id}?wait=10`)
      .set('Authorization', `Bearer ${token}`);
    expect((settled.body as Booking).status).toBe('confirmed');
    const roomCopies = sim.control.model
      .readCalendar(ELBE)
      .filter((i) => !i.isCancelled && i.start === Date.parse(start));
    expect(roomCopies).toHaveLength(1);
  });
});

describe('the simulator playing Exchange 2010 SP1', () => {
  it('refuses a request that asks for Exchange 2013, as the real one does', async () => {
    const sim = await startExchangeSim({ seed: 'demo', validateRequests: false, release: 'Exchange2010_SP1' });
    try {
      const login = 'NORTHWIND\\emma.schmidt';
      const newer = ewsService(sim.url, login, PASSWORD, 'basic', sim.control.caCertPem);
      await expect(newer.GetRoomLists()).rejects.toMatchObject({
        message: expect.stringMatching(/schema validation/i),
      });
      const older = ewsService(
        sim.url,
        login,
        PASSWORD,
        'basic',
        sim.control.caCertPem,
        ews.ExchangeVersion.Exchange2010_SP1,
      );
      await expect(older.GetRoomLists()).resolves.toBeDefined();
      expect(older.ServerInfo.MajorVersion).toBe(14);
    } finally {
      await sim.close();
    }
  });
});
