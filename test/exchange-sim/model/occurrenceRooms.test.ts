import { afterEach, describe, expect, it } from '@jest/globals';
import type { CalendarItem, FieldChange, ItemRef } from './api';
import type { ExchangeModel } from './index';
import { T, at, calendarOf, hour, meeting, newModel, responseOf } from './testSeed';

/** Room changes on one occurrence of a series reach the rooms as that occurrence only. */

let model: ExchangeModel;
afterEach(() => model.dispose());

const calendar = { kind: 'distinguished', name: 'calendar' } as const;
const FIRST = '2026-06-08T09:00:00Z';
const SECOND = at('2026-06-09T09:00:00Z');
const series = meeting(FIRST, 1, {
  subject: 'Daily stand-up',
  requiredAttendees: [{ emailAddress: T.bob }],
  resources: [{ emailAddress: T.room1 }],
  recurrence: {
    pattern: { kind: 'Daily', interval: 1 },
    range: { kind: 'Numbered', startDate: '2026-06-08', numberOfOccurrences: 5 },
  },
});

async function bookSeries(): Promise<CalendarItem> {
  const created = model.createCalendarItem(T.alice, undefined, series, 'SendToAllAndSaveCopy');
  await model.whenIdle();
  return created;
}

function second(master: CalendarItem): ItemRef {
  return { kind: 'occurrence', recurringMasterId: master.itemId.id, instanceIndex: 2 };
}

async function updateOccurrence(master: CalendarItem, changes: FieldChange[]): Promise<void> {
  model.updateItem(T.alice, second(master), changes, {
    conflictResolution: 'AlwaysOverwrite',
    sendMode: 'SendToAllAndSaveCopy',
  });
  await model.whenIdle();
}

const setResources = (...emails: string[]): FieldChange => ({
  op: 'set',
  target: { fieldUri: 'calendar:Resources' },
  value: { resources: emails.map((emailAddress) => ({ emailAddress })) },
});

/** Starts (ISO) of what a CalendarView of the mailbox shows in the series' week. */
function viewStarts(smtp: string): string[] {
  const view = model.findItems(smtp, {
    folder: calendar,
    view: { kind: 'calendar', start: at('2026-06-08T00:00:00Z'), end: at('2026-06-13T00:00:00Z') },
  });
  return view.items.map((i) => new Date(i.start).toISOString());
}

function organizerException(master: CalendarItem): CalendarItem {
  return model.getItem(T.alice, second(master));
}

function heldBy(smtp: string, uid: string): CalendarItem[] {
  return calendarOf(model, smtp).filter((i) => i.uid === uid);
}

const ALL_STARTS = [
  '2026-06-08T09:00:00.000Z',
  '2026-06-09T09:00:00.000Z',
  '2026-06-10T09:00:00.000Z',
  '2026-06-11T09:00:00.000Z',
  '2026-06-12T09:00:00.000Z',
];
const WITHOUT_SECOND = ALL_STARTS.filter((s) => s !== '2026-06-09T09:00:00.000Z');

describe('changing the room of one occurrence', () => {
  it('moves that occurrence alone: room B accepts a single item, room A loses the occurrence', async () => {
    model = newModel();
    const master = await bookSeries();
    await updateOccurrence(master, [setResources(T.room2)]);

    const [roomACopy, ...moreA] = heldBy(T.room1, master.uid);
    expect(moreA).toEqual([]);
    expect(roomACopy?.calendarItemType).toBe('RecurringMaster');
    expect(roomACopy?.deletedOccurrences?.map((d) => d.start)).toEqual([SECOND]);
    expect(viewStarts(T.room1)).toEqual(WITHOUT_SECOND);

    const [roomBCopy, ...moreB] = heldBy(T.room2, master.uid);
    expect(moreB).toEqual([]);
    expect(roomBCopy).toMatchObject({
      calendarItemType: 'Single',
      recurrenceId: SECOND,
      start: SECOND,
      end: SECOND + hour,
      cleanGlobalObjectId: master.cleanGlobalObjectId,
      myResponseType: 'Accept',
      legacyFreeBusyStatus: 'Busy',
      subject: 'Alice Adams',
    });
    // The dated global object id identifies the occurrence, the clean one the series.
    expect(roomBCopy?.globalObjectId).toBe(organizerException(master).globalObjectId);
    expect(roomBCopy?.globalObjectId).not.toBe(master.cleanGlobalObjectId);
    expect(viewStarts(T.room2)).toEqual(['2026-06-09T09:00:00.000Z']);

    const exception = organizerException(master);
    expect(exception.calendarItemType).toBe('Exception');
    expect(responseOf(exception, T.room2)).toBe('Accept');
    expect(responseOf(exception, T.room1)).toBeUndefined();
    expect(model.attendantLog().slice(-2)).toEqual(
      expect.arrayContaining([
        { room: T.room1, uid: master.uid, answer: 'Cancelled' },
        { room: T.room2, uid: master.uid, answer: 'Accept' },
      ]),
    );
    // Bob stays on the occurrence: his copy of the series keeps all five.
    expect(viewStarts(T.bob)).toEqual(ALL_STARTS);
  });

  it('room B declines the occurrence when it is already booked then', async () => {
    model = newModel();
    model.createCalendarItem(T.room2, undefined, meeting('2026-06-09T09:30:00Z', 1, { subject: 'Held' }), 'SendToNone');
    const master = await bookSeries();
    await updateOccurrence(master, [setResources(T.room2)]);

    expect(heldBy(T.room2, master.uid)).toEqual([]);
    expect(responseOf(organizerException(master), T.room2)).toBe('Decline');
    expect(viewStarts(T.room1)).toEqual(WITHOUT_SECOND);
  });

  it('adding a room to one occurrence books that occurrence only; the series room keeps everything', async () => {
    model = newModel();
    const master = await bookSeries();
    await updateOccurrence(master, [
      {
        op: 'append',
        target: { fieldUri: 'calendar:Resources' },
        value: { resources: [{ emailAddress: T.room3 }] },
      },
    ]);

    expect(viewStarts(T.room1)).toEqual(ALL_STARTS);
    expect(heldBy(T.room1, master.uid)[0]?.deletedOccurrences).toBeUndefined();
    expect(heldBy(T.room3, master.uid).map((i) => [i.calendarItemType, i.recurrenceId])).toEqual([['Single', SECOND]]);
    const exception = organizerException(master);
    expect(responseOf(exception, T.room1)).toBe('Accept');
    expect(responseOf(exception, T.room3)).toBe('Accept');
  });

  it('removing the room from one occurrence frees the room for that occurrence only', async () => {
    model = newModel();
    const master = await bookSeries();
    await updateOccurrence(master, [{ op: 'delete', target: { fieldUri: 'calendar:Resources' } }]);

    expect(viewStarts(T.room1)).toEqual(WITHOUT_SECOND);
    expect(viewStarts(T.bob)).toEqual(ALL_STARTS);
  });

  it('later changes and the deletion of that occurrence reach the single item', async () => {
    model = newModel();
    const master = await bookSeries();
    await updateOccurrence(master, [setResources(T.room2)]);
    const later = SECOND + 2 * hour;
    await updateOccurrence(master, [
      { op: 'set', target: { fieldUri: 'calendar:Start' }, value: { start: later } },
      { op: 'set', target: { fieldUri: 'calendar:End' }, value: { end: later + hour } },
    ]);
    expect(heldBy(T.room2, master.uid).map((i) => [i.start, i.recurrenceId])).toEqual([[later, SECOND]]);

    model.deleteItem(T.alice, second(master), {
      deleteType: 'HardDelete',
      sendMeetingCancellations: 'SendToAllAndSaveCopy',
    });
    await model.whenIdle();
    expect(heldBy(T.room2, master.uid)).toEqual([]);
    expect(viewStarts(T.room1)).toEqual(WITHOUT_SECOND);
  });

  it('a person added to one occurrence gets a copy of that occurrence alone', async () => {
    model = newModel();
    const master = await bookSeries();
    await updateOccurrence(master, [
      {
        op: 'append',
        target: { fieldUri: 'calendar:RequiredAttendees' },
        value: { requiredAttendees: [{ emailAddress: T.svc }] },
      },
    ]);
    expect(heldBy(T.svc, master.uid).map((i) => [i.calendarItemType, i.recurrenceId, i.myResponseType])).toEqual([
      ['Single', SECOND, 'NoResponseReceived'],
    ]);
    expect(viewStarts(T.svc)).toEqual(['2026-06-09T09:00:00.000Z']);
  });

  it('cancelling the series also cancels the copies of that occurrence alone', async () => {
    model = newModel();
    const master = await bookSeries();
    await updateOccurrence(master, [
      setResources(T.room2),
      {
        op: 'append',
        target: { fieldUri: 'calendar:RequiredAttendees' },
        value: { requiredAttendees: [{ emailAddress: T.svc }] },
      },
    ]);
    expect(heldBy(T.room2, master.uid)).toHaveLength(1);
    model.cancelCalendarItem(T.alice, { kind: 'item', id: master.itemId.id }, { mode: 'SendToAllAndSaveCopy' });
    await model.whenIdle();

    expect(heldBy(T.room1, master.uid)).toEqual([]);
    expect(heldBy(T.room2, master.uid)).toEqual([]);
    expect(heldBy(T.svc, master.uid).map((i) => [i.isCancelled, i.recurrenceId])).toEqual([[true, SECOND]]);
  });
});
