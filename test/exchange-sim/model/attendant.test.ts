import { afterEach, describe, expect, it } from '@jest/globals';
import type { ExchangeModel } from './index';
import { T, at, calendarOf, hour, meeting, newModel, responseOf } from './testSeed';

let model: ExchangeModel;
afterEach(() => model.dispose());

function organizerItem(uid: string) {
  const item = calendarOf(model, T.alice).find((i) => i.uid === uid);
  if (!item) throw new Error('organizer item missing');
  return item;
}

describe('resource booking attendant', () => {
  it('accepts a free room: stripped room copy, organizer sees Accept, all copies share UID and clean goid', async () => {
    model = newModel();
    const created = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, {
        subject: 'Secret plans',
        sensitivity: 'Private',
        requiredAttendees: [{ emailAddress: T.bob }, { emailAddress: T.room1 }],
      }),
      'SendToAllAndSaveCopy',
    );
    expect(responseOf(created, T.room1)).toBe('Unknown');
    expect(calendarOf(model, T.room1)).toHaveLength(0);
    await model.whenIdle();
    const [roomCopy] = calendarOf(model, T.room1);
    expect(roomCopy).toMatchObject({
      subject: 'Alice Adams',
      body: { value: '' },
      sensitivity: 'Normal',
      myResponseType: 'Accept',
      legacyFreeBusyStatus: 'Busy',
    });
    expect(roomCopy?.uid).toBe(created.uid);
    expect(roomCopy?.cleanGlobalObjectId).toBe(created.cleanGlobalObjectId);
    expect(roomCopy?.itemId.id).not.toBe(created.itemId.id);
    const org = organizerItem(created.uid);
    expect(responseOf(org, T.room1)).toBe('Accept');
    expect(org.itemId.changeKey).not.toBe(created.itemId.changeKey);
    const [bobCopy] = calendarOf(model, T.bob);
    expect(bobCopy).toMatchObject({
      subject: 'Secret plans',
      myResponseType: 'NoResponseReceived',
      legacyFreeBusyStatus: 'Tentative',
      uid: created.uid,
    });
  });

  it('a meeting saved without sending (SendToNone) reaches nobody until an update sends it to everyone', async () => {
    model = newModel();
    const saved = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, {
        subject: 'Saved only',
        requiredAttendees: [{ emailAddress: T.bob }, { emailAddress: T.room1 }],
      }),
      'SendToNone',
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(0);
    expect(calendarOf(model, T.bob)).toHaveLength(0);
    expect(organizerItem(saved.uid).meetingRequestWasSent).toBe(false);

    // Another save without sending changes nothing for the attendees either.
    const resaved = model.updateItem(
      T.alice,
      { kind: 'item', id: saved.itemId.id, changeKey: saved.itemId.changeKey },
      [{ op: 'set', target: { fieldUri: 'calendar:Location' }, value: { location: 'Room 1' } }],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToNone' },
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(0);

    // Send: an update that asks to send to only the changed attendees still sends a never-sent meeting to all.
    model.updateItem(
      T.alice,
      { kind: 'item', id: resaved.itemId.id, changeKey: resaved.itemId.changeKey },
      [{ op: 'set', target: { fieldUri: 'item:Importance' }, value: { importance: 'High' } }],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToChangedAndSaveCopy' },
    );
    await model.whenIdle();
    const [roomCopy] = calendarOf(model, T.room1);
    expect(roomCopy?.cleanGlobalObjectId).toBe(saved.cleanGlobalObjectId);
    expect(roomCopy?.myResponseType).toBe('Accept');
    expect(calendarOf(model, T.bob)).toHaveLength(1);
    expect(organizerItem(saved.uid).meetingRequestWasSent).toBe(true);
    expect(responseOf(organizerItem(saved.uid), T.room1)).toBe('Accept');
  });

  const declines: { name: string; settings?: Record<string, unknown>; input: () => ReturnType<typeof meeting> }[] = [
    {
      name: 'outside the 180-day booking window',
      input: () => meeting('2026-12-15T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.room1 }] }),
    },
    {
      name: 'longer than MaximumDurationInMinutes',
      input: () => meeting('2026-06-10T09:00:00Z', 25, { requiredAttendees: [{ emailAddress: T.room1 }] }),
    },
    {
      name: 'recurring when AllowRecurringMeetings is false',
      settings: { allowRecurringMeetings: false },
      input: () =>
        meeting('2026-06-10T09:00:00Z', 1, {
          resources: [{ emailAddress: T.room1 }],
          recurrence: {
            pattern: { kind: 'Daily', interval: 1 },
            range: { kind: 'Numbered', startDate: '2026-06-10', numberOfOccurrences: 3 },
          },
        }),
    },
    {
      name: 'a NoEnd series under EnforceSchedulingHorizon',
      input: () =>
        meeting('2026-06-10T09:00:00Z', 1, {
          optionalAttendees: [{ emailAddress: T.room1 }],
          recurrence: {
            pattern: { kind: 'Weekly', interval: 1, daysOfWeek: ['Wednesday'] },
            range: { kind: 'NoEnd', startDate: '2026-06-10' },
          },
        }),
    },
  ];
  it.each(declines)('declines $name: nothing lands in the room calendar', async ({ settings, input }) => {
    model = newModel(settings ? { attendant: { [T.room1]: settings } } : {});
    const created = model.createCalendarItem(T.alice, undefined, input(), 'SendToAllAndSaveCopy');
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(0);
    expect(responseOf(organizerItem(created.uid), T.room1)).toBe('Decline');
  });

  it('declines on conflict and accepts when AllowConflicts is set', async () => {
    model = newModel();
    model.createCalendarItem(
      T.bob,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    const second = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:30:00Z', 1, { requiredAttendees: [{ emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(1);
    expect(responseOf(organizerItem(second.uid), T.room1)).toBe('Decline');
    model.setCalendarProcessing(T.room1, { allowConflicts: true });
    const third = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:45:00Z', 1, { requiredAttendees: [{ emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(2);
    expect(responseOf(organizerItem(third.uid), T.room1)).toBe('Accept');
  });

  const series = meeting('2026-06-08T09:00:00Z', 1, {
    requiredAttendees: [{ emailAddress: T.room1 }],
    recurrence: {
      pattern: { kind: 'Daily', interval: 1 },
      range: { kind: 'Numbered', startDate: '2026-06-08', numberOfOccurrences: 5 },
    },
  });
  it.each([
    { name: 'declined as a whole under the defaults', settings: {}, accepted: false },
    {
      name: 'accepted with the conflicting occurrence declined when thresholds allow',
      settings: { maximumConflictInstances: 1, conflictPercentageAllowed: 25 },
      accepted: true,
    },
  ])('a series with one conflicting occurrence is $name', async ({ settings, accepted }) => {
    model = newModel({ attendant: { [T.room1]: settings } });
    model.createCalendarItem(
      T.svc,
      { kind: 'distinguished', name: 'calendar' },
      meeting('2026-06-10T09:30:00Z', 1),
      'SendToNone',
    );
    model.createCalendarItem(
      T.room1,
      undefined,
      meeting('2026-06-10T09:30:00Z', 1, { subject: 'Blocked' }),
      'SendToNone',
    );
    const created = model.createCalendarItem(T.alice, undefined, series, 'SendToAllAndSaveCopy');
    await model.whenIdle();
    const roomSeries = calendarOf(model, T.room1).filter((i) => i.uid === created.uid);
    expect(roomSeries).toHaveLength(accepted ? 1 : 0);
    expect(responseOf(organizerItem(created.uid), T.room1)).toBe(accepted ? 'Accept' : 'Decline');
    if (accepted) {
      expect(roomSeries[0]?.deletedOccurrences?.map((d) => new Date(d.start).toISOString())).toEqual([
        '2026-06-10T09:00:00.000Z',
      ]);
      const view = model.findItems(T.room1, {
        folder: { kind: 'distinguished', name: 'calendar' },
        view: { kind: 'calendar', start: at('2026-06-08T00:00:00Z'), end: at('2026-06-13T00:00:00Z') },
      });
      expect(view.items.filter((i) => i.uid === created.uid)).toHaveLength(4);
    }
  });

  it('a move into a conflict is declined and removes the room copy', async () => {
    model = newModel();
    model.createCalendarItem(
      T.room1,
      undefined,
      meeting('2026-06-10T14:00:00Z', 1, { subject: 'Blocked' }),
      'SendToNone',
    );
    const created = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(2);
    const current = organizerItem(created.uid);
    model.updateItem(
      T.alice,
      { kind: 'item', id: current.itemId.id, changeKey: current.itemId.changeKey },
      [
        { op: 'set', target: { fieldUri: 'calendar:Start' }, value: { start: at('2026-06-10T14:30:00Z') } },
        { op: 'set', target: { fieldUri: 'calendar:End' }, value: { end: at('2026-06-10T15:30:00Z') } },
      ],
      { conflictResolution: 'AutoResolve', sendMode: 'SendToAllAndSaveCopy' },
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1).map((i) => i.subject)).toEqual(['Blocked']);
    expect(responseOf(organizerItem(created.uid), T.room1)).toBe('Decline');
  });

  it('a room swap cancels the old room copy and books the new room', async () => {
    model = newModel();
    const created = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { resources: [{ emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    const current = organizerItem(created.uid);
    model.updateItem(
      T.alice,
      { kind: 'item', id: current.itemId.id },
      [{ op: 'set', target: { fieldUri: 'calendar:Resources' }, value: { resources: [{ emailAddress: T.room2 }] } }],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToAllAndSaveCopy' },
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(0);
    expect(calendarOf(model, T.room2).map((i) => i.uid)).toEqual([created.uid]);
    expect(responseOf(organizerItem(created.uid), T.room2)).toBe('Accept');
  });

  it('uninviting a room (attendees set without it) removes its copy', async () => {
    model = newModel();
    const created = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.bob }, { emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    model.updateItem(
      T.alice,
      { kind: 'item', id: created.itemId.id },
      [
        {
          op: 'set',
          target: { fieldUri: 'calendar:RequiredAttendees' },
          value: { requiredAttendees: [{ emailAddress: T.bob }] },
        },
      ],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToAllAndSaveCopy' },
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(0);
    expect(calendarOf(model, T.bob)).toHaveLength(1);
  });

  it('a cancellation removes the room copy and marks attendee copies cancelled', async () => {
    model = newModel();
    const created = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.bob }, { emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    model.cancelCalendarItem(
      T.alice,
      { kind: 'item', id: organizerItem(created.uid).itemId.id },
      { mode: 'SendToAllAndSaveCopy' },
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room1)).toHaveLength(0);
    expect(calendarOf(model, T.alice)).toHaveLength(0);
    expect(calendarOf(model, T.bob)[0]).toMatchObject({ isCancelled: true, subject: 'Canceled: Planning' });
  });

  it('AutoUpdate leaves the request tentative until a delegate answers', async () => {
    model = newModel({ attendant: { [T.room3]: { automateProcessing: 'AutoUpdate', resourceDelegates: [T.bob] } } });
    const created = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.room3 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    const [roomCopy] = calendarOf(model, T.room3);
    expect(roomCopy).toMatchObject({
      subject: 'Planning',
      legacyFreeBusyStatus: 'Tentative',
      myResponseType: 'NoResponseReceived',
    });
    expect(responseOf(organizerItem(created.uid), T.room3)).toBe('Unknown');
    model.respondToItem(T.room3, { kind: 'item', id: roomCopy?.itemId.id ?? '' }, 'Accept', {
      mode: 'SendToAllAndSaveCopy',
    });
    expect(responseOf(organizerItem(created.uid), T.room3)).toBe('Accept');
    expect(calendarOf(model, T.room3)[0]?.legacyFreeBusyStatus).toBe('Busy');
  });

  it('AutomateProcessing None leaves the request unanswered and the room calendar empty', async () => {
    model = newModel({ attendant: { [T.room2]: { automateProcessing: 'None' } } });
    const created = model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { resources: [{ emailAddress: T.room2 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    expect(calendarOf(model, T.room2)).toHaveLength(0);
    expect(responseOf(organizerItem(created.uid), T.room2)).toBe('Unknown');
    expect(model.attendantLog().map((l) => l.answer)).toEqual(['Ignored']);
  });

  it('answers only after the configured delay', async () => {
    model = newModel();
    model.setAttendantDelayMs(80);
    const started = Date.now();
    model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { resources: [{ emailAddress: T.room2 }] }),
      'SendToAllAndSaveCopy',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calendarOf(model, T.room2)).toHaveLength(0);
    await model.whenIdle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(calendarOf(model, T.room2)).toHaveLength(1);
  });

  it('a direct impersonated write into a room calendar is stored even when it overlaps', async () => {
    model = newModel();
    model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.room1 }] }),
      'SendToAllAndSaveCopy',
    );
    await model.whenIdle();
    const direct = model.createCalendarItem(
      T.room1,
      undefined,
      meeting('2026-06-10T09:15:00Z', 1, { subject: 'Direct' }),
      'SendToNone',
    );
    await model.whenIdle();
    const items = calendarOf(model, T.room1);
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.itemId.id === direct.itemId.id)).toMatchObject({
      subject: 'Direct',
      myResponseType: 'Organizer',
    });
    expect(model.attendantLog().filter((l) => l.answer !== 'Accept')).toEqual([]);
  });

  it('moving one occurrence into a conflict declines only that occurrence', async () => {
    model = newModel();
    model.createCalendarItem(
      T.room1,
      undefined,
      meeting('2026-06-09T15:00:00Z', 1, { subject: 'Blocked' }),
      'SendToNone',
    );
    const created = model.createCalendarItem(T.alice, undefined, series, 'SendToAllAndSaveCopy');
    await model.whenIdle();
    expect(responseOf(organizerItem(created.uid), T.room1)).toBe('Accept');
    model.updateItem(
      T.alice,
      { kind: 'occurrence', recurringMasterId: created.itemId.id, instanceIndex: 2 },
      [
        { op: 'set', target: { fieldUri: 'calendar:Start' }, value: { start: at('2026-06-09T15:00:00Z') } },
        { op: 'set', target: { fieldUri: 'calendar:End' }, value: { end: at('2026-06-09T15:00:00Z') + hour } },
      ],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToAllAndSaveCopy' },
    );
    await model.whenIdle();
    const roomSeries = calendarOf(model, T.room1).find((i) => i.uid === created.uid);
    expect(roomSeries?.deletedOccurrences?.map((d) => new Date(d.start).toISOString())).toEqual([
      '2026-06-09T09:00:00.000Z',
    ]);
    expect(responseOf(organizerItem(created.uid), T.room1)).toBe('Accept');
  });
});
