import { afterEach, describe, expect, it } from '@jest/globals';
import type { NotificationEvent } from './api';
import type { ExchangeModel } from './index';
import { T, errorCode, meeting, newModel } from './testSeed';

let model: ExchangeModel;
afterEach(() => model.dispose());
const calendar = { kind: 'distinguished', name: 'calendar' } as const;
const ALL = ['CreatedEvent', 'ModifiedEvent', 'DeletedEvent', 'MovedEvent', 'FreeBusyChangedEvent'] as const;

function itemEvents(events: readonly NotificationEvent[]): string[] {
  return events.filter((e) => e.itemId).map((e) => e.type);
}

describe('notifications', () => {
  it('pull: GetEvents returns the events after a watermark and moves on', () => {
    model = newModel();
    const sub = model.subscribe(T.alice, { kind: 'pull', folders: [calendar], eventTypes: ALL, timeoutMinutes: 10 });
    const item = model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    const first = model.getEvents(T.alice, sub.subscriptionId, sub.watermark);
    expect(itemEvents(first.events)).toEqual(['CreatedEvent', 'FreeBusyChangedEvent']);
    expect(first.events.find((e) => e.type === 'CreatedEvent')?.itemId?.id).toBe(item.itemId.id);
    model.deleteItem(
      T.alice,
      { kind: 'item', id: item.itemId.id },
      { deleteType: 'MoveToDeletedItems', sendMeetingCancellations: 'SendToNone' },
    );
    const second = model.getEvents(T.alice, sub.subscriptionId, first.statusWatermark);
    const moved = second.events.find((e) => e.type === 'MovedEvent');
    expect(moved?.oldItemId?.id).toBe(item.itemId.id);
    expect(moved?.itemId?.id).not.toBe(item.itemId.id);
    const third = model.getEvents(T.alice, sub.subscriptionId, second.statusWatermark);
    expect(third.events).toEqual([]);
  });

  it('only delivers the subscribed event types of the subscribed folders and mailbox', () => {
    model = newModel();
    const sub = model.subscribe(T.alice, {
      kind: 'pull',
      folders: [calendar],
      eventTypes: ['DeletedEvent'],
      timeoutMinutes: 10,
    });
    const item = model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    model.createCalendarItem(T.bob, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    model.deleteItem(
      T.alice,
      { kind: 'item', id: item.itemId.id },
      { deleteType: 'HardDelete', sendMeetingCancellations: 'SendToNone' },
    );
    expect(model.getEvents(T.alice, sub.subscriptionId, sub.watermark).events.map((e) => e.type)).toEqual([
      'DeletedEvent',
    ]);
  });

  it('streaming: a listener gets events right after the change; unsubscribe and expiry end it', async () => {
    model = newModel();
    const sub = model.subscribe(T.alice, { kind: 'streaming', folders: [calendar], eventTypes: ALL });
    const received: NotificationEvent[] = [];
    const detach = model.attachStream(T.alice, sub.subscriptionId, (_id, events) => received.push(...events));
    model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    await Promise.resolve();
    expect(itemEvents(received)).toEqual(['CreatedEvent', 'FreeBusyChangedEvent']);
    detach();
    model.clock.advance(31 * 60_000);
    expect(errorCode(() => model.checkSubscription(T.alice, sub.subscriptionId))).toBe('ErrorSubscriptionNotFound');
    const pull = model.subscribe(T.alice, { kind: 'pull', folders: [calendar], eventTypes: ALL, timeoutMinutes: 5 });
    model.unsubscribe(T.alice, pull.subscriptionId);
    expect(errorCode(() => model.getEvents(T.alice, pull.subscriptionId, pull.watermark))).toBe(
      'ErrorSubscriptionNotFound',
    );
  });

  it('drops an expired subscription when its mailbox changes; the live ones beside it get the events', () => {
    model = newModel();
    const stale = model.subscribe(T.alice, { kind: 'pull', folders: [calendar], eventTypes: ALL, timeoutMinutes: 1 });
    model.clock.advance(50_000);
    const live = model.subscribe(T.alice, { kind: 'pull', folders: [calendar], eventTypes: ALL, timeoutMinutes: 5 });
    const bobs = model.subscribe(T.bob, { kind: 'pull', folders: [calendar], eventTypes: ALL, timeoutMinutes: 1 });
    model.clock.advance(20_000);
    model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    expect(errorCode(() => model.getEvents(T.alice, stale.subscriptionId, stale.watermark))).toBe(
      'ErrorSubscriptionNotFound',
    );
    expect(itemEvents(model.getEvents(T.alice, live.subscriptionId, live.watermark).events)).toEqual([
      'CreatedEvent',
      'FreeBusyChangedEvent',
    ]);
    expect(model.getEvents(T.bob, bobs.subscriptionId, bobs.watermark).events).toEqual([]);
  });

  it('rejects a watermark from another generation and a subscription of another mailbox', () => {
    model = newModel();
    const sub = model.subscribe(T.alice, { kind: 'pull', folders: [calendar], eventTypes: ALL, timeoutMinutes: 5 });
    expect(errorCode(() => model.getEvents(T.alice, sub.subscriptionId, 'AAAA'))).toBe('ErrorInvalidWatermark');
    expect(errorCode(() => model.getEvents(T.bob, sub.subscriptionId, sub.watermark))).toBe('ErrorAccessDenied');
  });

  it('lets the creating account use a subscription while impersonating another mailbox', async () => {
    model = newModel();
    const roomSub = model.subscribe(
      T.room1,
      { kind: 'streaming', folders: [calendar], eventTypes: ['CreatedEvent'] },
      T.svc,
    );
    expect(errorCode(() => model.checkSubscription(T.alice, roomSub.subscriptionId))).toBe('ErrorAccessDenied');
    expect(errorCode(() => model.checkSubscription(T.alice, roomSub.subscriptionId, T.bob))).toBe('ErrorAccessDenied');
    const received: string[] = [];
    model.attachStream(
      T.alice,
      roomSub.subscriptionId,
      (id, events) => received.push(...events.map((e) => `${id === roomSub.subscriptionId}:${e.type}`)),
      T.svc,
    );
    model.createCalendarItem(T.room1, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    await Promise.resolve();
    expect(received).toEqual(['true:CreatedEvent']);
  });
});
