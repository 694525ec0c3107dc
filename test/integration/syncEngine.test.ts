import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createBookingRepository } from '../../server/adapters/db/repositories/bookings';
import { createSyncStore } from '../../server/adapters/db/repositories/syncStore';
import type { TableGrowth } from '../../server/adapters/db/tableStatistics';
import type { ConnectedRoom, SyncStore } from '../../server/ports/syncStore';
import { createRoomSynchronizer, type RoomSynchronizer } from '../../server/sync/roomSynchronizer';
import { InMemoryCalendarGateway, type FakeMeeting } from '../fakes/inMemoryCalendarGateway';
import { ManualClock } from '../fakes/manualClock';
import { buildBooking } from '../factories/bookings';
import { buildRoom } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

interface BookingView {
  id: string;
  status: string;
  subject: string;
  start: string;
  end: string;
  detailSource: string | null;
  isPrivate: boolean;
}

let db: TestDatabase;
let gateway: InMemoryCalendarGateway;
let clock: ManualClock;
let store: SyncStore;
let engine: RoomSynchronizer;
let elbe: ConnectedRoom;
let rhein: ConnectedRoom;
let sequence = 0;

const organizer = { name: 'Emma Schmidt', email: 'emma@northwind.test' };

async function connectedRoom(name: string): Promise<ConnectedRoom> {
  sequence += 1;
  const mailbox = `room.${name.toLowerCase()}.${sequence}@northwind.test`;
  const roomId = await buildRoom(db.knex, { name, exchangeEmail: mailbox });
  await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
  gateway.addRoomMailbox(mailbox);
  return { roomId, name, mailbox };
}

async function bookingsOf(room: ConnectedRoom): Promise<BookingView[]> {
  const result = await db.knex.raw<{
    rows: {
      id: string;
      status: string;
      subject: string;
      s: Date | string;
      e: Date | string;
      detail_source: string | null;
      is_private: boolean;
    }[];
  }>(
    `SELECT id, status, subject, lower(during) AS s, upper(during) AS e, detail_source, is_private
       FROM bookings WHERE room_id = ? ORDER BY lower(during), id`,
    [room.roomId],
  );
  return result.rows.map((r) => ({
    id: r.id,
    status: r.status,
    subject: r.subject,
    start: new Date(r.s).toISOString(),
    end: new Date(r.e).toISOString(),
    detailSource: r.detail_source,
    isPrivate: r.is_private,
  }));
}

const live = async (room: ConnectedRoom): Promise<BookingView[]> =>
  (await bookingsOf(room)).filter((b) => b.status === 'confirmed');

/** Until another session of this test waits on a row lock (an overlap not yet committed). */
async function waitForLockWait(): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const waiting = await db.knex.raw<{ rows: unknown[] }>(
      "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
    if (waiting.rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the move never waited on the uncommitted copy');
}

function meeting(overrides: Partial<FakeMeeting> & Pick<FakeMeeting, 'itemId' | 'cleanGlobalObjectId'>): FakeMeeting {
  return {
    organizer,
    subject: 'Emma Schmidt',
    location: 'Elbe',
    instances: [{ start: '2026-05-05T09:00:00.000Z', end: '2026-05-05T10:00:00.000Z' }],
    ...overrides,
  };
}

/** M1 on 5 May and M2 on 6 May, both 09:00–10:00 UTC, in the room's calendar. */
function putTwoMeetings(room: ConnectedRoom): void {
  gateway.putMeeting(room.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
  gateway.putMeeting(
    room.mailbox,
    meeting({
      itemId: 'E2',
      cleanGlobalObjectId: 'M2',
      instances: [{ start: '2026-05-06T09:00:00.000Z', end: '2026-05-06T10:00:00.000Z' }],
    }),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  gateway = new InMemoryCalendarGateway();
  clock = new ManualClock('2026-05-04T08:00:00Z');
  store = createSyncStore(db.knex);
  engine = createRoomSynchronizer({ gateway, store, clock, pageSize: 3 });
  elbe = await connectedRoom('Elbe');
  rhein = await connectedRoom('Rhein');
});

describe('first sync of a room', () => {
  it("stores the room's meetings with the organizer's subject and records which copy was read", async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    gateway.putMeeting(
      elbe.mailbox,
      meeting({
        itemId: 'E2',
        cleanGlobalObjectId: 'M2',
        organizer: { name: 'Guest', email: 'guest@external.test' },
        instances: [{ start: '2026-05-06T09:00:00.000Z', end: '2026-05-06T10:00:00.000Z' }],
      }),
    );
    gateway.setOrganizerCopy(organizer.email, [
      {
        cleanGlobalObjectId: 'M1',
        originalStart: null,
        subject: 'Roadmap review',
        description: 'Agenda',
        isPrivate: false,
        attendees: [],
        joinOnlineMeetingUrl: null,
      },
    ]);
    gateway.makeOrganizerUnreachable('guest@external.test');

    const outcome = await engine.syncRoom(elbe);

    // Phase 1: both meetings are booked from the room's headers, without asking any organizer.
    expect(outcome).toMatchObject({ mode: 'full', created: 2, cancelled: 0, detailsPending: 2 });
    expect(gateway.calls.get('organizerDetails') ?? 0).toBe(0);
    expect(await live(elbe)).toMatchObject([
      { subject: 'Emma Schmidt', detailSource: 'room', start: '2026-05-05T09:00:00.000Z' },
      { subject: 'Emma Schmidt', detailSource: 'room', start: '2026-05-06T09:00:00.000Z' },
    ]);

    // Phase 2: the organizer's copy where it can be read, the room's full copy where not.
    expect(await engine.fillDetails(elbe)).toMatchObject({ filled: 2, skipped: 0 });
    expect(await live(elbe)).toMatchObject([
      { subject: 'Roadmap review', detailSource: 'organizer', start: '2026-05-05T09:00:00.000Z' },
      { subject: 'Emma Schmidt', detailSource: 'room', start: '2026-05-06T09:00:00.000Z' },
    ]);
    expect(await engine.fillDetails(elbe)).toEqual({ filled: 0, skipped: 0, changedBookingIds: [] });
  });

  it('gives a meeting with two rooms one booking in each room', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    gateway.putMeeting(rhein.mailbox, meeting({ itemId: 'R1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    await engine.syncRoom(rhein);
    expect(await live(elbe)).toHaveLength(1);
    expect(await live(rhein)).toHaveLength(1);
  });

  it('stores a private meeting with its flag so that reads can redact it', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    gateway.setOrganizerCopy(organizer.email, [
      {
        cleanGlobalObjectId: 'M1',
        originalStart: null,
        subject: 'HR talk',
        description: '',
        isPrivate: true,
        attendees: [],
        joinOnlineMeetingUrl: null,
      },
    ]);
    await engine.syncRoom(elbe);
    await engine.fillDetails(elbe);
    expect(await live(elbe)).toMatchObject([{ subject: 'HR talk', isPrivate: true }]);
  });

  it('tells the bookings table how many bookings each committed sync inserted, for its statistics', async () => {
    const grown: number[] = [];
    const growth: TableGrowth = { grew: (rows) => void grown.push(rows), settled: () => Promise.resolve() };
    const counted = createRoomSynchronizer({
      gateway,
      store: createSyncStore(db.knex, { bookingsGrowth: growth }),
      clock,
      pageSize: 3,
    });
    putTwoMeetings(elbe);
    await counted.syncRoom(elbe);
    expect(grown).toEqual([2]);
    // Nothing new: nothing to tell.
    await counted.syncRoom(elbe);
    expect(grown).toEqual([2]);
  });
});

describe('phase 2 of several rooms', () => {
  const organizers = [0, 1, 2].map((o) => ({ name: `Organizer ${o}`, email: `organizer${o}@northwind.test` }));

  /** Every room has two meetings of each organizer, as at scale: one organizer's meetings span the rooms. */
  async function roomsSharingOrganizers(): Promise<ConnectedRoom[]> {
    const rooms = [elbe, rhein, await connectedRoom('Main'), await connectedRoom('Isar'), await connectedRoom('Spree')];
    for (const [r, room] of rooms.entries())
      for (const [o, who] of organizers.entries())
        for (const half of [0, 1]) {
          const id = `M-${r}-${o}-${half}`;
          const day = `2026-05-${String(5 + o * 2 + half).padStart(2, '0')}`;
          gateway.putMeeting(
            room.mailbox,
            meeting({
              itemId: `I-${id}`,
              cleanGlobalObjectId: id,
              organizer: who,
              subject: who.name,
              instances: [{ start: `${day}T09:00:00.000Z`, end: `${day}T10:00:00.000Z` }],
            }),
          );
          gateway.setOrganizerCopy(who.email, [
            {
              cleanGlobalObjectId: id,
              originalStart: null,
              subject: `Project ${id}`,
              description: '',
              isPrivate: false,
              attendees: [],
              joinOnlineMeetingUrl: null,
            },
          ]);
        }
    for (const room of rooms) await engine.syncRoom(room);
    gateway.resetCallCounts();
    return rooms;
  }

  it("asks each organizer once for all the rooms' meetings, never for a whole calendar", async () => {
    const rooms = await roomsSharingOrganizers();
    const results = await engine.fillDetailsOfRooms(rooms);
    expect(results.map((r) => ('outcome' in r ? r.outcome.filled : r.error))).toEqual([6, 6, 6, 6, 6]);
    expect(gateway.callCount('organizerDetails')).toBe(organizers.length);
    expect(gateway.callCount('organizerCalendar')).toBe(0);
    for (const [r, room] of rooms.entries()) {
      const booked = await live(room);
      expect(booked).toHaveLength(6);
      for (const b of booked)
        expect(b).toMatchObject({ subject: expect.stringMatching(`^Project M-${r}-`), detailSource: 'organizer' });
    }
  });
});

describe('incremental sync', () => {
  it('moves and shortens the same booking in place', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    const [before] = await live(elbe);

    gateway.putMeeting(
      elbe.mailbox,
      meeting({
        itemId: 'E1',
        cleanGlobalObjectId: 'M1',
        instances: [{ start: '2026-05-05T13:00:00.000Z', end: '2026-05-05T13:30:00.000Z' }],
      }),
    );
    const outcome = await engine.syncRoom(elbe);

    expect(outcome).toMatchObject({ mode: 'incremental', updated: 1, created: 0 });
    expect(await bookingsOf(elbe)).toEqual([
      { ...before, start: '2026-05-05T13:00:00.000Z', end: '2026-05-05T13:30:00.000Z' },
    ]);
  });

  it("cancels only the uninvited room's booking", async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    gateway.putMeeting(rhein.mailbox, meeting({ itemId: 'R1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    await engine.syncRoom(rhein);

    gateway.removeMeeting(rhein.mailbox, 'R1');
    await engine.syncRoom(elbe);
    await engine.syncRoom(rhein);

    expect(await live(elbe)).toHaveLength(1);
    expect((await bookingsOf(rhein)).map((b) => b.status)).toEqual(['cancelled']);
  });

  it('cancels a meeting the organizer cancelled', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1', isCancelled: true }));
    await engine.syncRoom(elbe);
    expect((await bookingsOf(elbe)).map((b) => b.status)).toEqual(['cancelled']);
  });

  it('honours a moved and a deleted occurrence of a series', async () => {
    const series = (instances: FakeMeeting['instances']): FakeMeeting =>
      meeting({ itemId: 'S1', cleanGlobalObjectId: 'SERIES', instances });
    const day = (d: number, hour = 9): { start: string; end: string; originalStart: string } => {
      const start = `2026-05-0${d}T${String(hour).padStart(2, '0')}:00:00.000Z`;
      return {
        start,
        end: `2026-05-0${d}T${String(hour + 1).padStart(2, '0')}:00:00.000Z`,
        originalStart: `2026-05-0${d}T09:00:00.000Z`,
      };
    };
    gateway.putMeeting(elbe.mailbox, series([day(5), day(6), day(7)]));
    await engine.syncRoom(elbe);
    const before = await live(elbe);
    expect(before).toHaveLength(3);

    gateway.putMeeting(elbe.mailbox, series([day(5), day(6, 14)]));
    await engine.syncRoom(elbe);

    const after = await bookingsOf(elbe);
    expect(after.filter((b) => b.status === 'confirmed').map((b) => b.start)).toEqual([
      '2026-05-05T09:00:00.000Z',
      '2026-05-06T14:00:00.000Z',
    ]);
    expect(after.find((b) => b.id === before[1]?.id)?.start).toBe('2026-05-06T14:00:00.000Z');
    expect(after.find((b) => b.id === before[2]?.id)?.status).toBe('cancelled');
  });

  it('pages through many changes and ends where Exchange stands', async () => {
    for (let i = 0; i < 7; i += 1)
      gateway.putMeeting(
        elbe.mailbox,
        meeting({
          itemId: `E${i}`,
          cleanGlobalObjectId: `M${i}`,
          instances: [{ start: `2026-05-1${i}T09:00:00.000Z`, end: `2026-05-1${i}T10:00:00.000Z` }],
        }),
      );
    await engine.syncRoom(elbe);
    for (let i = 0; i < 7; i += 1)
      gateway.putMeeting(
        elbe.mailbox,
        meeting({
          itemId: `E${i}`,
          cleanGlobalObjectId: `M${i}`,
          subject: 'Renamed',
          instances: [{ start: `2026-05-1${i}T11:00:00.000Z`, end: `2026-05-1${i}T12:00:00.000Z` }],
        }),
      );
    const outcome = await engine.syncRoom(elbe);
    expect(outcome.pages).toBe(3);
    expect((await live(elbe)).map((b) => b.subject)).toEqual(Array(7).fill('Renamed'));
  });

  it('keeps the overlapping meeting of an attendant-bypassing write as pending instead of failing the room', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E2', cleanGlobalObjectId: 'M2' }));
    const outcome = await engine.syncRoom(elbe);
    expect(outcome.conflicts).toBe(1);
    expect((await bookingsOf(elbe)).map((b) => b.status).sort()).toEqual(['confirmed', 'pending']);
  });
});

describe('a meeting Roomserve cancelled', () => {
  const window = { start: new Date('2026-05-01T00:00:00Z'), end: new Date('2026-06-01T00:00:00Z') };

  async function cancelledInRoomserve(): Promise<string> {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    const [booking] = await live(elbe);
    if (!booking) throw new Error('the first sync stored no booking');
    await createBookingRepository(db.knex).markMeetingCancelled(booking.id, 'Cancelled in Roomserve.');
    return booking.id;
  }

  it("stays cancelled while the room's copy still shows it, in incremental and full passes, without a twin", async () => {
    await cancelledInRoomserve();
    // The room's copy changes before its attendant processes the cancellation.
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1', subject: 'Renamed' }));
    await engine.syncRoom(elbe);
    await engine.syncRoom(elbe, { full: true });
    expect((await bookingsOf(elbe)).map((b) => [b.status, b.subject])).toEqual([['cancelled', 'Emma Schmidt']]);
  });

  it('stays cancelled when a pass read the booking before the cancellation and writes after it', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    const [read] = await store.transaction((tx) => tx.bookingsInWindow(elbe.roomId, window));
    if (!read) throw new Error('the first sync stored no booking');
    await createBookingRepository(db.knex).markMeetingCancelled(read.id, 'Cancelled in Roomserve.');
    const stalePlan = {
      create: [],
      update: [{ bookingId: read.id, fields: { ...read, subject: 'Renamed', ewsChangeKey: 'CK9' }, confirms: false }],
      cancel: [],
      unchanged: 0,
    };
    await store.transaction((tx) => tx.applyPlan(elbe.roomId, stalePlan));
    expect((await bookingsOf(elbe)).map((b) => [b.status, b.subject])).toEqual([['cancelled', 'Emma Schmidt']]);
  });
});

describe('a room change Roomserve makes', () => {
  const slot = { start: '2026-05-05T09:00:00.000Z', end: '2026-05-05T10:00:00.000Z' };
  const move = (roomId: string) => ({
    roomId,
    start: new Date(slot.start),
    end: new Date(slot.end),
    subject: 'Moved',
    attendees: [],
  });

  /** Our booking of meeting M1 in Elbe, confirmed by the sync of Elbe's copy. */
  async function ourBookingInElbe(): Promise<string> {
    const id = await buildBooking(db.knex, {
      roomId: elbe.roomId,
      ...slot,
      status: 'pending',
      uid: 'U1',
      cleanGlobalObjectId: 'M1',
    });
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1', uid: 'U1' }));
    await engine.syncRoom(elbe);
    return id;
  }

  it('takes the place of what the sync made of its echoes before the local write', async () => {
    const ours = await ourBookingInElbe();
    // Rhein accepted and Elbe was dropped in Exchange; the sync saw both before the change was written here.
    gateway.putMeeting(rhein.mailbox, meeting({ itemId: 'R1', cleanGlobalObjectId: 'M1', uid: 'U1' }));
    await engine.syncRoom(rhein);
    gateway.removeMeeting(elbe.mailbox, 'E1');
    await engine.syncRoom(elbe);

    expect(await createBookingRepository(db.knex).applyMove(ours, move(rhein.roomId))).toBe(true);
    await engine.syncRoom(rhein);
    await engine.syncRoom(rhein, { full: true });
    await engine.syncRoom(elbe, { full: true });

    expect((await live(rhein)).map((b) => b.id)).toEqual([ours]);
    expect(await live(elbe)).toEqual([]);
  });

  // Two sessions at once: PGlite has one connection, so only PostgreSQL can interleave them.
  (process.env.TEST_DB === 'postgres' ? it : it.skip)(
    'takes the place of the sync’s copy committed while the move is being written',
    async () => {
      const ours = await ourBookingInElbe();
      const syncing = await db.knex.transaction();
      const copy = await buildBooking(syncing, { roomId: rhein.roomId, ...slot, source: 'exchange', uid: 'U1' });
      const moving = createBookingRepository(db.knex).applyMove(ours, move(rhein.roomId));
      await waitForLockWait();
      await syncing.commit();

      expect(await moving).toBe(true);
      expect((await live(rhein)).map((b) => b.id)).toEqual([ours]);
      expect((await bookingsOf(rhein)).find((b) => b.id === copy)?.status).toBe('cancelled');
    },
  );

  it('is not undone by a pass of the old room that read the booking before the move and writes after it', async () => {
    const ours = await ourBookingInElbe();
    const stalePlan = {
      create: [],
      update: [],
      cancel: [{ bookingId: ours, reason: 'removed-from-room-calendar' as const }],
      unchanged: 0,
    };
    expect(await createBookingRepository(db.knex).applyMove(ours, move(rhein.roomId))).toBe(true);
    await store.transaction((tx) => tx.applyPlan(elbe.roomId, stalePlan));
    expect((await live(rhein)).map((b) => b.id)).toEqual([ours]);
  });
});

describe('sync state and failures', () => {
  it('keeps the sync state where it was when Exchange fails mid-page, and catches up afterwards', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    const stateBefore = (await store.roomSync(elbe.roomId, elbe.mailbox))?.syncState;

    gateway.putMeeting(
      elbe.mailbox,
      meeting({
        itemId: 'E1',
        cleanGlobalObjectId: 'M1',
        subject: 'Moved',
        instances: [{ start: '2026-05-05T15:00:00.000Z', end: '2026-05-05T16:00:00.000Z' }],
      }),
    );
    // After the change feed answered: the page's sync state must not be kept without its bookings.
    gateway.failNext('organizerDetails', 'throttled', { retryAfterMs: 500 });
    await expect(engine.syncRoom(elbe)).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 500 });
    expect((await store.roomSync(elbe.roomId, elbe.mailbox))?.syncState).toBe(stateBefore);
    expect((await live(elbe))[0]?.start).toBe('2026-05-05T09:00:00.000Z');

    await engine.syncRoom(elbe);
    expect((await live(elbe))[0]?.start).toBe('2026-05-05T15:00:00.000Z');
  });

  it('resyncs after an invalid sync state without duplicating or re-creating unchanged bookings', async () => {
    putTwoMeetings(elbe);
    await engine.syncRoom(elbe);
    const before = await bookingsOf(elbe);

    gateway.removeMeeting(elbe.mailbox, 'E2');
    gateway.putMeeting(
      elbe.mailbox,
      meeting({
        itemId: 'E3',
        cleanGlobalObjectId: 'M3',
        instances: [{ start: '2026-05-07T09:00:00.000Z', end: '2026-05-07T10:00:00.000Z' }],
      }),
    );
    gateway.invalidateSyncStates(elbe.mailbox);
    const outcome = await engine.syncRoom(elbe);

    expect(outcome).toMatchObject({ mode: 'resync', created: 1, updated: 0, cancelled: 1 });
    const after = await bookingsOf(elbe);
    expect(after.find((b) => b.id === before[0]?.id)).toEqual(before[0]);
    expect(after.filter((b) => b.status === 'confirmed').map((b) => b.start)).toEqual([
      '2026-05-05T09:00:00.000Z',
      '2026-05-07T09:00:00.000Z',
    ]);
    expect(after).toHaveLength(3);

    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1', subject: 'After resync' }));
    expect(await engine.syncRoom(elbe)).toMatchObject({ mode: 'incremental', updated: 1 });
  });

  it('reads a changed single meeting from the change feed and the organizer copy, without a calendar view', async () => {
    gateway.setOrganizerCopy(organizer.email, [
      {
        cleanGlobalObjectId: 'M1',
        originalStart: null,
        subject: 'Planning',
        description: 'Agenda',
        isPrivate: false,
        attendees: [],
        joinOnlineMeetingUrl: null,
      },
    ]);
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    gateway.resetCallCounts();
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1', subject: 'x' }));
    await engine.syncRoom(elbe);
    expect(Object.fromEntries(gateway.calls)).toEqual({ syncCalendarChanges: 1, organizerDetails: 1 });
    expect(await live(elbe)).toEqual([expect.objectContaining({ subject: 'Planning', detailSource: 'organizer' })]);
  });

  it("reads the room's full copy of a changed single meeting only when the organizer is out of reach", async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    gateway.makeOrganizerUnreachable(organizer.email);
    await engine.syncRoom(elbe);
    gateway.resetCallCounts();
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1', description: 'Agenda' }));
    await engine.syncRoom(elbe);
    expect(Object.fromEntries(gateway.calls)).toEqual({
      syncCalendarChanges: 1,
      organizerDetails: 1,
      roomItemDetails: 1,
    });
    const stored = await db.knex('bookings').where({ room_id: elbe.roomId }).select('description', 'detail_source');
    expect(stored).toEqual([{ description: 'Agenda', detail_source: 'room' }]);
  });
});

describe("a room's sync row", () => {
  it('keeps its feed across writes for the same mailbox and starts afresh when the room gets another mailbox', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    await store.recordFailure(elbe.roomId, elbe.mailbox, { code: 'EWS_TIMEOUT', message: 'slow', at: clock.now() });
    await store.recordFailure(elbe.roomId, elbe.mailbox, { code: 'EWS_TIMEOUT', message: 'slow', at: clock.now() });
    const next = new Date('2026-05-04T08:05:00Z');
    await store.scheduleNext(elbe.roomId, elbe.mailbox, next);
    const kept = await store.roomSync(elbe.roomId, elbe.mailbox);
    expect(kept).toEqual(
      expect.objectContaining({ consecutiveFailures: 2, lastErrorCode: 'EWS_TIMEOUT', nextSyncAt: next }),
    );
    expect(kept?.syncState).toEqual(expect.any(String));
    expect(kept?.lastFullSyncAt).toEqual(clock.now());

    const moved = 'room.elbe.new@northwind.test';
    const later = new Date('2026-05-04T09:00:00Z');
    await store.scheduleNext(elbe.roomId, moved, later);
    expect(await store.roomSync(elbe.roomId, elbe.mailbox)).toBeNull();
    expect(await store.roomSync(elbe.roomId, moved)).toEqual(
      expect.objectContaining({
        syncState: null,
        lastSuccessAt: null,
        lastFullSyncAt: null,
        lastError: null,
        lastErrorCode: null,
        consecutiveFailures: 0,
        nextSyncAt: later,
      }),
    );
  });
});

describe('what a sync pass tells its listeners', () => {
  it('names exactly the bookings it created, not older bookings of the same meeting', async () => {
    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E1', cleanGlobalObjectId: 'M1' }));
    await engine.syncRoom(elbe);
    gateway.removeMeeting(elbe.mailbox, 'E1');
    await engine.syncRoom(elbe);
    const [cancelled] = await bookingsOf(elbe);
    expect(cancelled?.status).toBe('cancelled');

    gateway.putMeeting(elbe.mailbox, meeting({ itemId: 'E2', cleanGlobalObjectId: 'M1' }));
    const outcome = await engine.syncRoom(elbe);
    const created = (await bookingsOf(elbe)).filter((b) => b.status === 'confirmed');
    expect(created).toHaveLength(1);
    expect(outcome.changedBookingIds).toEqual([created[0]?.id]);
  });
});
