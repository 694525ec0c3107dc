import { describe, expect, it } from '@jest/globals';
import { fieldsOf, reconcile, type StoredBooking } from './reconcile';
import type { RemoteOccurrence } from './remoteCalendar';

const at = (iso: string): Date => new Date(iso);

function remote(overrides: Partial<RemoteOccurrence> = {}): RemoteOccurrence {
  return {
    cleanGlobalObjectId: 'CGOID-A',
    uid: 'UID-A',
    originalStart: null,
    start: at('2026-05-04T08:00:00Z'),
    end: at('2026-05-04T09:00:00Z'),
    itemId: 'ROOM-ITEM-A',
    changeKey: 'CK1',
    recurringMasterId: null,
    isCancelled: false,
    subject: 'Planning',
    description: '',
    location: 'Elbe',
    isPrivate: false,
    organizer: { name: 'Emma Schmidt', email: 'emma.schmidt@northwind.test' },
    attendees: [{ name: 'Elbe', email: 'room.harbour.0.elbe@northwind.test', kind: 'resource', response: 'accept' }],
    joinOnlineMeetingUrl: null,
    detailSource: 'organizer',
    ...overrides,
  };
}

function stored(o: RemoteOccurrence, overrides: Partial<StoredBooking> = {}): StoredBooking {
  return {
    ...fieldsOf(o),
    id: `booking-${o.cleanGlobalObjectId}-${o.originalStart?.toISOString() ?? 'single'}`,
    status: 'confirmed',
    source: 'exchange',
    meetingCancelled: false,
    ...overrides,
  };
}

describe('reconcile', () => {
  it('creates a booking for a meeting the room calendar gained', () => {
    const plan = reconcile([remote()], []);
    expect(plan.create).toHaveLength(1);
    expect(plan.create[0]).toMatchObject({ subject: 'Planning', cleanGlobalObjectId: 'CGOID-A', isOccurrence: false });
    expect(plan.update).toEqual([]);
    expect(plan.cancel).toEqual([]);
  });

  it('writes nothing when Exchange and the store already agree', () => {
    const o = remote();
    expect(reconcile([o], [stored(o)])).toEqual({ create: [], update: [], cancel: [], unchanged: 1 });
  });

  it.each<[string, Partial<RemoteOccurrence>]>([
    ['moved', { start: at('2026-05-04T10:00:00Z'), end: at('2026-05-04T11:00:00Z'), changeKey: 'CK2' }],
    ['shortened', { end: at('2026-05-04T08:30:00Z'), changeKey: 'CK2' }],
    ['renamed', { subject: 'Quarterly planning', changeKey: 'CK2' }],
    ['made private', { isPrivate: true, changeKey: 'CK2' }],
    ['re-created with a new ItemId after a resync', { itemId: 'ROOM-ITEM-A2' }],
    [
      'attendee answered',
      {
        attendees: [
          { name: 'Elbe', email: 'room.harbour.0.elbe@northwind.test', kind: 'resource', response: 'decline' },
        ],
      },
    ],
  ])('updates the same booking in place when the meeting was %s', (_what, change) => {
    const before = remote();
    const plan = reconcile([remote(change)], [stored(before)]);
    expect(plan.create).toEqual([]);
    expect(plan.cancel).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]?.bookingId).toBe(stored(before).id);
    expect(plan.update[0]?.confirms).toBe(false);
  });

  it('cancels a confirmed booking whose meeting left the room calendar (room uninvited)', () => {
    const o = remote();
    expect(reconcile([], [stored(o)]).cancel).toEqual([
      { bookingId: stored(o).id, reason: 'removed-from-room-calendar' },
    ]);
  });

  it('cancels a booking whose meeting Exchange marks as cancelled', () => {
    const o = remote();
    const plan = reconcile([remote({ isCancelled: true })], [stored(o)]);
    expect(plan.cancel).toEqual([{ bookingId: stored(o).id, reason: 'cancelled-in-exchange' }]);
    expect(plan.create).toEqual([]);
  });

  it('leaves pending and already-ended bookings alone when Exchange has nothing for them', () => {
    const o = remote();
    const plan = reconcile(
      [],
      [
        stored(o, { status: 'pending', source: 'app' }),
        stored(remote({ cleanGlobalObjectId: 'B' }), { status: 'cancelled' }),
      ],
    );
    expect(plan).toEqual({ create: [], update: [], cancel: [], unchanged: 0 });
  });

  it('confirms a pending Roomserve booking when its meeting lands in the room calendar (our own echo)', () => {
    const o = remote();
    const plan = reconcile([o], [stored(o, { status: 'pending', source: 'app' })]);
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([{ bookingId: stored(o).id, fields: fieldsOf(o), confirms: true }]);
  });

  it('revives a cancelled booking when the meeting comes back instead of creating a twin', () => {
    const o = remote();
    const plan = reconcile([o], [stored(o, { status: 'cancelled' })]);
    expect(plan.create).toEqual([]);
    expect(plan.update[0]?.confirms).toBe(true);
  });

  it('keeps a booking cancelled in Roomserve cancelled while the room still shows its meeting, without a twin', () => {
    // The user cancelled; the room's attendant has not processed the cancellation yet.
    const o = remote({ changeKey: 'CK2' });
    const cancelled = stored(remote(), { status: 'cancelled', source: 'app', meetingCancelled: true });
    expect(reconcile([o], [cancelled])).toEqual({ create: [], update: [], cancel: [], unchanged: 1 });
  });

  it('keeps one booking per meeting and cancels a stored duplicate', () => {
    const o = remote();
    const plan = reconcile([o], [stored(o, { id: 'first' }), stored(o, { id: 'twin' })]);
    expect(plan.create).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.cancel).toEqual([{ bookingId: 'twin', reason: 'removed-from-room-calendar' }]);
  });

  describe('recurring series', () => {
    const monday = at('2026-05-04T08:00:00Z');
    const occurrence = (week: number, overrides: Partial<RemoteOccurrence> = {}): RemoteOccurrence => {
      const originalStart = new Date(monday.getTime() + week * 7 * 86_400_000);
      return remote({
        originalStart,
        start: originalStart,
        end: new Date(originalStart.getTime() + 3_600_000),
        itemId: `OCC-${week}`,
        recurringMasterId: 'MASTER',
        ...overrides,
      });
    };

    it('matches occurrences by original start, so a moved occurrence updates its own booking only', () => {
      const series = [0, 1, 2].map((w) => occurrence(w));
      const store = series.map((o) => stored(o));
      const moved = occurrence(1, {
        start: at('2026-05-12T13:00:00Z'),
        end: at('2026-05-12T14:00:00Z'),
        changeKey: 'CK9',
      });
      const plan = reconcile([series[0]!, moved, series[2]!], store);
      expect(plan.update.map((u) => u.bookingId)).toEqual([store[1]!.id]);
      expect(plan.update[0]?.fields.start).toEqual(at('2026-05-12T13:00:00Z'));
      expect(plan.unchanged).toBe(2);
    });

    it('cancels only the deleted occurrence', () => {
      const series = [0, 1, 2].map((w) => occurrence(w));
      const store = series.map((o) => stored(o));
      const plan = reconcile([series[0]!, series[2]!], store);
      expect(plan.cancel).toEqual([{ bookingId: store[1]!.id, reason: 'removed-from-room-calendar' }]);
      expect(plan.create).toEqual([]);
    });

    it('treats the single meeting and the occurrences of the same meeting id as different instances', () => {
      const single = remote();
      const plan = reconcile([occurrence(0)], [stored(single)]);
      expect(plan.create).toHaveLength(1);
      expect(plan.cancel).toHaveLength(1);
    });
  });
});
