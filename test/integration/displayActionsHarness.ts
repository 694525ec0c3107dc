import { randomBytes } from 'node:crypto';
import * as ews from 'ews-javascript-api';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { composeFeatures, type Features } from '../../server/compose/app';
import { composeHttp } from '../../server/compose/http';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService, impersonating } from '../exchange-sim/ewsjs/client';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser, TEST_SCRYPT_COST } from '../factories/users';
import { ManualClock } from '../fakes/manualClock';
import { connectToDemoSim } from '../support/demoExchange';
import { TEST_APP_CONFIG } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay, pairDisplay } from './displaysHarness';
import { startLocalSmtp, type LocalSmtp } from './outboxHarness';

/**
 * The real application on a test database and the simulated Exchange (demo seed), with the sync
 * running, a clock the test moves, a local SMTP server, and a display paired for one room. Built
 * from the features (not createTestApp) so the tests reach the release job directly.
 */

export const ELBE = 'room.harbour.0.elbe@northwind.test';
export const ALSTER = 'room.harbour.0.alster@northwind.test';
export const EMMA = 'emma.schmidt@northwind.test';
export const SERVICE_ACCOUNT = 'svc-roomserve@northwind.test';
const PASSWORD = 'Roomserve-demo-1';

export interface DisplayWorld {
  readonly sim: RunningExchangeSim;
  readonly db: TestDatabase;
  readonly clock: ManualClock;
  readonly smtp: LocalSmtp;
  readonly features: Features;
  readonly app: Express;
  readonly admin: string;
  readonly rooms: Record<string, string>;
  /** The device token of the display beside Elbe. */
  readonly token: string;
  /** Emma's own EWS connection, as Outlook would book. */
  readonly emma: ews.ExchangeService;
  close(): Promise<void>;
}

export async function startDisplayWorld(options: { attendantDelayMs?: number } = {}): Promise<DisplayWorld> {
  const sim = await startExchangeSim({
    seed: 'demo',
    attendantDelayMs: options.attendantDelayMs ?? 50,
    validateRequests: false,
  });
  const db = await createTestDatabase();
  const clock = new ManualClock(new Date());
  const smtp = await startLocalSmtp();
  const composeOptions = {
    knex: db.knex,
    config: TEST_APP_CONFIG,
    logger: pino({ level: process.env.DISPLAY_TEST_LOG ?? 'silent' }),
    passwordCost: TEST_SCRYPT_COST,
    secrets: createSecretBox(randomBytes(32)),
    exchange: {},
    clock,
    orders: { smtp: { host: '127.0.0.1', port: smtp.port, ignoreTls: true, from: 'rooms@example.test' } },
    displays: { confirmWaitMs: 5_000 },
  };
  const features = composeFeatures(composeOptions);
  const app = composeHttp(features, composeOptions);
  const adminUser = await buildUser(db.knex, { role: 'admin' });
  const admin = (await features.services.auth.createApiToken(adminUser.id, { name: 'admin' })).token;
  await connectToDemoSim(app, admin, sim);
  const buildingId = await buildBuilding(db.knex, { openingHours: {}, timeZone: 'Europe/Berlin' });
  const floorId = await buildFloor(db.knex, { buildingId });
  const rooms: Record<string, string> = {};
  for (const [email, name] of [
    [ELBE, 'Elbe'],
    [ALSTER, 'Alster'],
  ] as const) {
    rooms[email] = await buildRoom(db.knex, { floorId, exchangeEmail: email, capacity: 6, name });
    await db.knex('rooms').where({ id: rooms[email] }).update({ exchange_state: 'verified' });
  }
  await features.sync.sync.restart(await features.services.exchange.gateway());
  const created = await addDisplay(app, admin, rooms[ELBE] ?? '');
  const { token } = await pairDisplay(app, created.pairingCode);
  const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
  return {
    sim,
    db,
    clock,
    smtp,
    features,
    app,
    admin,
    rooms,
    token,
    emma,
    async close() {
      await features.services.bookings.idle();
      await features.sync.sync.restart(null);
      // A test may have stopped the simulator already (Exchange down).
      await sim.close().catch(() => undefined);
      await smtp.close();
      await db.close();
    },
  };
}

/** A display call with the device token. */
export function displayCall(world: DisplayWorld, path: string, body: object): request.Test {
  return request(world.app).post(`/api/display/${path}`).set('Authorization', `Bearer ${world.token}`).send(body);
}

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Emma books a room in Outlook (a meeting request to the room), optionally as a daily series. */
export async function emmaBooks(
  world: DisplayWorld,
  room: string,
  span: { start: number; end: number },
  subject: string,
  dailyOccurrences?: number,
): Promise<void> {
  const appt = new ews.Appointment(world.emma);
  appt.Subject = subject;
  appt.Start = at(new Date(span.start).toISOString());
  appt.End = at(new Date(span.end).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  if (dailyOccurrences) {
    const pattern = new ews.Recurrence.DailyPattern();
    pattern.StartDate = at(new Date(Math.floor(span.start / 86_400_000) * 86_400_000).toISOString());
    pattern.Interval = 1;
    pattern.NumberOfOccurrences = dailyOccurrences;
    appt.Recurrence = pattern;
  }
  appt.Resources.Add(room);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
}

/** Items of a mailbox's calendar (not cancelled) overlapping a span, from the simulator. */
export function calendarItems(world: DisplayWorld, mailbox: string, span: { start: number; end: number }) {
  return world.sim.control.model
    .readCalendar(mailbox)
    .filter((i) => !i.isCancelled && i.start < span.end && span.start < i.end);
}

export { impersonating };

/** The calendar as a CalendarView shows it (occurrences expanded), from the simulator. */
export function calendarView(world: DisplayWorld, mailbox: string, span: { start: number; end: number }) {
  return world.sim.control.model
    .findItems(mailbox, {
      folder: { kind: 'distinguished', name: 'calendar', mailbox },
      view: { kind: 'calendar', start: span.start, end: span.end },
    })
    .items.filter((i) => !i.isCancelled);
}

/** The room's calendar read over EWS (FindItem CalendarView, impersonating the room), as Outlook would see it. */
export async function roomCalendarOverEws(
  world: DisplayWorld,
  room: string,
  span: { start: number; end: number },
): Promise<{ start: number; end: number }[]> {
  const service = impersonating(
    ewsService(world.sim.url, 'NORTHWIND\\svc-roomserve', PASSWORD, 'basic', world.sim.control.caCertPem),
    room,
  );
  const found = await service.FindAppointments(
    ews.WellKnownFolderName.Calendar,
    new ews.CalendarView(at(new Date(span.start).toISOString()), at(new Date(span.end).toISOString())),
  );
  return found.Items.map((a) => ({ start: a.Start.TotalMilliSeconds, end: a.End.TotalMilliSeconds }));
}

/** The room's busy times over EWS (GetUserAvailability), as Outlook's scheduling assistant sees them. */
export async function roomBusyOverEws(world: DisplayWorld, room: string, span: { start: number; end: number }) {
  const writer = await world.features.services.exchange.meetingWriter();
  if (!writer) throw new Error('no Exchange connection');
  return writer.freeBusy(room, { start: new Date(span.start), end: new Date(span.end) });
}
