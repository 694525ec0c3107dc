import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createThrottle, DEFAULT_POLICY, type Throttle } from '../../server/adapters/ews/resilience';
import { composeSync } from '../../server/compose/sync';
import type { CalendarGateway } from '../../server/ports/calendarGateway';
import { currentPriority } from '../../server/ports/workPriority';
import { createInProcessRoomLeases } from '../../server/sync/inProcessRoomLeases';
import type { SyncRuntime } from '../../server/sync/syncRuntime';
import { buildRoom } from '../factories/locations';
import { InMemoryCalendarGateway, type FakeMeeting } from '../fakes/inMemoryCalendarGateway';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testInfrastructure } from '../support/testInfrastructure';

/**
 * The two phases of a first sync through the product's runtime, with every Exchange call going
 * through the service account's real throttle at concurrency 1, so the order in which calls get
 * the one slot is exact (no timing): phase 1 makes every room searchable from its own calendar,
 * phase 2 fills in the organizers' details, and a live change during phase 2 goes ahead of it.
 */

const NOW = '2026-05-04T08:00:00Z';
const EWS_CALLS = new Set([
  'syncCalendarChanges',
  'roomItemDetails',
  'calendarView',
  'organizerDetails',
  'organizerCalendar',
]);
const ORGANIZER_CALLS = new Set(['organizerDetails', 'organizerCalendar']);

let db: TestDatabase;
let runtime: SyncRuntime | undefined;

interface Gated {
  readonly gateway: CalendarGateway;
  readonly throttle: Throttle;
  /** `operation:priority` of each call, in the order the throttle let them start. */
  readonly started: string[];
  /** Organizer lookups wait here until `open()`: phase 2 stays in the middle. */
  open(): void;
}

/** The fake Exchange behind the real throttle (one slot), with organizer lookups held at a gate. */
function gated(fake: InMemoryCalendarGateway): Gated {
  const throttle = createThrottle('https://fake/EWS/Exchange.asmx', { ...DEFAULT_POLICY, concurrency: 1 });
  const started: string[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const gateway = new Proxy(fake, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !EWS_CALLS.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        throttle.run(async () => {
          started.push(`${property}:${currentPriority()}`);
          if (ORGANIZER_CALLS.has(property)) await gate;
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        });
    },
  });
  return { gateway, throttle, started, open };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Row {
  start: string;
  subject: string;
  pending: boolean;
  source: string | null;
}

async function bookingsOf(roomId: string): Promise<Row[]> {
  const result = await db.knex.raw<{
    rows: { s: Date | string; subject: string; details_pending: boolean; detail_source: string | null }[];
  }>(
    `SELECT lower(during) AS s, subject, details_pending, detail_source FROM bookings
      WHERE room_id = ? AND status = 'confirmed' ORDER BY 1`,
    [roomId],
  );
  return result.rows.map((r) => ({
    start: new Date(r.s).toISOString(),
    subject: r.subject,
    pending: r.details_pending,
    source: r.detail_source,
  }));
}

const organizerOf = (n: number): { name: string; email: string } => ({
  name: `Organizer ${n}`,
  email: `organizer${n}@northwind.test`,
});

const meeting = (room: number, index: number, start: string): FakeMeeting => ({
  itemId: `R${room}-${index}`,
  cleanGlobalObjectId: `M-${room}-${index}`,
  organizer: organizerOf(room),
  subject: `Organizer ${room}`,
  instances: [{ start, end: new Date(Date.parse(start) + 3_600_000).toISOString() }],
});

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
});

afterAll(async () => {
  await db.close();
});

describe('two-phase first sync', () => {
  it('makes every room searchable first, fills in details after, and lets a live change go ahead of phase 2', async () => {
    const fake = new InMemoryCalendarGateway();
    const rooms: { roomId: string; mailbox: string }[] = [];
    for (let n = 0; n < 4; n += 1) {
      const mailbox = `room.twophase${n}@northwind.test`;
      const roomId = await buildRoom(db.knex, { name: `Two-phase ${n}`, exchangeEmail: mailbox });
      await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
      fake.addRoomMailbox(mailbox);
      fake.putMeeting(mailbox, meeting(n, 1, '2026-05-05T09:00:00.000Z'));
      fake.putMeeting(mailbox, meeting(n, 2, '2026-05-06T14:00:00.000Z'));
      fake.setOrganizerCopy(
        organizerOf(n).email,
        [1, 2].map((i) => ({
          cleanGlobalObjectId: `M-${n}-${i}`,
          originalStart: null,
          subject: `Project ${n}.${i}`,
          description: 'Agenda',
          isPrivate: i === 2,
          attendees: [
            { name: 'Ann', email: 'ann@northwind.test', kind: 'required' as const, response: 'accept' as const },
          ],
          joinOnlineMeetingUrl: null,
        })),
      );
      rooms.push({ roomId, mailbox });
    }
    const [first] = rooms;
    if (!first) throw new Error('no room');
    const ews = gated(fake);
    runtime = composeSync({
      infrastructure: testInfrastructure(db.knex, { clock: { now: () => new Date(NOW) } }),
      bookingChanges: [],
      settings: {
        leases: () => createInProcessRoomLeases(new Set()),
        runtime: {
          scheduler: { debounceMs: 0, safetyIntervalMs: 600_000 },
          streams: { initialBackoffMs: 20, maxBackoffMs: 100 },
          claimIntervalMs: 600_000,
          details: { concurrency: 4, retryMs: 50 },
        },
      },
    }).runtimeOn(ews.gateway);
    await runtime.start();

    // Phase 1: every room's meetings are booked (busy at the right times) from its own calendar,
    // with the room's subject and the details marked pending, before any organizer is read.
    for (const room of rooms) await waitFor(async () => (await bookingsOf(room.roomId)).length === 2);
    for (const room of rooms)
      expect(await bookingsOf(room.roomId)).toEqual([
        expect.objectContaining({ start: '2026-05-05T09:00:00.000Z', pending: true, source: 'room' }),
        expect.objectContaining({ start: '2026-05-06T14:00:00.000Z', pending: true, source: 'room' }),
      ]);
    expect(ews.started.filter((c) => c.startsWith('organizer'))).toEqual(
      ews.started.filter((c) => c.startsWith('organizer') && c.endsWith(':background')),
    );

    // Phase 2 is under way: one organizer lookup holds the slot, the others queue behind it.
    await waitFor(() => ews.throttle.waiting().background >= 2);
    const firstSyncCalls = ews.started.filter((c) => c === 'syncCalendarChanges:bulk').length;
    expect(firstSyncCalls).toBe(rooms.length);

    // A change to an already synced room arrives now.
    fake.putMeeting(first.mailbox, { ...meeting(0, 3, '2026-05-07T11:00:00.000Z'), subject: 'Organizer 0' });
    await waitFor(() => ews.throttle.waiting().live === 1);
    const before = ews.started.length;
    ews.open();

    // The live change's calls take the slot before any queued phase-2 call.
    await waitFor(async () => (await bookingsOf(first.roomId)).some((b) => b.start === '2026-05-07T11:00:00.000Z'));
    const after = ews.started.slice(before);
    // The queued live call takes the freed slot first; its organizer lookup runs as live work too.
    expect(after[0]).toBe('syncCalendarChanges:live');
    expect(after).toContain('organizerDetails:live');

    // Phase 2 then completes: every booking carries its organizer's details.
    for (const room of rooms) await waitFor(async () => (await bookingsOf(room.roomId)).every((b) => !b.pending));
    const n = rooms.indexOf(first);
    expect(await bookingsOf(first.roomId)).toEqual([
      { start: '2026-05-05T09:00:00.000Z', subject: `Project ${n}.1`, pending: false, source: 'organizer' },
      { start: '2026-05-06T14:00:00.000Z', subject: `Project ${n}.2`, pending: false, source: 'organizer' },
      expect.objectContaining({ start: '2026-05-07T11:00:00.000Z', pending: false }),
    ]);
    expect(runtime.roomsAwaitingDetails()).toBe(0);
  });
});
