import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createSyncStore } from '../../server/adapters/db/repositories/syncStore';
import type { BookingChangeListener } from '../../server/ports/bookingChanges';
import type { SyncStore } from '../../server/ports/syncStore';
import { composeSync } from '../../server/compose/sync';
import { createInProcessRoomLeases } from '../../server/sync/inProcessRoomLeases';
import type { SyncObserver } from '../../server/sync/observer';
import type { SyncRuntime } from '../../server/sync/syncRuntime';
import { buildRoom } from '../factories/locations';
import { InMemoryCalendarGateway, type FakeMeeting } from '../fakes/inMemoryCalendarGateway';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testInfrastructure } from '../support/testInfrastructure';

let db: TestDatabase;
let gateway: InMemoryCalendarGateway;
let store: SyncStore;
let runtimes: SyncRuntime[] = [];
let events: string[] = [];
let sequence = 0;

const observer: SyncObserver = {
  syncFinished: (e) => events.push(`sync:${e.outcome}:${e.errorKind ?? ''}`),
  backOff: (e) => events.push(`backoff:${e.reason}`),
  streamReconnect: (e) => events.push(`reconnect:${e.reason}`),
};

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function connectedRoom(): Promise<{ roomId: string; mailbox: string }> {
  sequence += 1;
  const mailbox = `room.rt${sequence}.${Date.now()}@northwind.test`;
  const roomId = await buildRoom(db.knex, { exchangeEmail: mailbox });
  await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
  gateway.addRoomMailbox(mailbox);
  return { roomId, mailbox };
}

/** One instance's runtime, composed as the product composes it; instances sharing `taken` share the leases. */
function runtime(taken: Set<string>, listeners: readonly BookingChangeListener[] = []): SyncRuntime {
  const created = composeSync({
    infrastructure: testInfrastructure(db.knex, { clock: { now: () => new Date('2026-05-04T08:00:00Z') } }),
    bookingChanges: listeners,
    settings: {
      leases: () => createInProcessRoomLeases(taken),
      runtime: {
        observer,
        scheduler: { debounceMs: 20, safetyIntervalMs: 60_000, maxBackoffMs: 400 },
        streams: { initialBackoffMs: 20, maxBackoffMs: 100 },
        claimIntervalMs: 60_000,
      },
    },
  }).runtimeOn(gateway);
  runtimes.push(created);
  return created;
}

const meeting = (itemId: string, start: string, end: string): FakeMeeting => ({
  itemId,
  cleanGlobalObjectId: `M-${itemId}`,
  organizer: { name: 'Emma', email: 'emma@northwind.test' },
  subject: 'Emma',
  instances: [{ start, end }],
});

async function liveStarts(roomId: string): Promise<string[]> {
  const result = await db.knex.raw<{ rows: { s: Date | string }[] }>(
    "SELECT lower(during) AS s FROM bookings WHERE room_id = ? AND status = 'confirmed' ORDER BY 1",
    [roomId],
  );
  return result.rows.map((r) => new Date(r.s).toISOString());
}

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  gateway = new InMemoryCalendarGateway();
  store = createSyncStore(db.knex);
  events = [];
  // Rooms of earlier tests stay verified; disconnect them so each test owns only its own.
  await db.knex('rooms').update({ exchange_state: 'unconnected' });
});

afterEach(async () => {
  for (const r of runtimes) await r.stop();
  runtimes = [];
});

describe('sync runtime', () => {
  it('syncs a connected room at start and again soon after a notification', async () => {
    const room = await connectedRoom();
    gateway.putMeeting(room.mailbox, meeting('A', '2026-05-05T09:00:00.000Z', '2026-05-05T10:00:00.000Z'));
    const rt = runtime(new Set());
    await rt.start();
    await waitFor(async () => (await liveStarts(room.roomId)).length === 1);
    expect(gateway.openStreamCount()).toBe(1);

    gateway.putMeeting(room.mailbox, meeting('A', '2026-05-05T11:00:00.000Z', '2026-05-05T12:00:00.000Z'));
    await waitFor(async () => (await liveStarts(room.roomId))[0] === '2026-05-05T11:00:00.000Z', 2000);
    const record = await store.roomSync(room.roomId, room.mailbox);
    expect(record).toMatchObject({ streamState: 'streaming', lastError: null });
    expect(record?.nextSyncAt).not.toBeNull();
  });

  it('tells booking-change listeners which bookings each sync changed, and survives a failing one', async () => {
    const room = await connectedRoom();
    const told: { roomId: string; bookingIds: readonly string[] }[] = [];
    const failing: BookingChangeListener = { bookingsChanged: () => Promise.reject(new Error('listener down')) };
    const recording: BookingChangeListener = {
      bookingsChanged: (change) => {
        told.push(change);
        return Promise.resolve();
      },
    };
    gateway.putMeeting(room.mailbox, meeting('L', '2026-05-05T09:00:00.000Z', '2026-05-05T10:00:00.000Z'));
    const rt = runtime(new Set(), [failing, recording]);
    await rt.start();
    await waitFor(() => told.length === 1);
    const [created] = await db.knex('bookings').where({ room_id: room.roomId }).pluck<string[]>('id');
    expect(told[0]).toEqual({ roomId: room.roomId, bookingIds: [created] });

    gateway.removeMeeting(room.mailbox, 'L');
    await waitFor(() => told.length === 2);
    expect(told[1]).toEqual({ roomId: room.roomId, bookingIds: [created] });
    expect(await liveStarts(room.roomId)).toEqual([]);
  });

  it('reopens a dropped stream and catches up on what changed meanwhile', async () => {
    const room = await connectedRoom();
    const rt = runtime(new Set());
    await rt.start();
    await waitFor(() => gateway.openStreamCount() === 1);
    await waitFor(async () => (await store.roomSync(room.roomId, room.mailbox)) !== null);

    gateway.dropStreams();
    gateway.putMeeting(room.mailbox, meeting('B', '2026-05-06T09:00:00.000Z', '2026-05-06T10:00:00.000Z'));
    await waitFor(() => gateway.openStreamCount() === 1);
    await waitFor(async () => (await liveStarts(room.roomId)).length === 1);
    expect(events).toContain('reconnect:transient');
  });

  it('syncs a newly claimed room once more when its stream opens after its first sync read Exchange', async () => {
    const room = await connectedRoom();
    const release = gateway.holdStreamOpens();
    const rt = runtime(new Set());
    await rt.start();
    await waitFor(async () => (await store.roomSync(room.roomId, room.mailbox))?.lastSuccessAt != null);
    // Made after the first sync read the calendar, before the subscription exists: never notified.
    gateway.putMeeting(room.mailbox, meeting('H', '2026-05-06T13:00:00.000Z', '2026-05-06T14:00:00.000Z'));
    release();
    await waitFor(() => gateway.openStreamCount() === 1);
    // The safety sync is a minute away: only the sync on opening finds the meeting this soon.
    await waitFor(async () => (await liveStarts(room.roomId)).length === 1, 2000);
  });

  it('keeps a watched room on its open stream while a newly claimed room gets a stream of its own', async () => {
    const first = await connectedRoom();
    const rt = runtime(new Set());
    await rt.start();
    await waitFor(() => gateway.openStreamCount() === 1);
    await waitFor(async () => (await store.roomSync(first.roomId, first.mailbox))?.lastSuccessAt != null);

    const second = await connectedRoom();
    const release = gateway.holdStreamOpens();
    await rt.claim();
    // The first room's stream stays open while the new room's is still opening.
    expect(gateway.openStreamCount()).toBe(1);
    gateway.putMeeting(first.mailbox, meeting('R', '2026-05-06T15:00:00.000Z', '2026-05-06T16:00:00.000Z'));
    await waitFor(async () => (await liveStarts(first.roomId)).length === 1, 2000);
    release();
    await waitFor(() => gateway.openStreamCount() === 2);
    expect(rt.ownedRoomIds()).toContain(second.roomId);
  });

  it('loses no change of a watched room while its stream group is re-formed after most of its rooms left', async () => {
    const [stays, ...leaving] = [await connectedRoom(), await connectedRoom(), await connectedRoom()];
    const rt = runtime(new Set());
    await rt.start();
    await waitFor(() => gateway.openStreamCount() === 1);
    await waitFor(async () => (await store.roomSync(stays.roomId, stays.mailbox))?.lastSuccessAt != null);

    await db
      .knex('rooms')
      .whereIn(
        'id',
        leaving.map((r) => r.roomId),
      )
      .update({ active: false });
    const release = gateway.holdStreamOpens();
    await rt.claim();
    // The group of three closed; the group of the one left is still opening.
    expect(gateway.openStreamCount()).toBe(0);
    gateway.putMeeting(stays.mailbox, meeting('R', '2026-05-06T15:00:00.000Z', '2026-05-06T16:00:00.000Z'));
    release();
    await waitFor(() => gateway.openStreamCount() === 1);
    await waitFor(async () => (await liveStarts(stays.roomId)).length === 1, 2000);
  });

  it('backs off when Exchange is busy, shows the error in words, and recovers', async () => {
    const room = await connectedRoom();
    gateway.putMeeting(room.mailbox, meeting('C', '2026-05-07T09:00:00.000Z', '2026-05-07T10:00:00.000Z'));
    gateway.failNext('syncCalendarChanges', 'throttled', { retryAfterMs: 300, serverCode: 'ErrorServerBusy' });
    const rt = runtime(new Set());
    await rt.start();
    await waitFor(async () => (await store.roomSync(room.roomId, room.mailbox))?.lastErrorCode === 'throttled');
    const failed = await store.roomSync(room.roomId, room.mailbox);
    expect(failed?.lastError).toMatch(/busy/);
    expect(events).toContain('backoff:throttled');
    await waitFor(async () => (await liveStarts(room.roomId)).length === 1);
    expect((await store.roomSync(room.roomId, room.mailbox))?.lastError).toBeNull();
  });

  it('lets exactly one instance sync each room, and another take over when it stops', async () => {
    const rooms = [await connectedRoom(), await connectedRoom(), await connectedRoom()];
    const taken = new Set<string>();
    const first = runtime(taken);
    const second = runtime(taken);
    await first.start();
    await second.start();
    expect(first.ownedRoomIds().sort()).toEqual(rooms.map((r) => r.roomId).sort());
    expect(second.ownedRoomIds()).toEqual([]);

    await first.stop();
    await second.claim();
    expect(second.ownedRoomIds().sort()).toEqual(rooms.map((r) => r.roomId).sort());
  });

  it('reports the progress of a manual sync of all rooms, with each failure in words', async () => {
    const a = await connectedRoom();
    const b = await connectedRoom();
    const rt = runtime(new Set());
    await rt.start();
    await waitFor(
      async () =>
        (await store.allRoomSync()).filter((r) => r.lastSuccessAt !== null && [a.roomId, b.roomId].includes(r.roomId))
          .length === 2,
    );

    gateway.putMeeting(a.mailbox, meeting('E', '2026-05-09T09:00:00.000Z', '2026-05-09T10:00:00.000Z'));
    gateway.putMeeting(b.mailbox, meeting('F', '2026-05-09T09:00:00.000Z', '2026-05-09T10:00:00.000Z'));
    // Persistent, not one-shot: the stream's own debounced syncs must not use the failure up first.
    gateway.failMailbox(b.mailbox, 'permission');
    const run = await rt.startRun();
    expect(run.rooms.map((r) => r.state).every((s) => s === 'queued' || s === 'running')).toBe(true);
    await waitFor(() => rt.run(run.id)?.finishedAt !== null);

    const finished = rt.run(run.id)?.rooms ?? [];
    expect(finished.map((r) => r.state).sort()).toEqual(['done', 'failed']);
    expect(finished.find((r) => r.state === 'failed')?.error).toMatch(/ApplicationImpersonation/);
    expect(finished.find((r) => r.state === 'failed')?.roomId).toBe(b.roomId);
    gateway.healMailbox(b.mailbox);
  });

  it('refuses a manual sync of a room that is not connected', async () => {
    const rt = runtime(new Set());
    await rt.start();
    await expect(rt.startRun('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
  });
});
