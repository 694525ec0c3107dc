import { describe, expect, it } from '@jest/globals';
import type { ConnectedRoom } from '../ports/syncStore';
import { createDetailQueue, type DetailQueueDeps } from './detailQueue';
import type { RoomDetails } from './roomSynchronizer';

const room = (name: string): ConnectedRoom => ({ roomId: name, name, mailbox: `${name}@northwind.test` });

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

function queueWith(fill: DetailQueueDeps['fill'], overrides: Partial<DetailQueueDeps> = {}) {
  const filled: string[] = [];
  const failed: string[] = [];
  const queue = createDetailQueue({
    fill,
    concurrency: 1,
    groupBookings: 4,
    phaseOneBusy: () => false,
    retryMs: 10,
    filled: (r) => {
      filled.push(r.roomId);
      return Promise.resolve();
    },
    failed: (r) => {
      failed.push(r.roomId);
    },
    ...overrides,
  });
  return { queue, filled, failed };
}

const done = (r: ConnectedRoom): RoomDetails => ({
  room: r,
  outcome: { filled: 2, skipped: 0, changedBookingIds: [] },
});
const ok = (rooms: readonly ConnectedRoom[]): RoomDetails[] => rooms.map(done);

describe('phase 2 queue', () => {
  it('fills rooms added together in groups of about groupBookings pending bookings', async () => {
    const groups: string[][] = [];
    const { queue, filled } = queueWith((rooms) => {
      groups.push(rooms.map((r) => r.roomId));
      return Promise.resolve(ok(rooms));
    });
    for (const name of ['a', 'b', 'c', 'd', 'e']) queue.add(room(name), 2);
    queue.add(room('big'), 9);
    await until(() => filled.length === 6);
    expect(groups).toEqual([['a', 'b'], ['c', 'd'], ['e'], ['big']]);
    expect(queue.size()).toBe(0);
    await queue.stop();
  });

  it('waits for phase 1 and starts soon after it ends, not a retry period later', async () => {
    let phaseOne = true;
    const { queue, filled } = queueWith((rooms) => Promise.resolve(ok(rooms)), {
      phaseOneBusy: () => phaseOne,
      phaseOneCheckMs: 5,
      retryMs: 60_000,
    });
    queue.add(room('a'), 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(filled).toEqual([]);
    phaseOne = false;
    await until(() => filled.length === 1);
    await queue.stop();
  });

  it('puts back only the room of a group that failed, and fills it later', async () => {
    let attempts = 0;
    const { queue, filled, failed } = queueWith((rooms) =>
      Promise.resolve(
        rooms.map((r): RoomDetails =>
          r.roomId === 'b' && (attempts += 1) === 1 ? { room: r, error: new Error('busy') } : done(r),
        ),
      ),
    );
    queue.add(room('a'), 2);
    queue.add(room('b'), 2);
    await until(() => filled.length === 2);
    expect(failed).toEqual(['b']);
    expect(filled).toEqual(['a', 'b']);
    await queue.stop();
  });
});
