import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { loadSeedFile, type SeedFile, type SeedMeeting } from '../exchange-sim/model/seed';
import { buildRoom } from '../factories/locations';
import { comparisonWindow, expectMirrorsExchange, type ExchangeAccount } from '../support/exchangeCalendars';
import { killHard, startServerProcess } from '../support/serverProcess';
import { createTestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { PASSWORD, SERVICE_ACCOUNT, movedTo, sendMeeting, updateMeeting } from './syncScenariosHarness';
import { ewsService } from '../exchange-sim/ewsjs/client';
import { connectToDemoSim } from '../support/demoExchange';

/**
 * A real Roomserve server killed with SIGKILL in the middle of the first sync of many rooms, then
 * started again: it must carry on and converge, with no booking stored twice, onto what the rooms'
 * calendars hold (read back over EWS), including what Outlook users changed while it was down.
 * Two processes share the database, so this runs on PostgreSQL only (like syncTwoInstances).
 */

const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;
const MEETINGS_PER_ROOM = 20;
const SERIES_OCCURRENCES = 10;
const DAY_MS = 86_400_000;

let db: TestDatabase;
let sim: RunningExchangeSim;
let account: ExchangeAccount;
const children: ChildProcess[] = [];
const key = randomBytes(32);
const rooms: { roomId: string; mailbox: string }[] = [];

const demo = loadSeedFile('demo');
const roomMailboxes = demo.accounts.filter((a) => a.kind === 'room').map((a) => a.email);
const organizers = demo.accounts.filter((a) => a.kind === 'user').map((a) => a.email);
const organizerFor = (n: number): string => organizers[n % organizers.length] ?? 'emma.schmidt@northwind.test';

const at = (dayOffset: number, hourUtc: number): string => {
  const d = new Date();
  d.setUTCHours(hourUtc, 0, 0, 0);
  return new Date(d.getTime() + dayOffset * DAY_MS).toISOString().replace('.000Z', 'Z');
};

function seedMeeting(room: string, fields: Pick<SeedMeeting, 'organizer' | 'subject' | 'start' | 'end'>): SeedMeeting {
  return { requiredAttendees: [], optionalAttendees: [], rooms: [room], timeZone: 'UTC', ...fields };
}

/** The demo organisation with every room already holding a full calendar, as a live site would. */
function busySeed(): SeedFile {
  const meetings = roomMailboxes.flatMap((room, r): SeedMeeting[] => [
    ...Array.from({ length: MEETINGS_PER_ROOM }, (_, i) =>
      seedMeeting(room, {
        organizer: organizerFor(r + i),
        subject: `Meeting ${i} in ${room}`,
        start: at(i + 1, 9),
        end: at(i + 1, 10),
      }),
    ),
    {
      ...seedMeeting(room, { organizer: organizerFor(r), subject: `Daily in ${room}`, start: at(1, 7), end: at(1, 8) }),
      recurrence: {
        pattern: { kind: 'Daily', interval: 1 },
        range: { kind: 'Numbered', startDate: at(1, 7).slice(0, 10), numberOfOccurrences: SERIES_OCCURRENCES },
      },
    },
  ]);
  return { ...demo, meetings };
}

async function syncedRooms(): Promise<number> {
  const [row] = await db.knex('room_sync').whereNotNull('last_success_at').count<{ n: string | number }[]>({ n: '*' });
  return Number(row?.n ?? 0);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function exchangeLinkedBookingIds(): Promise<string[]> {
  const rows: { id: string }[] = await db
    .knex('bookings')
    .where({ source: 'exchange' })
    .whereIn('status', ['pending', 'confirmed'])
    .select('id');
  return rows.map((r) => r.id).sort();
}

onPostgres('servers killed mid-sync', () => {
  beforeEach(async () => {
    rooms.length = 0;
    db = await createTestDatabase();
    sim = await startExchangeSim({ seed: busySeed(), attendantDelayMs: 5, validateRequests: false });
    account = { url: sim.url, caCertPem: sim.control.caCertPem };
    const setup = createTestApp(db.knex, { secrets: createSecretBox(key) });
    const admin = await setup.tokenFor('admin');
    await connectToDemoSim(setup.app, admin, sim);
    for (const mailbox of roomMailboxes) {
      const roomId = await buildRoom(db.knex, { exchangeEmail: mailbox });
      await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
      rooms.push({ roomId, mailbox });
    }
  }, 120_000);

  afterEach(async () => {
    for (const child of children.splice(0)) await killHard(child);
    await sim?.close();
    await db?.close();
  });

  async function expectConverged(storedBeforeKill: readonly string[]): Promise<void> {
    await expectMirrorsExchange(db.knex, account, rooms, comparisonWindow(new Date()), 120_000);
    // What the killed server had stored was carried on, not stored again beside a copy.
    const storedNow = new Set(await exchangeLinkedBookingIds());
    expect(storedBeforeKill.filter((id) => !storedNow.has(id))).toEqual([]);
  }

  const start = async (name: string): Promise<ChildProcess> => {
    const child = await startServerProcess({ name, databaseLabel: db.label, secretKey: key.toString('base64') });
    children.push(child);
    return child;
  };

  it('converges after a kill -9 during the first sync of many rooms, with no booking stored twice', async () => {
    const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
    const [first = '', second = '', last = ''] = [roomMailboxes[0], roomMailboxes[1], roomMailboxes.at(-1)];
    const toMove = await sendMeeting(emma, {
      subject: 'Moved while down',
      start: at(2, 13),
      end: at(2, 14),
      rooms: [second],
    });
    await sim.control.model.whenIdle();

    // Every request of the service account is slowed down, so that the kill lands mid-sync.
    sim.control.model.addFault({ kind: 'latency', latencyMs: 150, match: { account: SERVICE_ACCOUNT } });
    const doomed = await start('doomed');
    await until('the first rooms to be synced', async () => (await syncedRooms()) >= 3, 90_000);
    await killHard(doomed);
    expect(await syncedRooms()).toBeLessThan(rooms.length);
    const storedBeforeKill = await exchangeLinkedBookingIds();
    expect(storedBeforeKill.length).toBeGreaterThan(0);

    // Outlook users carry on while Roomserve is down.
    await updateMeeting(emma, toMove, movedTo(at(2, 15), at(2, 16)));
    await sendMeeting(emma, { subject: 'Booked while down', start: at(3, 13), end: at(3, 14), rooms: [first, last] });
    await sim.control.model.whenIdle();
    sim.control.model.clearFaults();

    await start('restarted');
    await expectConverged(storedBeforeKill);
  }, 300_000);

  it('hands the rooms of an instance killed mid-sync to the other instance, which converges', async () => {
    sim.control.model.addFault({ kind: 'latency', latencyMs: 1000, match: { account: SERVICE_ACCOUNT } });
    const doomed = await start('doomed');
    await until('the first rooms to be synced', async () => (await syncedRooms()) >= 1, 90_000);
    await start('survivor');
    await killHard(doomed);
    expect(await syncedRooms()).toBeLessThan(rooms.length);
    const storedBeforeKill = await exchangeLinkedBookingIds();

    const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
    await sendMeeting(emma, {
      subject: 'Booked after the kill',
      start: at(3, 13),
      end: at(3, 14),
      rooms: [roomMailboxes[0] ?? '', roomMailboxes.at(-1) ?? ''],
    });
    await sim.control.model.whenIdle();
    sim.control.model.clearFaults();
    await expectConverged(storedBeforeKill);
  }, 300_000);
});
