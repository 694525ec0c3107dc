import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { ConnectedRoom } from '../ports/syncStore';
import { createScheduler, DEFAULT_SCHEDULER_OPTIONS, type Scheduler, type SyncOutcome } from './scheduler';

const room = (n: number): ConnectedRoom => ({
  roomId: `room-${n}`,
  name: `Room ${n}`,
  mailbox: `room${n}@northwind.test`,
});
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Under fake timers: the throttle test asserts waits to the millisecond, which a busy CI machine cannot honour in real time. */
const advance = async (ms: number): Promise<void> => {
  await jest.advanceTimersByTimeAsync(ms);
};

interface Harness {
  scheduler: Scheduler;
  runs: { roomId: string; full: boolean }[];
  backoffs: string[];
  maxParallel: () => number;
}

function harness(
  outcomes: (roomId: string) => SyncOutcome = () => ({ ok: true }),
  options: Partial<typeof DEFAULT_SCHEDULER_OPTIONS> = {},
): Harness {
  const runs: Harness['runs'] = [];
  const backoffs: string[] = [];
  let active = 0;
  let peak = 0;
  const scheduler = createScheduler({
    options: { ...DEFAULT_SCHEDULER_OPTIONS, debounceMs: 30, safetyIntervalMs: 60_000, ...options },
    run: async (r, full) => {
      active += 1;
      peak = Math.max(peak, active);
      runs.push({ roomId: r.roomId, full });
      await sleep(10);
      active -= 1;
      return outcomes(r.roomId);
    },
    planned: () => undefined,
    backedOff: (roomId, reason) => backoffs.push(`${roomId ?? 'all'}:${reason}`),
    now: () => Date.now(),
    random: () => 0.5,
  });
  return { scheduler, runs, backoffs, maxParallel: () => peak };
}

describe('sync scheduler', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('syncs a new room fully at once, then coalesces a burst of notifications into one incremental sync', async () => {
    const h = harness();
    h.scheduler.add(room(1), null);
    await sleep(40);
    expect(h.runs).toEqual([{ roomId: 'room-1', full: true }]);
    for (let i = 0; i < 10; i += 1) h.scheduler.poke('room-1');
    await sleep(100);
    expect(h.runs).toEqual([
      { roomId: 'room-1', full: true },
      { roomId: 'room-1', full: false },
    ]);
    await h.scheduler.stop();
  });

  it('never runs more rooms at once than the concurrency cap', async () => {
    const h = harness(undefined, { concurrency: 3 });
    for (let i = 0; i < 12; i += 1) h.scheduler.add(room(i), new Date());
    await sleep(150);
    expect(h.runs).toHaveLength(12);
    expect(h.maxParallel()).toBe(3);
    await h.scheduler.stop();
  });

  it("waits the server's requested time after throttling, for every room", async () => {
    jest.useFakeTimers();
    let throttled = true;
    const h = harness((roomId) => {
      if (roomId === 'room-1' && throttled) {
        throttled = false;
        return { ok: false, failure: { code: 'throttled', message: 'busy', retryAfterMs: 120 } };
      }
      return { ok: true };
    });
    h.scheduler.add(room(1), new Date());
    await advance(30);
    h.scheduler.add(room(2), new Date());
    await advance(60);
    expect(h.runs.map((r) => r.roomId)).toEqual(['room-1']);
    expect(h.backoffs).toEqual(['all:throttled']);
    await advance(150);
    expect(h.runs.map((r) => r.roomId).sort()).toEqual(['room-1', 'room-1', 'room-2']);
    await h.scheduler.stop();
  });

  it('resolves a manual sync with its outcome, and runs again when asked during a sync', async () => {
    const h = harness((roomId) =>
      roomId === 'room-2'
        ? { ok: false, failure: { code: 'permission', message: 'denied', retryAfterMs: 10_000 } }
        : { ok: true },
    );
    h.scheduler.add(room(1), new Date());
    h.scheduler.add(room(2), new Date());
    await sleep(5);
    const [one, two] = await Promise.all([h.scheduler.syncNow('room-1'), h.scheduler.syncNow('room-2')]);
    expect(one).toEqual({ ok: true });
    expect(two).toMatchObject({ ok: false, failure: { code: 'permission' } });
    expect(h.runs.filter((r) => r.roomId === 'room-1')).toHaveLength(2);
    expect(await h.scheduler.syncNow('room-9')).toMatchObject({ ok: false, failure: { code: 'not-owned' } });
    await h.scheduler.stop();
  });

  it('runs a live change in its own lane: it never waits behind the rooms of a first sync', async () => {
    const runs: { roomId: string; full: boolean; lane: string }[] = [];
    const release: Array<() => void> = [];
    const scheduler = createScheduler({
      options: { ...DEFAULT_SCHEDULER_OPTIONS, debounceMs: 0, concurrency: 1, liveConcurrency: 1 },
      run: async (r, full, lane) => {
        runs.push({ roomId: r.roomId, full, lane });
        // Every sync holds its slot until the test lets it go.
        await new Promise<void>((resolve) => release.push(resolve));
        return { ok: true };
      },
      planned: () => undefined,
      backedOff: () => undefined,
      now: () => Date.now(),
    });
    for (let i = 0; i < 3; i += 1) scheduler.add(room(i), null);
    scheduler.add(room(9), new Date());
    await sleep(5);
    // The bulk lane holds the first sync of room 0; rooms 1, 2 and 9 wait behind it.
    expect(runs).toEqual([{ roomId: 'room-0', full: true, lane: 'bulk' }]);
    scheduler.poke('room-9');
    scheduler.poke('room-1');
    await sleep(5);
    // Room 9's change goes ahead at once; room 1 has not had its first sync, so it stays bulk work.
    expect(runs).toEqual([
      { roomId: 'room-0', full: true, lane: 'bulk' },
      { roomId: 'room-9', full: false, lane: 'live' },
    ]);
    while (runs.length < 4 || release.length > 0) {
      release.shift()?.();
      await sleep(2);
    }
    expect(runs.map((r) => r.roomId)).toEqual(['room-0', 'room-9', 'room-1', 'room-2']);
    await scheduler.stop();
  });

  it('spreads the safety syncs of rooms that synced together over the period after the next, and keeps them spread', async () => {
    jest.useFakeTimers();
    const period = 60_000;
    const delays = new Map<string, number[]>();
    const draws = [0, 0.5, 0.9999];
    let drawn = 0;
    const scheduler = createScheduler({
      options: { ...DEFAULT_SCHEDULER_OPTIONS, debounceMs: 30, safetyIntervalMs: period },
      run: () => Promise.resolve({ ok: true }),
      planned: (r, at) => delays.set(r.roomId, [...(delays.get(r.roomId) ?? []), at.getTime() - Date.now()]),
      backedOff: () => undefined,
      now: () => Date.now(),
      random: () => draws[drawn++ % draws.length] ?? 0,
    });
    for (const n of [1, 2, 3]) scheduler.add(room(n), null);
    await advance(100);
    const afterFirst = [1, 2, 3].map((n) => delays.get(`room-${n}`)?.[1] ?? Number.NaN).sort((a, b) => a - b);
    expect(afterFirst).toEqual([60_000, 90_000, 119_994]);

    await advance(2 * period);
    const later = [1, 2, 3].map((n) => delays.get(`room-${n}`)?.[2] ?? Number.NaN);
    for (const delay of later) {
      expect(delay).toBeGreaterThanOrEqual(0.9 * period);
      expect(delay).toBeLessThanOrEqual(1.1 * period);
    }
    await scheduler.stop();
  });
});
