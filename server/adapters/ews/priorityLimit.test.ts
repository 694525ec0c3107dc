import { describe, expect, it } from '@jest/globals';
import { atPriority } from '../../ports/workPriority';
import { createPriorityLimit } from './priorityLimit';
import { createThrottle, DEFAULT_POLICY } from './resilience';

/** A task that runs until released, recording when it started. */
function gate(order: string[], name: string): { task: () => Promise<string>; release: () => void } {
  let release: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      order.push(name);
      await done;
      return name;
    },
    release: () => release(),
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the priority limit of the EWS budget', () => {
  it('gives a free slot to a live call before every queued bulk and background call', async () => {
    const limiter = createPriorityLimit(1);
    const order: string[] = [];
    const first = gate(order, 'bulk-running');
    const running = limiter.run(first.task, 'bulk');
    const rest = [gate(order, 'background-1'), gate(order, 'bulk-1'), gate(order, 'bulk-2')] as const;
    const queued = [
      limiter.run(rest[0].task, 'background'),
      limiter.run(rest[1].task, 'bulk'),
      limiter.run(rest[2].task, 'bulk'),
    ];
    const live = gate(order, 'live');
    const liveDone = limiter.run(live.task, 'live');
    expect(limiter.waiting()).toEqual({ live: 1, bulk: 2, background: 1 });
    first.release();
    await running;
    await flush();
    // The live call arrived last and still went first.
    expect(order).toEqual(['bulk-running', 'live']);
    live.release();
    await expect(liveDone).resolves.toBe('live');
    await flush();
    for (const g of rest) g.release();
    await Promise.all(queued);
    expect(order).toEqual(['bulk-running', 'live', 'bulk-1', 'bulk-2', 'background-1']);
  });

  it('keeps the order of arrival within one priority and never exceeds the concurrency', async () => {
    const limiter = createPriorityLimit(2);
    let inFlight = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_v, i) =>
        limiter.run(async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          order.push(i);
          await flush();
          inFlight -= 1;
        }, 'bulk'),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = createPriorityLimit(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')), 'live')).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve('after'), 'bulk')).resolves.toBe('after');
  });
});

describe('the service account throttle', () => {
  it('takes each call at the priority of the work that makes it (live when unmarked)', async () => {
    const throttle = createThrottle('https://ex/EWS/Exchange.asmx', { ...DEFAULT_POLICY, concurrency: 1 });
    const order: string[] = [];
    const first = gate(order, 'first-sync');
    const running = atPriority('bulk', () => throttle.run(first.task));
    const later = [gate(order, 'phase-2'), gate(order, 'daily-pass')] as const;
    const phase2 = atPriority('background', () => throttle.run(later[0].task));
    const daily = atPriority('bulk', () => throttle.run(later[1].task));
    const booking = gate(order, 'booking');
    const bookingDone = throttle.run(booking.task);
    await flush();
    expect(throttle.waiting()).toEqual({ live: 1, bulk: 1, background: 1 });
    first.release();
    await running;
    await flush();
    expect(order).toEqual(['first-sync', 'booking']);
    booking.release();
    await bookingDone;
    for (const g of later) g.release();
    await Promise.all([phase2, daily]);
    expect(order).toEqual(['first-sync', 'booking', 'daily-pass', 'phase-2']);
  });
});
