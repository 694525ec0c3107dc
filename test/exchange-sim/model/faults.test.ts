import { afterEach, describe, expect, it } from '@jest/globals';
import type { ExchangeModel } from './index';
import { T, meeting, newModel } from './testSeed';

let model: ExchangeModel;
afterEach(() => model.dispose());

describe('faults, throttling, counters, clock and reset', () => {
  it('applies matching faults and consumes counted ones', () => {
    model = newModel();
    model.addFault({ kind: 'serverBusy', backOffMilliseconds: 5000, count: 1, match: { operation: 'FindItem' } });
    model.addFault({ kind: 'latency', latencyMs: 40 });
    model.addFault({ kind: 'mailboxMoveInProgress', match: { mailbox: T.room1 }, count: 2 });
    const req = { operation: 'FindItem', account: T.svc, mailbox: T.room1 };
    expect(model.decideFaults(req)).toEqual({
      latencyMs: 40,
      http503: false,
      mailboxMoveInProgress: true,
      dropStream: false,
      serverBusyBackOffMs: 5000,
    });
    expect(model.decideFaults(req)).toEqual({
      latencyMs: 40,
      http503: false,
      mailboxMoveInProgress: true,
      dropStream: false,
    });
    expect(model.decideFaults({ ...req, operation: 'GetStreamingEvents' })).toEqual({
      latencyMs: 40,
      http503: false,
      mailboxMoveInProgress: false,
      dropStream: false,
    });
    expect(model.activeFaults().map((f) => f.spec.kind)).toEqual(['latency']);
    model.clearFaults();
    expect(model.decideFaults(req).latencyMs).toBe(0);
  });

  it('limits concurrent requests per account (default 27)', () => {
    model = newModel();
    const releases = Array.from({ length: 27 }, () => model.acquireRequestSlot('svc'));
    expect(releases.every((r) => r !== undefined)).toBe(true);
    expect(model.acquireRequestSlot('SVC')).toBeUndefined();
    expect(model.acquireRequestSlot('alice')).toBeDefined();
    releases[0]?.();
    expect(model.acquireRequestSlot('svc')).toBeDefined();
  });

  it('reports the peak of concurrent requests and the refusals per account', () => {
    model = newModel();
    model.setConcurrencyLimit(2);
    const first = model.acquireRequestSlot('svc');
    const second = model.acquireRequestSlot('SVC');
    expect(model.acquireRequestSlot('svc')).toBeUndefined();
    first?.();
    expect(model.concurrencyStats()).toEqual({ svc: { limit: 2, inFlight: 1, peak: 2, refused: 1 } });
    model.resetConcurrencyStats();
    expect(model.concurrencyStats()).toEqual({ svc: { limit: 2, inFlight: 1, peak: 1, refused: 0 } });
    second?.();
    expect(model.concurrencyStats().svc).toEqual({ limit: 2, inFlight: 0, peak: 1, refused: 0 });
  });

  it('counts requests by operation and account', () => {
    model = newModel();
    model.countRequest('FindItem', 'svc');
    model.countRequest('FindItem', 'alice');
    model.countRequest('GetItem', 'svc');
    expect(model.requestCounts()).toEqual({
      total: 3,
      byOperation: { FindItem: 2, GetItem: 1 },
      byAccount: { svc: 2, alice: 1 },
      byAccountAndOperation: { 'svc|FindItem': 1, 'alice|FindItem': 1, 'svc|GetItem': 1 },
    });
    model.resetRequestCounts();
    expect(model.requestCounts().total).toBe(0);
  });

  it('freezes and advances the clock, stamping items with simulated time', () => {
    model = newModel();
    model.clock.advance(90_000);
    const item = model.createCalendarItem(T.alice, undefined, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    expect(new Date(item.dateTimeCreated).toISOString()).toBe('2026-06-01T08:01:30.000Z');
    model.clock.unfreeze();
    expect(model.clock.isFrozen()).toBe(false);
    expect(Math.abs(model.clock.now() - Date.parse('2026-06-01T08:01:30.000Z'))).toBeLessThan(5_000);
  });

  it('reset returns to the seed: items, faults and subscriptions are gone', () => {
    model = newModel({
      items: [{ mailbox: T.room1, subject: 'Seeded', start: '2026-06-10T09:00:00Z', end: '2026-06-10T10:00:00Z' }],
    });
    model.createCalendarItem(T.room1, undefined, meeting('2026-06-11T09:00:00Z', 1), 'SendToNone');
    model.addFault({ kind: 'http503' });
    const sub = model.subscribe(T.alice, {
      kind: 'pull',
      folders: [{ kind: 'distinguished', name: 'calendar' }],
      eventTypes: ['CreatedEvent'],
      timeoutMinutes: 5,
    });
    model.reset();
    expect(model.readCalendar(T.room1).map((i) => i.subject)).toEqual(['Seeded']);
    expect(model.activeFaults()).toEqual([]);
    expect(() => model.checkSubscription(T.alice, sub.subscriptionId)).toThrow('ErrorSubscriptionNotFound');
  });
});
