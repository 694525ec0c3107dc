import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import { buildUser } from '../factories/users';
import { duplicateBookings, readRoomCalendar } from '../support/exchangeCalendars';
import { createTestApp } from '../support/testApp';
import {
  SERVICE_ACCOUNT,
  cancelMeeting,
  daily,
  deleteOccurrence,
  movedTo,
  roomsOf,
  sendMeeting,
  startScenarioHarness,
  updateMeeting,
  updateOccurrence,
  weekly,
  type ScenarioHarness,
} from './syncScenariosHarness';

/**
 * Issue 4's meeting scenarios that syncExchange.test.ts does not cover, through the real EWS
 * adapter against the simulator (test/support/testDatabase.ts: PGlite and PostgreSQL), with Outlook users
 * acting over EWS. Every scenario ends with Roomserve holding exactly what the rooms' calendars
 * hold, read back over EWS (test/support/exchangeCalendars.ts).
 */

const NOW = '2031-03-01T00:00:00Z';
const ELBE = 'room.harbour.0.elbe@northwind.test';
const ALSTER = 'room.harbour.0.alster@northwind.test';
const ROOMS = [ELBE, ALSTER];

let h: ScenarioHarness;
let emma: ews.ExchangeService;

interface BookingRow {
  id: string;
  status: string;
  subject: string;
  is_private: boolean;
  detail_source: string | null;
  updated_at: Date | string;
}

async function bookingsOf(mailbox: string, meeting?: string): Promise<(BookingRow & { s: string })[]> {
  const result = await h.db.knex.raw<{ rows: (BookingRow & { s: Date | string; meeting: string })[] }>(
    `SELECT id, status, subject, is_private, detail_source, updated_at, lower(during) AS s,
            clean_global_object_id AS meeting
       FROM bookings WHERE room_id = ? ORDER BY lower(during), id`,
    [h.room(mailbox).roomId],
  );
  return result.rows
    .filter((r) => meeting === undefined || r.meeting === meeting)
    .map((r) => ({ ...r, s: new Date(r.s).toISOString() }));
}

/** The meeting identity of the room's item that starts at `start`, as Exchange reports it. */
async function meetingAt(mailbox: string, start: string): Promise<string> {
  const entry = (await readRoomCalendar(h.account, mailbox, h.window)).find(
    (e) => e.start === new Date(start).toISOString(),
  );
  if (!entry) throw new Error(`nothing in ${mailbox} at ${start}`);
  return entry.meeting;
}

async function expectRoomserveMirrorsExchange(): Promise<void> {
  for (const mailbox of ROOMS) {
    const { roomserve, exchange } = await h.compare(mailbox);
    expect({ mailbox, holds: roomserve }).toEqual({ mailbox, holds: exchange });
  }
  expect(
    await duplicateBookings(
      h.db.knex,
      ROOMS.map((m) => h.room(m).roomId),
    ),
  ).toEqual([]);
}

beforeAll(async () => {
  h = await startScenarioHarness({ now: NOW, rooms: ROOMS });
  emma = h.outlook('emma.schmidt');
}, 60_000);

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  h.sim.control.model.clearFaults();
  await h.syncAll();
});

describe('meeting scenarios against the Exchange simulator', () => {
  it('follows a meeting created, moved and shortened, then given a second room, one room uninvited, and cancelled', async () => {
    const id = await sendMeeting(emma, {
      subject: 'Budget review',
      start: '2031-03-24T09:00:00Z',
      end: '2031-03-24T10:00:00Z',
      rooms: [ELBE],
    });
    await h.syncAll();
    const meeting = await meetingAt(ELBE, '2031-03-24T09:00:00Z');
    const [created] = await bookingsOf(ELBE, meeting);
    await expectRoomserveMirrorsExchange();

    await updateMeeting(emma, id, movedTo('2031-03-24T13:00:00Z', '2031-03-24T14:00:00Z'));
    await h.syncAll();
    await expectRoomserveMirrorsExchange();
    await updateMeeting(emma, id, movedTo('2031-03-24T13:00:00Z', '2031-03-24T13:30:00Z'));
    await h.syncAll();
    await expectRoomserveMirrorsExchange();
    // Moved and shortened in place: still the one booking.
    expect((await bookingsOf(ELBE, meeting)).map((b) => [b.id, b.status, b.s])).toEqual([
      [created?.id, 'confirmed', '2031-03-24T13:00:00.000Z'],
    ]);

    await updateMeeting(emma, id, roomsOf([ELBE, ALSTER]));
    await h.syncAll();
    await expectRoomserveMirrorsExchange();
    expect((await bookingsOf(ALSTER, meeting)).map((b) => b.status)).toEqual(['confirmed']);

    await updateMeeting(emma, id, roomsOf([ALSTER]));
    await h.syncAll();
    await expectRoomserveMirrorsExchange();
    expect((await bookingsOf(ELBE, meeting)).map((b) => b.status)).toEqual(['cancelled']);
    expect((await bookingsOf(ALSTER, meeting)).map((b) => b.status)).toEqual(['confirmed']);

    await cancelMeeting(emma, id);
    await h.syncAll();
    await expectRoomserveMirrorsExchange();
    expect((await bookingsOf(ALSTER, meeting)).map((b) => b.status)).toEqual(['cancelled']);
  });

  it('honours one moved and one deleted occurrence of a series', async () => {
    const first = '2031-04-01T08:00:00Z';
    const seriesId = await sendMeeting(emma, {
      subject: 'Weekly stand-up',
      start: first,
      end: '2031-04-01T08:15:00Z',
      rooms: [ELBE],
      recurrence: weekly(first, ews.DayOfTheWeek.Tuesday, 4),
    });
    await h.syncAll();
    const meeting = await meetingAt(ELBE, first);
    await expectRoomserveMirrorsExchange();

    await updateOccurrence(emma, seriesId, 2, movedTo('2031-04-08T15:00:00Z', '2031-04-08T15:15:00Z'));
    await deleteOccurrence(emma, seriesId, 3);
    await h.syncAll();
    expect((await bookingsOf(ELBE, meeting)).filter((b) => b.status === 'confirmed').map((b) => b.s)).toEqual([
      '2031-04-01T08:00:00.000Z',
      '2031-04-08T15:00:00.000Z',
      '2031-04-22T08:00:00.000Z',
    ]);
    await expectRoomserveMirrorsExchange();
  });

  it("swaps a meeting's room: the old room's booking is cancelled, the new room gets one", async () => {
    const id = await sendMeeting(emma, {
      subject: 'Room swap',
      start: '2031-03-03T09:00:00Z',
      end: '2031-03-03T10:00:00Z',
      rooms: [ELBE],
    });
    await h.syncAll();
    const meeting = await meetingAt(ELBE, '2031-03-03T09:00:00Z');
    expect((await bookingsOf(ELBE, meeting)).map((b) => b.status)).toEqual(['confirmed']);

    await updateMeeting(emma, id, roomsOf([ALSTER]));
    await h.syncAll();

    expect((await bookingsOf(ELBE, meeting)).map((b) => b.status)).toEqual(['cancelled']);
    expect((await bookingsOf(ALSTER, meeting)).map((b) => [b.status, b.subject])).toEqual([['confirmed', 'Room swap']]);
    await expectRoomserveMirrorsExchange();
  });

  it('books an occurrence moved to another room there, frees it in the first room, and follows it', async () => {
    const first = '2031-03-10T09:00:00Z';
    const seriesId = await sendMeeting(emma, {
      subject: 'Daily planning',
      start: first,
      end: '2031-03-10T09:30:00Z',
      rooms: [ELBE],
      recurrence: daily(first, 4),
    });
    await h.syncAll();
    const meeting = await meetingAt(ELBE, first);
    await expectRoomserveMirrorsExchange();

    await updateOccurrence(emma, seriesId, 2, roomsOf([ALSTER]));
    await h.syncAll();
    expect((await readRoomCalendar(h.account, ALSTER, h.window)).map((e) => [e.start, e.type])).toContainEqual([
      '2031-03-11T09:00:00.000Z',
      'Single',
    ]);
    expect((await bookingsOf(ELBE, meeting)).filter((b) => b.status === 'confirmed').map((b) => b.s)).toEqual([
      '2031-03-10T09:00:00.000Z',
      '2031-03-12T09:00:00.000Z',
      '2031-03-13T09:00:00.000Z',
    ]);
    expect((await bookingsOf(ALSTER, meeting)).map((b) => [b.status, b.s, b.subject])).toEqual([
      ['confirmed', '2031-03-11T09:00:00.000Z', 'Daily planning'],
    ]);
    await expectRoomserveMirrorsExchange();

    // Later changes to that occurrence update the other room's single item.
    await updateOccurrence(emma, seriesId, 2, movedTo('2031-03-11T14:00:00Z', '2031-03-11T14:30:00Z'));
    await h.syncAll();
    expect((await bookingsOf(ALSTER, meeting)).filter((b) => b.status === 'confirmed').map((b) => b.s)).toEqual([
      '2031-03-11T14:00:00.000Z',
    ]);
    await expectRoomserveMirrorsExchange();

    // Cancelling the series frees both rooms.
    await cancelMeeting(emma, seriesId);
    await h.syncAll();
    expect((await bookingsOf(ELBE, meeting)).filter((b) => b.status !== 'cancelled')).toEqual([]);
    expect((await bookingsOf(ALSTER, meeting)).filter((b) => b.status !== 'cancelled')).toEqual([]);
    await expectRoomserveMirrorsExchange();
  });

  it('reads the subject the room stripped from the organizer’s copy', async () => {
    await sendMeeting(emma, {
      subject: 'Quarterly numbers',
      body: 'Agenda: the numbers',
      start: '2031-03-04T09:00:00Z',
      end: '2031-03-04T10:00:00Z',
      rooms: [ALSTER],
    });
    await h.syncAll();

    // The booking attendant kept only the organizer's name (DeleteSubject, AddOrganizerToSubject).
    const roomCopy = (await readRoomCalendar(h.account, ALSTER, h.window)).find(
      (e) => e.start === '2031-03-04T09:00:00.000Z',
    );
    expect(roomCopy?.subject).toBe('Emma Schmidt');
    const meeting = roomCopy?.meeting ?? '';
    expect((await bookingsOf(ALSTER, meeting)).map((b) => [b.status, b.subject, b.detail_source])).toEqual([
      ['confirmed', 'Quarterly numbers', 'organizer'],
    ]);
    await expectRoomserveMirrorsExchange();
  });

  it("keeps the room's copy when the organizer's mailbox cannot be reached, and the organizer's once it can", async () => {
    const lukas = h.outlook('lukas.meyer');
    // Lukas's mailbox is being moved: Roomserve's service account cannot open it (his own Outlook can).
    h.sim.control.model.addFault({
      kind: 'mailboxMoveInProgress',
      match: { account: SERVICE_ACCOUNT, mailbox: 'lukas.meyer@northwind.test' },
    });
    const id = await sendMeeting(lukas, {
      subject: 'Vendor call',
      start: '2031-03-05T13:00:00Z',
      end: '2031-03-05T14:00:00Z',
      rooms: [ELBE],
    });
    await h.syncAll();
    const meeting = await meetingAt(ELBE, '2031-03-05T13:00:00Z');
    expect((await bookingsOf(ELBE, meeting)).map((b) => [b.status, b.subject, b.detail_source])).toEqual([
      ['confirmed', 'Lukas Meyer', 'room'],
    ]);
    await expectRoomserveMirrorsExchange();

    h.sim.control.model.clearFaults();
    await updateMeeting(lukas, id, (item) => {
      item.Subject = 'Vendor call (moved)';
      item.Start = new ews.DateTime(Date.parse('2031-03-05T15:00:00Z'));
      item.End = new ews.DateTime(Date.parse('2031-03-05T16:00:00Z'));
    });
    await h.syncAll();
    expect((await bookingsOf(ELBE, meeting)).map((b) => [b.status, b.subject, b.detail_source])).toEqual([
      ['confirmed', 'Vendor call (moved)', 'organizer'],
    ]);
    await expectRoomserveMirrorsExchange();
  });

  it('withholds a private meeting’s details from everyone but its organizer and admins', async () => {
    await sendMeeting(emma, {
      subject: 'Salary talk',
      body: 'Confidential',
      start: '2031-03-06T09:00:00Z',
      end: '2031-03-06T09:30:00Z',
      rooms: [ALSTER],
      isPrivate: true,
    });
    await h.syncAll();
    await expectRoomserveMirrorsExchange();
    const meeting = await meetingAt(ALSTER, '2031-03-06T09:00:00Z');
    expect((await bookingsOf(ALSTER, meeting)).map((b) => [b.subject, b.is_private, b.detail_source])).toEqual([
      ['Salary talk', true, 'organizer'],
    ]);

    const app = createTestApp(h.db.knex);
    const organizer = await buildUser(h.db.knex, { email: 'emma.schmidt@northwind.test', name: 'Emma Schmidt' });
    const tokens = {
      organizer: (await app.deps.auth.createApiToken(organizer.id, { name: 'organizer' })).token,
      colleague: await app.tokenFor('employee'),
      admin: await app.tokenFor('admin'),
    };
    const subjectFor = async (token: string): Promise<string[]> => {
      const res = await request(app.app)
        .get(`/api/rooms/${h.room(ALSTER).roomId}/schedule`)
        .query({ from: '2031-03-06T00:00:00Z', to: '2031-03-07T00:00:00Z' })
        .set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      return (res.body as { entries: { subject: string }[] }).entries.map((e) => e.subject);
    };
    expect(await subjectFor(tokens.colleague)).toEqual(['Private meeting']);
    expect(await subjectFor(tokens.organizer)).toEqual(['Salary talk']);
    expect(await subjectFor(tokens.admin)).toEqual(['Salary talk']);
  });

  it('resyncs after Exchange invalidates the sync state: nothing duplicated, nothing vanishes and returns', async () => {
    const kept = await sendMeeting(emma, {
      subject: 'Kept as is',
      start: '2031-03-17T09:00:00Z',
      end: '2031-03-17T10:00:00Z',
      rooms: [ELBE],
    });
    const moved = await sendMeeting(emma, {
      subject: 'Moved during the outage',
      start: '2031-03-18T09:00:00Z',
      end: '2031-03-18T10:00:00Z',
      rooms: [ELBE],
    });
    const cancelled = await sendMeeting(emma, {
      subject: 'Cancelled during the outage',
      start: '2031-03-19T09:00:00Z',
      end: '2031-03-19T10:00:00Z',
      rooms: [ELBE],
    });
    await h.syncAll();
    const keptMeeting = await meetingAt(ELBE, '2031-03-17T09:00:00Z');
    const movedMeeting = await meetingAt(ELBE, '2031-03-18T09:00:00Z');
    const cancelledMeeting = await meetingAt(ELBE, '2031-03-19T09:00:00Z');
    const [keptBefore] = await bookingsOf(ELBE, keptMeeting);
    const [movedBefore] = await bookingsOf(ELBE, movedMeeting);

    h.sim.control.model.invalidateSyncStates(ELBE);
    await updateMeeting(emma, moved, movedTo('2031-03-18T15:00:00Z', '2031-03-18T16:00:00Z'));
    await cancelMeeting(emma, cancelled);
    await sendMeeting(emma, {
      subject: 'Booked during the outage',
      start: '2031-03-20T09:00:00Z',
      end: '2031-03-20T10:00:00Z',
      rooms: [ELBE],
    });
    await h.sim.control.model.whenIdle();
    const outcome = await h.engine.syncRoom(h.room(ELBE));

    expect(outcome.mode).toBe('resync');
    // The unchanged booking was not touched, the moved one moved in place, the cancelled one is cancelled.
    expect(await bookingsOf(ELBE, keptMeeting)).toEqual([keptBefore]);
    expect((await bookingsOf(ELBE, movedMeeting)).map((b) => [b.id, b.status, b.s])).toEqual([
      [movedBefore?.id, 'confirmed', '2031-03-18T15:00:00.000Z'],
    ]);
    expect((await bookingsOf(ELBE, cancelledMeeting)).map((b) => b.status)).toEqual(['cancelled']);
    await expectRoomserveMirrorsExchange();

    // And the fresh sync state carries on incrementally.
    await updateMeeting(emma, kept, movedTo('2031-03-17T11:00:00Z', '2031-03-17T12:00:00Z'));
    await h.sim.control.model.whenIdle();
    expect((await h.engine.syncRoom(h.room(ELBE))).mode).toBe('incremental');
    expect((await bookingsOf(ELBE, keptMeeting)).map((b) => [b.id, b.s])).toEqual([
      [keptBefore?.id, '2031-03-17T11:00:00.000Z'],
    ]);
    await expectRoomserveMirrorsExchange();
  });
});
