import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import { createEwsCalendarGateway, type EwsCalendarGateway } from '../../server/adapters/ews/gateway';
import { createSyncStore } from '../../server/adapters/db/repositories/syncStore';
import type { ConnectedRoom } from '../../server/ports/syncStore';
import { horizonWindow } from '../../server/sync/horizon';
import { createRoomSynchronizer, type RoomSynchronizer } from '../../server/sync/roomSynchronizer';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildRoom } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The sync engine through the real EWS adapter against the Exchange simulator, with Outlook users
 * changing meetings over EWS. After every step Roomserve's bookings must equal what the room
 * calendars hold, as read back over EWS.
 */

const PASSWORD = 'Roomserve-demo-1';
const NOW = '2031-03-01T00:00:00Z';
const ELBE = 'room.harbour.0.elbe@northwind.test';
const ALSTER = 'room.harbour.0.alster@northwind.test';

let sim: RunningExchangeSim;
let db: TestDatabase;
let gateway: EwsCalendarGateway;
let engine: RoomSynchronizer;
let emma: ews.ExchangeService;
const rooms = new Map<string, ConnectedRoom>();
const clock = { now: () => new Date(NOW) };

beforeAll(async () => {
  // Request schema validation is covered by the adapter's own tests; here it would only cost minutes.
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 5, validateRequests: false });
  sim.control.model.clock.freeze(Date.parse(NOW));
  db = await createTestDatabase();
  gateway = createEwsCalendarGateway({
    url: sim.url,
    username: 'NORTHWIND\\svc-roomserve',
    password: PASSWORD,
    authMethod: 'basic',
    caBundlePem: sim.control.caCertPem ?? null,
    skipTlsVerification: false,
  });
  engine = createRoomSynchronizer({ gateway, store: createSyncStore(db.knex), clock });
  emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
  for (const [name, mailbox] of [
    ['Elbe', ELBE],
    ['Alster', ALSTER],
  ] as const) {
    const roomId = await buildRoom(db.knex, { name, exchangeEmail: mailbox });
    await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
    rooms.set(mailbox, { roomId, name, mailbox });
  }
});

afterAll(async () => {
  gateway.close();
  await sim.close();
  await db.close();
});

function room(mailbox: string): ConnectedRoom {
  const found = rooms.get(mailbox);
  if (!found) throw new Error(`no room ${mailbox}`);
  return found;
}

/** What Exchange holds for a room, read over EWS, and what Roomserve stores, in one comparable form. */
async function exchangeHolds(mailbox: string): Promise<string[]> {
  const view = await gateway.calendarView(mailbox, horizonWindow(clock.now()));
  return view
    .filter((o) => !o.isCancelled)
    .map(
      (o) =>
        `${o.cleanGlobalObjectId}|${o.originalStart?.toISOString() ?? ''}|${o.start.toISOString()}|${o.end.toISOString()}`,
    )
    .sort();
}

async function roomserveHolds(mailbox: string): Promise<string[]> {
  const result = await db.knex.raw<{
    rows: { cgoid: string; os: Date | string | null; s: Date | string; e: Date | string }[];
  }>(
    `SELECT clean_global_object_id AS cgoid, original_start AS os, lower(during) AS s, upper(during) AS e
       FROM bookings WHERE room_id = ? AND status = 'confirmed'`,
    [room(mailbox).roomId],
  );
  return result.rows
    .map(
      (r) =>
        `${r.cgoid}|${r.os ? new Date(r.os).toISOString() : ''}|${new Date(r.s).toISOString()}|${new Date(r.e).toISOString()}`,
    )
    .sort();
}

/** Lets the booking attendant answer, syncs both rooms, and checks they mirror Exchange. */
async function syncAndCompare(): Promise<void> {
  await sim.control.model.whenIdle();
  for (const mailbox of rooms.keys()) {
    await engine.syncRoom(room(mailbox));
    expect(await roomserveHolds(mailbox)).toEqual(await exchangeHolds(mailbox));
    // Phase 2 of a first sync (nothing to do after an incremental one) changes no booking's time.
    await engine.fillDetails(room(mailbox));
    expect(await roomserveHolds(mailbox)).toEqual(await exchangeHolds(mailbox));
  }
}

async function subjectsOf(mailbox: string): Promise<{ subject: string; is_private: boolean; detail_source: string }[]> {
  return db
    .knex('bookings')
    .where({ room_id: room(mailbox).roomId, status: 'confirmed' })
    .select('subject', 'is_private', 'detail_source');
}

async function meeting(
  subject: string,
  start: string,
  end: string,
  resources: readonly string[],
  options: { isPrivate?: boolean } = {},
): Promise<ews.Appointment> {
  const appt = new ews.Appointment(emma);
  appt.Subject = subject;
  appt.Start = at(start);
  appt.End = at(end);
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  if (options.isPrivate) appt.Sensitivity = ews.Sensitivity.Private;
  for (const r of resources) appt.Resources.Add(r);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
  return appt;
}

async function update(appt: ews.Appointment, change: (fresh: ews.Appointment) => void): Promise<void> {
  const fresh = await ews.Appointment.Bind(emma, appt.Id);
  change(fresh);
  await fresh.Update(
    ews.ConflictResolutionMode.AlwaysOverwrite,
    ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
  );
}

beforeEach(async () => {
  await syncAndCompare();
});

describe('sync against the Exchange simulator', () => {
  it('follows a meeting that is created, moved and shortened, keeping one booking', async () => {
    const appt = await meeting('Budget review', '2031-03-03T09:00:00Z', '2031-03-03T10:00:00Z', [ELBE]);
    await syncAndCompare();
    const [first]: { id: string }[] = await db
      .knex('bookings')
      .where({ room_id: room(ELBE).roomId, status: 'confirmed' })
      .select('id');

    await update(appt, (a) => {
      a.Start = at('2031-03-03T13:00:00Z');
      a.End = at('2031-03-03T14:00:00Z');
    });
    await syncAndCompare();
    await update(appt, (a) => {
      a.End = at('2031-03-03T13:30:00Z');
    });
    await syncAndCompare();
    const after = await db
      .knex('bookings')
      .where({ room_id: room(ELBE).roomId, status: 'confirmed' })
      .select('id');
    expect(after).toEqual([first]);
    // The attendant stripped the subject from the room's copy; the organizer's copy gave it back.
    expect(await subjectsOf(ELBE)).toContainEqual({
      subject: 'Budget review',
      is_private: false,
      detail_source: 'organizer',
    });
  });

  it('adds a second room, uninvites one, and cancels', async () => {
    const appt = await meeting('Offsite planning', '2031-03-05T09:00:00Z', '2031-03-05T10:00:00Z', [ELBE]);
    await syncAndCompare();
    await update(appt, (a) => {
      a.Resources.Add(ALSTER);
    });
    await syncAndCompare();
    expect((await roomserveHolds(ALSTER)).length).toBeGreaterThan(0);

    await update(appt, (a) => {
      a.Resources.Clear();
      a.Resources.Add(ALSTER);
    });
    await syncAndCompare();

    const fresh = await ews.Appointment.Bind(emma, appt.Id);
    await fresh.CancelMeeting();
    await syncAndCompare();
  });

  it('honours a moved and a deleted occurrence of a series', async () => {
    const series = new ews.Appointment(emma);
    series.Subject = 'Weekly stand-up';
    series.Start = at('2031-03-04T08:00:00Z');
    series.End = at('2031-03-04T08:15:00Z');
    series.StartTimeZone = ews.TimeZoneInfo.Utc;
    series.EndTimeZone = ews.TimeZoneInfo.Utc;
    const pattern = new ews.Recurrence.WeeklyPattern();
    pattern.StartDate = at('2031-03-04T00:00:00Z');
    pattern.DaysOfTheWeek.Add(ews.DayOfTheWeek.Tuesday);
    pattern.NumberOfOccurrences = 4;
    series.Recurrence = pattern;
    series.Resources.Add(ELBE);
    await series.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
    await syncAndCompare();
    expect(await roomserveHolds(ELBE)).toHaveLength(4 + 1);

    const second = await ews.Appointment.BindToOccurrence(emma, series.Id, 2);
    second.Start = at('2031-03-11T15:00:00Z');
    second.End = at('2031-03-11T15:15:00Z');
    await second.Update(
      ews.ConflictResolutionMode.AlwaysOverwrite,
      ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
    );
    const third = await ews.Appointment.BindToOccurrence(emma, series.Id, 3);
    await third.Delete(ews.DeleteMode.MoveToDeletedItems, ews.SendCancellationsMode.SendToAllAndSaveCopy);
    await syncAndCompare();
  });

  it.each([
    [
      'W. Europe Standard Time',
      '2031-03-24T08:00:00Z',
      ['2031-03-24T08:00:00.000Z', '2031-03-31T07:00:00.000Z', '2031-04-07T07:00:00.000Z'],
    ],
    [
      'Eastern Standard Time',
      '2031-03-03T14:00:00Z',
      ['2031-03-03T14:00:00.000Z', '2031-03-10T13:00:00.000Z', '2031-03-17T13:00:00.000Z'],
    ],
  ])(
    'keeps a weekly series in %s at the same local time across the DST change',
    async (zone, firstStart, expectedStarts) => {
      const series = new ews.Appointment(emma);
      series.Subject = `Weekly in ${zone}`;
      series.Start = at(firstStart);
      series.End = at(new Date(Date.parse(firstStart) + 1800_000).toISOString());
      const timeZone = ews.TimeZoneInfo.FindSystemTimeZoneById(zone);
      series.StartTimeZone = timeZone;
      series.EndTimeZone = timeZone;
      const pattern = new ews.Recurrence.WeeklyPattern();
      pattern.StartDate = at(firstStart);
      pattern.DaysOfTheWeek.Add(ews.DayOfTheWeek.Monday);
      pattern.NumberOfOccurrences = 3;
      series.Recurrence = pattern;
      series.Resources.Add(ALSTER);
      await series.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
      await syncAndCompare();
      const rows: { s: Date | string }[] = await db
        .knex('bookings')
        .where({ room_id: room(ALSTER).roomId, status: 'confirmed', subject: `Weekly in ${zone}` })
        .select<{ s: Date | string }[]>(db.knex.raw('lower(during) AS s'))
        .orderBy('s');
      expect(rows.map((r) => new Date(r.s).toISOString())).toEqual(expectedStarts);
    },
  );

  it('stores a private meeting with its flag, read from the organizer', async () => {
    await meeting('Salary talk', '2031-03-06T09:00:00Z', '2031-03-06T09:30:00Z', [ALSTER], { isPrivate: true });
    await syncAndCompare();
    expect(await subjectsOf(ALSTER)).toContainEqual({
      subject: 'Salary talk',
      is_private: true,
      detail_source: 'organizer',
    });
  });

  it('resyncs after an invalid sync state without touching unchanged bookings', async () => {
    const before = await db
      .knex('bookings')
      .where({ room_id: room(ELBE).roomId })
      .select('id', 'status', 'updated_at')
      .orderBy('id');
    await db
      .knex('room_sync')
      .where({ room_id: room(ELBE).roomId })
      .update({ sync_state: 'no-longer-valid' });
    await meeting('After the reset', '2031-03-07T09:00:00Z', '2031-03-07T10:00:00Z', [ELBE]);
    await sim.control.model.whenIdle();
    expect(await engine.syncRoom(room(ELBE))).toMatchObject({ mode: 'resync', created: 1, updated: 0, cancelled: 0 });
    const after = await db
      .knex('bookings')
      .where({ room_id: room(ELBE).roomId })
      .select('id', 'status', 'updated_at')
      .orderBy('id');
    expect(after.filter((b: { id: string }) => before.some((x: { id: string }) => x.id === b.id))).toEqual(before);
    await syncAndCompare();
  });
});

describe('what a change costs in Exchange requests', () => {
  const SERVICE = 'svc-roomserve@northwind.test';
  const serviceRequests = (): number => sim.control.model.requestCounts().byAccount[SERVICE] ?? 0;

  /** Syncs Elbe alone and returns how many EWS requests the service account spent on it. */
  async function costOfSyncingElbe(): Promise<number> {
    await sim.control.model.whenIdle();
    const before = serviceRequests();
    await engine.syncRoom(room(ELBE));
    return serviceRequests() - before;
  }

  it('spends at most three requests on a moved single meeting, and one on a cancelled one', async () => {
    const appt = await meeting('Cost check', '2031-03-20T09:00:00Z', '2031-03-20T10:00:00Z', [ELBE]);
    await costOfSyncingElbe();

    await update(appt, (fresh) => {
      fresh.Start = at('2031-03-20T13:00:00Z');
      fresh.End = at('2031-03-20T14:00:00Z');
    });
    expect(await costOfSyncingElbe()).toBeLessThanOrEqual(3);
    expect(await roomserveHolds(ELBE)).toEqual(await exchangeHolds(ELBE));
    expect(await subjectsOf(ELBE)).toContainEqual(expect.objectContaining({ subject: 'Cost check' }));

    const fresh = await ews.Appointment.Bind(emma, appt.Id);
    await fresh.CancelMeeting('Not needed');
    expect(await costOfSyncingElbe()).toBe(1);
    expect(await roomserveHolds(ELBE)).toEqual(await exchangeHolds(ELBE));
  });
});
