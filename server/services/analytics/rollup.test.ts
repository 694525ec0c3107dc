import { describe, expect, it } from '@jest/globals';
import type { AnalyticsFacts, AnalyticsRollupObserver, AnalyticsRollupStore } from '../../ports/analytics';
import { createAnalyticsRollup } from './rollup';

type Applied = Parameters<AnalyticsRollupObserver['changesApplied']>[0];

const unused = (): Promise<never> => Promise.reject(new Error('not used by the listener here'));

/** No rooms, no bookings; the coverage as given (a rejection: the store is down). */
function facts(): AnalyticsFacts {
  return { unknownPartOf: unused, rooms: () => Promise.resolve([]), bookings: unused, orders: unused };
}

function store(coverage: () => Promise<{ from: string; to: string } | undefined>): AnalyticsRollupStore {
  return {
    coverage,
    setCoverage: unused,
    rangeSums: unused,
    rangeHours: unused,
    save: unused,
    daysOfBookings: () => Promise.resolve([]),
    bookingSpans: () => Promise.resolve([]),
    firstBookingDay: unused,
  };
}

function observed(coverage: () => Promise<{ from: string; to: string } | undefined>) {
  const applied: Applied[] = [];
  const errors: unknown[] = [];
  const rollup = createAnalyticsRollup({
    facts: facts(),
    store: store(coverage),
    clock: { now: () => new Date('2026-05-04T08:00:00Z') },
    observer: { changesApplied: (event) => applied.push(event) },
    onError: (err) => errors.push(err),
    gatherMs: 60_000,
  });
  return { rollup, applied, errors };
}

describe("the rollup's observer", () => {
  it('is told of each batch of changes applied: the calls, the distinct bookings and the time', async () => {
    const { rollup, applied, errors } = observed(() => Promise.resolve({ from: '2026-01-01', to: '2026-05-02' }));
    await rollup.listener.bookingsChanged({ roomId: 'r1', bookingIds: ['a', 'b'] });
    await rollup.listener.bookingsChanged({ roomId: 'r2', bookingIds: ['b', 'c'] });
    await rollup.listener.bookingsChanged({ roomId: 'r3', bookingIds: [] });
    await rollup.settled();
    expect(errors).toEqual([]);
    expect(applied).toEqual([{ changes: 2, bookings: 3, durationMs: expect.any(Number), outcome: 'ok' }]);
    expect(applied[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('is told of a batch that failed, as the error goes to onError', async () => {
    const down = new Error('the database is down');
    const { rollup, applied, errors } = observed(() => Promise.reject(down));
    await rollup.listener.bookingsChanged({ roomId: 'r1', bookingIds: ['a'] });
    await rollup.settled();
    expect(errors).toEqual([down]);
    expect(applied).toEqual([{ changes: 1, bookings: 1, durationMs: expect.any(Number), outcome: 'error' }]);
  });

  it('is told nothing while no change came', async () => {
    const { rollup, applied } = observed(() => Promise.resolve(undefined));
    await rollup.settled();
    expect(applied).toEqual([]);
  });
});
