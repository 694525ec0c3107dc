import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readRoomCalendar } from '../support/exchangeCalendars';
import { daily, sendMeeting, startScenarioHarness, type ScenarioHarness } from './syncScenariosHarness';

/**
 * @timezone-sensitive: DST transitions in Europe/Berlin and America/New_York, both directions,
 * through the real EWS adapter against the simulator (test/support/testDatabase.ts: PGlite and PostgreSQL).
 * A series keeps its local wall-clock time across the change, so its UTC instants shift by an
 * hour; the runner repeats this file under TZ=Europe/Berlin, where the process's own zone must
 * make no difference. (syncExchange.test.ts covers weekly series across the spring change.)
 */

const NOW = '2031-10-15T00:00:00Z';
const BERLIN_ROOM = 'room.harbour.0.elbe@northwind.test';
const NEW_YORK_ROOM = 'room.harbour.0.alster@northwind.test';
const BERLIN = 'W. Europe Standard Time';
const NEW_YORK = 'Eastern Standard Time';

let h: ScenarioHarness;

beforeAll(async () => {
  h = await startScenarioHarness({ now: NOW, rooms: [BERLIN_ROOM, NEW_YORK_ROOM] });
  await h.syncAll();
}, 60_000);

afterAll(async () => {
  await h.close();
});

async function confirmedStarts(mailbox: string, subject: string): Promise<string[]> {
  const result = await h.db.knex.raw<{ rows: { s: Date | string; e: Date | string }[] }>(
    `SELECT lower(during) AS s, upper(during) AS e FROM bookings
      WHERE room_id = ? AND status = 'confirmed' AND subject = ? ORDER BY 1`,
    [h.room(mailbox).roomId, subject],
  );
  return result.rows.map((r) => `${new Date(r.s).toISOString()}/${new Date(r.e).toISOString()}`);
}

async function expectRoomserveMirrorsExchange(): Promise<void> {
  for (const mailbox of [BERLIN_ROOM, NEW_YORK_ROOM]) {
    const { roomserve, exchange } = await h.compare(mailbox);
    expect({ mailbox, holds: roomserve }).toEqual({ mailbox, holds: exchange });
  }
}

describe('DST transitions', () => {
  it.each([
    // Berlin leaves summer time on Sunday 2031-10-26: 09:00 local is 07:00Z before, 08:00Z after.
    [
      'Berlin in autumn',
      BERLIN,
      BERLIN_ROOM,
      '2031-10-24T07:00:00Z',
      ['2031-10-24T07:00', '2031-10-25T07:00', '2031-10-26T08:00', '2031-10-27T08:00'],
    ],
    // ... and enters it on Sunday 2032-03-28: 08:00Z before, 07:00Z after.
    [
      'Berlin in spring',
      BERLIN,
      BERLIN_ROOM,
      '2032-03-26T08:00:00Z',
      ['2032-03-26T08:00', '2032-03-27T08:00', '2032-03-28T07:00', '2032-03-29T07:00'],
    ],
    // New York leaves daylight time on Sunday 2031-11-02: 09:00 local is 13:00Z before, 14:00Z after.
    [
      'New York in autumn',
      NEW_YORK,
      NEW_YORK_ROOM,
      '2031-10-31T13:00:00Z',
      ['2031-10-31T13:00', '2031-11-01T13:00', '2031-11-02T14:00', '2031-11-03T14:00'],
    ],
    // ... and enters it on Sunday 2032-03-14: 14:00Z before, 13:00Z after.
    [
      'New York in spring',
      NEW_YORK,
      NEW_YORK_ROOM,
      '2032-03-12T14:00:00Z',
      ['2032-03-12T14:00', '2032-03-13T14:00', '2032-03-14T13:00', '2032-03-15T13:00'],
    ],
  ])('keeps a daily series (%s) at 09:00 local across the change', async (label, zone, room, first, starts) => {
    const subject = `Daily at nine, ${label}`;
    await sendMeeting(h.outlook('emma.schmidt'), {
      subject,
      start: first,
      end: new Date(Date.parse(first) + 45 * 60_000).toISOString(),
      timeZone: zone,
      rooms: [room],
      recurrence: daily(first, 4),
    });
    await h.syncAll();
    expect(await confirmedStarts(room, subject)).toEqual(
      starts.map((s) => `${s}:00.000Z/${new Date(Date.parse(`${s}:00Z`) + 45 * 60_000).toISOString()}`),
    );
    await expectRoomserveMirrorsExchange();
  });

  it('keeps a meeting that runs through the night the clocks go back at its true length', async () => {
    // 01:00 summer time to 05:00 winter time in Berlin: five hours, not four.
    await sendMeeting(h.outlook('lukas.meyer'), {
      subject: 'Overnight release',
      start: '2031-10-25T23:00:00Z',
      end: '2031-10-26T04:00:00Z',
      timeZone: BERLIN,
      rooms: [BERLIN_ROOM],
    });
    await h.syncAll();
    const roomCopy = (await readRoomCalendar(h.account, BERLIN_ROOM, h.window)).find(
      (e) => e.start === '2031-10-25T23:00:00.000Z',
    );
    expect(roomCopy?.end).toBe('2031-10-26T04:00:00.000Z');
    expect(await confirmedStarts(BERLIN_ROOM, 'Overnight release')).toEqual([
      '2031-10-25T23:00:00.000Z/2031-10-26T04:00:00.000Z',
    ]);
    await expectRoomserveMirrorsExchange();
  });
});
