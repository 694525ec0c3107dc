// @timezone-sensitive
import { afterEach, describe, expect, it } from '@jest/globals';
import { CLEAN_GLOBAL_OBJECT_ID_KEY, type FieldChange } from './api';
import { decodeId } from './ids';
import type { ExchangeModel } from './index';
import { T, at, calendarOf, errorCode, hour, meeting, newModel } from './testSeed';

let model: ExchangeModel;
afterEach(() => model.dispose());
const calendar = { kind: 'distinguished', name: 'calendar' } as const;

describe('items and ids', () => {
  it('gives opaque ids per mailbox, new change keys on every change, and the master id from an occurrence', () => {
    model = newModel();
    const a = model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    const b = model.createCalendarItem(T.bob, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    expect(a.itemId.id).toMatch(/^AAMkA/);
    expect(decodeId(a.itemId.id)?.mailboxGuid).not.toBe(decodeId(b.itemId.id)?.mailboxGuid);
    const keys = new Set([a.itemId.changeKey]);
    let current = a;
    for (const subject of ['one', 'two', 'three']) {
      current = model.updateItem(
        T.alice,
        { kind: 'item', id: current.itemId.id, changeKey: current.itemId.changeKey },
        [{ op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject } }],
        { conflictResolution: 'NeverOverwrite', sendMode: 'SendToNone' },
      );
      keys.add(current.itemId.changeKey);
      expect(current.itemId.id).toBe(a.itemId.id);
    }
    expect(keys.size).toBe(4);
    expect(errorCode(() => model.getItem(T.bob, { kind: 'item', id: a.itemId.id }))).toBe('ErrorItemNotFound');
    expect(errorCode(() => model.getItem(T.alice, { kind: 'item', id: 'not base64!' }))).toBe(
      'ErrorInvalidIdMalformed',
    );
  });

  it('stores the clean global object id, UID and extended properties, findable by restriction', () => {
    model = newModel();
    const cecp = {
      key: { distinguishedPropertySetId: 'PublicStrings', propertyName: 'cecp-1234', propertyType: 'String' },
      value: '{"catering":true}',
    } as const;
    const created = model.createCalendarItem(
      T.alice,
      calendar,
      meeting('2026-06-10T09:00:00Z', 1, { extendedProperties: [cecp] }),
      'SendToNone',
    );
    model.createCalendarItem(T.alice, calendar, meeting('2026-06-11T09:00:00Z', 1), 'SendToNone');
    const byGoid = model.findItems(T.alice, {
      folder: calendar,
      restriction: {
        kind: 'IsEqualTo',
        field: { extended: CLEAN_GLOBAL_OBJECT_ID_KEY },
        value: created.cleanGlobalObjectId,
      },
    });
    expect(byGoid.items.map((i) => i.itemId.id)).toEqual([created.itemId.id]);
    const byUidOrStart = model.findItems(T.alice, {
      folder: calendar,
      restriction: {
        kind: 'Or',
        items: [
          { kind: 'IsEqualTo', field: { fieldUri: 'calendar:UID' }, value: created.uid },
          {
            kind: 'And',
            items: [
              { kind: 'IsGreaterThanOrEqualTo', field: { fieldUri: 'calendar:Start' }, value: '2026-06-11T00:00:00Z' },
              { kind: 'IsLessThan', field: { fieldUri: 'calendar:End' }, value: '2026-06-12T00:00:00Z' },
            ],
          },
        ],
      },
    });
    expect(byUidOrStart.totalItemsInView).toBe(2);
    const fetched = model.getItem(T.alice, { kind: 'item', id: created.itemId.id });
    expect(
      model.extendedPropertyValue(fetched, {
        propertySetId: '00020329-0000-0000-c000-000000000046',
        propertyName: 'cecp-1234',
        propertyType: 'String',
      })?.value,
    ).toBe('{"catering":true}');
    expect(created.uid).toMatch(/^040000008200E00074C5B7101A82E008/);
  });

  it('finds meetings by several clean global object ids, alone or with other conditions', () => {
    model = newModel();
    const made = ['one', 'two', 'three'].map((subject, i) =>
      model.createCalendarItem(T.alice, calendar, meeting(`2026-06-1${i}T09:00:00Z`, 1, { subject }), 'SendToNone'),
    );
    const byGoid = (value: string) =>
      ({ kind: 'IsEqualTo', field: { extended: CLEAN_GLOBAL_OBJECT_ID_KEY }, value }) as const;
    const unknown = Buffer.alloc(40, 7).toString('base64');
    const ofTwo = model.findItems(T.alice, {
      folder: calendar,
      restriction: {
        kind: 'Or',
        items: [byGoid(made[0]!.cleanGlobalObjectId), byGoid(made[2]!.cleanGlobalObjectId), byGoid(unknown)],
      },
    });
    expect(ofTwo.items.map((i) => i.subject).sort()).toEqual(['one', 'three']);
    expect(ofTwo.totalItemsInView).toBe(2);
    const pinnedAndSubject = (subject: string) =>
      model.findItems(T.alice, {
        folder: calendar,
        restriction: {
          kind: 'And',
          items: [
            byGoid(made[1]!.cleanGlobalObjectId),
            { kind: 'IsEqualTo', field: { fieldUri: 'item:Subject' }, value: subject },
          ],
        },
      }).items;
    expect(pinnedAndSubject('two').map((i) => i.itemId.id)).toEqual([made[1]!.itemId.id]);
    expect(pinnedAndSubject('one')).toEqual([]);
    const goidOrSubject = model.findItems(T.alice, {
      folder: calendar,
      restriction: {
        kind: 'Or',
        items: [
          byGoid(made[0]!.cleanGlobalObjectId),
          { kind: 'IsEqualTo', field: { fieldUri: 'item:Subject' }, value: 'two' },
        ],
      },
    });
    expect(goidOrSubject.items.map((i) => i.subject).sort()).toEqual(['one', 'two']);
  });

  it('pages with IndexedPageItemView', () => {
    model = newModel();
    for (let i = 0; i < 5; i++)
      model.createCalendarItem(T.alice, calendar, meeting(`2026-06-1${i}T09:00:00Z`, 1), 'SendToNone');
    const sort = [{ field: { fieldUri: 'calendar:Start' }, order: 'Ascending' }] as const;
    const first = model.findItems(T.alice, {
      folder: calendar,
      sortOrder: sort,
      view: { kind: 'indexed', offset: 0, basePoint: 'Beginning', maxEntriesReturned: 2 },
    });
    const last = model.findItems(T.alice, {
      folder: calendar,
      sortOrder: sort,
      view: { kind: 'indexed', offset: 4, basePoint: 'Beginning', maxEntriesReturned: 2 },
    });
    expect([
      first.items.length,
      first.totalItemsInView,
      first.includesLastItemInRange,
      first.indexedPagingOffset,
    ]).toEqual([2, 5, false, 2]);
    expect([last.items.length, last.includesLastItemInRange, last.indexedPagingOffset]).toEqual([1, true, 5]);
    expect(new Date(last.items[0]?.start ?? 0).toISOString()).toBe('2026-06-14T09:00:00.000Z');
  });
});

describe('UpdateItem semantics', () => {
  const table: {
    name: string;
    change: FieldChange;
    check?: (m: ExchangeModel, id: string) => unknown;
    expected?: unknown;
    error?: string;
  }[] = [
    {
      name: 'append to body',
      change: { op: 'append', target: { fieldUri: 'item:Body' }, value: { body: { type: 'Text', value: ' + more' } } },
      check: (m, id) => m.getItem(T.alice, { kind: 'item', id }).body.value,
      expected: 'Agenda + more',
    },
    {
      name: 'delete location',
      change: { op: 'delete', target: { fieldUri: 'calendar:Location' } },
      check: (m, id) => m.getItem(T.alice, { kind: 'item', id }).location,
      expected: '',
    },
    {
      name: 'append attendees',
      change: {
        op: 'append',
        target: { fieldUri: 'calendar:OptionalAttendees' },
        value: { optionalAttendees: [{ emailAddress: T.bob }] },
      },
      check: (m, id) => m.getItem(T.alice, { kind: 'item', id }).optionalAttendees.map((a) => a.mailbox.name),
      expected: ['Bob Brown'],
    },
    {
      name: 'set sensitivity',
      change: { op: 'set', target: { fieldUri: 'item:Sensitivity' }, value: { sensitivity: 'Private' } },
      check: (m, id) => m.getItem(T.alice, { kind: 'item', id }).sensitivity,
      expected: 'Private',
    },
    {
      name: 'append to subject',
      change: { op: 'append', target: { fieldUri: 'item:Subject' }, value: { subject: 'x' } },
      error: 'ErrorInvalidPropertyAppend',
    },
    {
      name: 'delete start',
      change: { op: 'delete', target: { fieldUri: 'calendar:Start' } },
      error: 'ErrorInvalidPropertyDelete',
    },
    {
      name: 'end before start',
      change: { op: 'set', target: { fieldUri: 'calendar:End' }, value: { end: at('2026-06-10T08:00:00Z') } },
      error: 'ErrorCalendarEndDateIsEarlierThanStartDate',
    },
    {
      name: 'set UID',
      change: { op: 'set', target: { fieldUri: 'calendar:UID' }, value: { uid: 'x' } },
      error: 'ErrorInvalidPropertySet',
    },
    {
      name: 'unknown time zone',
      change: {
        op: 'set',
        target: { fieldUri: 'calendar:StartTimeZone' },
        value: { startTimeZone: 'Mars Standard Time' },
      },
      error: 'ErrorTimeZone',
    },
  ];
  it.each(table)('$name', ({ change, check, expected, error }) => {
    model = newModel();
    const item = model.createCalendarItem(
      T.alice,
      calendar,
      meeting('2026-06-10T09:00:00Z', 1, { location: 'Here' }),
      'SendToNone',
    );
    const run = (): unknown =>
      model.updateItem(T.alice, { kind: 'item', id: item.itemId.id }, [change], {
        conflictResolution: 'AlwaysOverwrite',
        sendMode: 'SendToNone',
      });
    if (error) {
      expect(errorCode(run)).toBe(error);
      expect(model.getItem(T.alice, { kind: 'item', id: item.itemId.id }).itemId.changeKey).toBe(item.itemId.changeKey);
    } else {
      run();
      expect(check?.(model, item.itemId.id)).toEqual(expected);
    }
  });

  it.each([
    { resolution: 'NeverOverwrite', sameField: false, error: 'ErrorIrresolvableConflict' },
    { resolution: 'AutoResolve', sameField: true, error: 'ErrorIrresolvableConflict' },
    { resolution: 'AutoResolve', sameField: false, error: undefined },
    { resolution: 'AlwaysOverwrite', sameField: true, error: undefined },
  ] as const)(
    'stale ChangeKey with $resolution (same field: $sameField) -> $error',
    ({ resolution, sameField, error }) => {
      model = newModel();
      const item = model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
      model.updateItem(
        T.alice,
        { kind: 'item', id: item.itemId.id },
        [{ op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject: 'theirs' } }],
        { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToNone' },
      );
      const field = sameField ? { fieldUri: 'item:Subject' as const } : { fieldUri: 'calendar:Location' as const };
      const value = sameField ? { subject: 'mine' } : { location: 'mine' };
      expect(
        errorCode(() =>
          model.updateItem(
            T.alice,
            { kind: 'item', id: item.itemId.id, changeKey: item.itemId.changeKey },
            [{ op: 'set', target: field, value }],
            { conflictResolution: resolution, sendMode: 'SendToNone' },
          ),
        ),
      ).toBe(error);
    },
  );
});

describe('extended properties under AutoResolve', () => {
  it('a stale ChangeKey conflicts only when the same named property changed meanwhile', () => {
    model = newModel();
    const key = {
      distinguishedPropertySetId: 'PublicStrings',
      propertyName: 'cecp-1',
      propertyType: 'String',
    } as const;
    const other = {
      distinguishedPropertySetId: 'PublicStrings',
      propertyName: 'cecp-2',
      propertyType: 'String',
    } as const;
    const item = model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    const setProp = (k: typeof key | typeof other, value: string, changeKey?: string): unknown =>
      model.updateItem(
        T.alice,
        { kind: 'item', id: item.itemId.id, ...(changeKey ? { changeKey } : {}) },
        [{ op: 'set', target: { extended: k }, value: { extendedProperties: [{ key: k, value }] } }],
        { conflictResolution: 'AutoResolve', sendMode: 'SendToNone' },
      );
    setProp(key, 'theirs');
    expect(errorCode(() => setProp(key, 'mine', item.itemId.changeKey))).toBe('ErrorIrresolvableConflict');
    expect(errorCode(() => setProp(other, 'mine', item.itemId.changeKey))).toBeUndefined();
    const fresh = model.getItem(T.alice, { kind: 'item', id: item.itemId.id });
    expect([model.extendedPropertyValue(fresh, key)?.value, model.extendedPropertyValue(fresh, other)?.value]).toEqual([
      'theirs',
      'mine',
    ]);
  });
});

describe('recurring series', () => {
  const weekly = meeting('2026-10-19T07:00:00Z', 1, {
    recurrence: {
      pattern: { kind: 'Weekly', interval: 1, daysOfWeek: ['Monday'] },
      range: { kind: 'Numbered', startDate: '2026-10-19', numberOfOccurrences: 4 },
    },
    requiredAttendees: [{ emailAddress: T.bob }],
  });

  it('expands in a CalendarView across the DST change and honours modified and deleted occurrences', () => {
    model = newModel();
    const master = model.createCalendarItem(T.alice, calendar, weekly, 'SendToAllAndSaveCopy');
    expect(master.calendarItemType).toBe('RecurringMaster');
    model.deleteItem(
      T.alice,
      { kind: 'occurrence', recurringMasterId: master.itemId.id, instanceIndex: 3 },
      { deleteType: 'HardDelete', sendMeetingCancellations: 'SendToAllAndSaveCopy' },
    );
    const exception = model.updateItem(
      T.alice,
      { kind: 'occurrence', recurringMasterId: master.itemId.id, instanceIndex: 2 },
      [{ op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject: 'Moved' } }],
      { conflictResolution: 'AutoResolve', sendMode: 'SendToAllAndSaveCopy' },
    );
    expect(exception).toMatchObject({
      calendarItemType: 'Exception',
      subject: 'Moved',
      instanceIndex: 2,
      recurringMasterId: { id: master.itemId.id },
    });
    const view = model.findItems(T.alice, {
      folder: calendar,
      view: { kind: 'calendar', start: at('2026-10-01T00:00:00Z'), end: at('2026-12-01T00:00:00Z') },
    });
    expect(view.items.map((i) => [new Date(i.start).toISOString(), i.calendarItemType, i.subject])).toEqual([
      ['2026-10-19T07:00:00.000Z', 'Occurrence', 'Planning'],
      ['2026-10-26T08:00:00.000Z', 'Exception', 'Moved'],
      ['2026-11-09T08:00:00.000Z', 'Occurrence', 'Planning'],
    ]);
    const fresh = model.getItem(T.alice, { kind: 'item', id: master.itemId.id });
    expect(fresh.modifiedOccurrences).toHaveLength(1);
    expect(fresh.deletedOccurrences?.map((d) => new Date(d.start).toISOString())).toEqual(['2026-11-02T08:00:00.000Z']);
    expect(new Date(fresh.lastOccurrence?.start ?? 0).toISOString()).toBe('2026-11-09T08:00:00.000Z');
    const bobView = model.findItems(T.bob, {
      folder: calendar,
      view: { kind: 'calendar', start: at('2026-10-01T00:00:00Z'), end: at('2026-12-01T00:00:00Z') },
    });
    expect(bobView.items.map((i) => i.subject)).toEqual(['Planning', 'Moved', 'Planning']);
    expect(
      model.getItem(T.alice, { kind: 'recurringMaster', occurrenceId: view.items[0]?.itemId.id ?? '' }).itemId.id,
    ).toBe(master.itemId.id);
    expect(view.items[0]?.globalObjectId).not.toBe(view.items[0]?.cleanGlobalObjectId);
  });

  it('finds an exception moved far from its original date in a CalendarView and in free/busy', () => {
    model = newModel();
    const monthly = model.createCalendarItem(
      T.room1,
      calendar,
      meeting('2026-06-01T09:00:00Z', 1, {
        recurrence: {
          pattern: { kind: 'AbsoluteMonthly', interval: 1, dayOfMonth: 1 },
          range: { kind: 'Numbered', startDate: '2026-06-01', numberOfOccurrences: 3 },
        },
      }),
      'SendToNone',
    );
    model.updateItem(
      T.room1,
      { kind: 'occurrence', recurringMasterId: monthly.itemId.id, instanceIndex: 2 },
      [
        { op: 'set', target: { fieldUri: 'calendar:Start' }, value: { start: at('2026-07-20T09:00:00Z') } },
        { op: 'set', target: { fieldUri: 'calendar:End' }, value: { end: at('2026-07-20T10:00:00Z') } },
      ],
      { conflictResolution: 'AutoResolve', sendMode: 'SendToNone' },
    );
    const window = { start: at('2026-07-18T00:00:00Z'), end: at('2026-07-22T00:00:00Z') };
    const view = model.findItems(T.room1, { folder: calendar, view: { kind: 'calendar', ...window } });
    expect(view.items.map((i) => [i.calendarItemType, new Date(i.recurrenceId ?? 0).toISOString()])).toEqual([
      ['Exception', '2026-07-01T09:00:00.000Z'],
    ]);
    const [fb] = model.getUserAvailability({
      requester: T.svc,
      mailboxes: [{ email: T.room1 }],
      view: 'FreeBusy',
      ...window,
    });
    expect(fb?.calendarEvents).toHaveLength(1);
  });

  it.each([
    { name: 'index out of range', index: 9, error: 'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange' },
    { name: 'deleted occurrence', index: 3, error: 'ErrorCalendarOccurrenceIsDeletedFromRecurrence' },
  ])('OccurrenceItemId: $name', ({ index, error }) => {
    model = newModel();
    const master = model.createCalendarItem(T.alice, calendar, weekly, 'SendToNone');
    model.deleteItem(
      T.alice,
      { kind: 'occurrence', recurringMasterId: master.itemId.id, instanceIndex: 3 },
      { deleteType: 'HardDelete', sendMeetingCancellations: 'SendToNone' },
    );
    expect(
      errorCode(() =>
        model.getItem(T.alice, { kind: 'occurrence', recurringMasterId: master.itemId.id, instanceIndex: index }),
      ),
    ).toBe(error);
  });

  it('refuses to move an occurrence past its neighbour and views longer than two years', () => {
    model = newModel();
    const master = model.createCalendarItem(T.alice, calendar, weekly, 'SendToNone');
    expect(
      errorCode(() =>
        model.updateItem(
          T.alice,
          { kind: 'occurrence', recurringMasterId: master.itemId.id, instanceIndex: 1 },
          [
            { op: 'set', target: { fieldUri: 'calendar:Start' }, value: { start: at('2026-10-26T10:00:00Z') } },
            { op: 'set', target: { fieldUri: 'calendar:End' }, value: { end: at('2026-10-26T10:00:00Z') + hour } },
          ],
          { conflictResolution: 'AutoResolve', sendMode: 'SendToNone' },
        ),
      ),
    ).toBe('ErrorOccurrenceCrossingBoundary');
    expect(
      errorCode(() =>
        model.findItems(T.alice, {
          folder: calendar,
          view: { kind: 'calendar', start: at('2026-01-01T00:00:00Z'), end: at('2028-01-02T00:00:00Z') },
        }),
      ),
    ).toBe('ErrorCalendarViewRangeTooBig');
    const limited = model.findItems(T.alice, {
      folder: calendar,
      view: {
        kind: 'calendar',
        start: at('2026-01-01T00:00:00Z'),
        end: at('2027-01-01T00:00:00Z'),
        maxEntriesReturned: 2,
      },
    });
    expect([limited.items.length, limited.includesLastItemInRange, limited.totalItemsInView]).toEqual([2, false, 4]);
  });
});

describe('deleting and responding', () => {
  it.each([
    { deleteType: 'MoveToDeletedItems', inDeletedItems: 1 },
    { deleteType: 'SoftDelete', inDeletedItems: 0 },
    { deleteType: 'HardDelete', inDeletedItems: 0 },
  ] as const)('$deleteType', ({ deleteType, inDeletedItems }) => {
    model = newModel();
    const item = model.createCalendarItem(
      T.alice,
      calendar,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.bob }] }),
      'SendToAllAndSaveCopy',
    );
    model.deleteItem(
      T.alice,
      { kind: 'item', id: item.itemId.id },
      { deleteType, sendMeetingCancellations: 'SendToAllAndSaveCopy' },
    );
    expect(calendarOf(model, T.alice)).toHaveLength(0);
    expect(model.getFolder(T.alice, { kind: 'distinguished', name: 'deleteditems' }).totalCount).toBe(inDeletedItems);
    expect(calendarOf(model, T.bob)[0]?.isCancelled).toBe(true);
    expect(errorCode(() => model.getItem(T.alice, { kind: 'item', id: item.itemId.id }))).toBe('ErrorItemNotFound');
  });

  it.each([
    { response: 'Accept', myResponse: 'Accept', bobHasIt: true },
    { response: 'Tentative', myResponse: 'Tentative', bobHasIt: true },
    { response: 'Decline', myResponse: undefined, bobHasIt: false },
  ] as const)('attendee $response is tracked on the organizer item', ({ response, myResponse, bobHasIt }) => {
    model = newModel();
    const item = model.createCalendarItem(
      T.alice,
      calendar,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.bob }] }),
      'SendToAllAndSaveCopy',
    );
    const bobCopy = calendarOf(model, T.bob)[0];
    model.respondToItem(T.bob, { kind: 'item', id: bobCopy?.itemId.id ?? '' }, response, {
      mode: 'SendToAllAndSaveCopy',
    });
    expect(calendarOf(model, T.bob).length > 0).toBe(bobHasIt);
    expect(calendarOf(model, T.bob)[0]?.myResponseType).toBe(myResponse);
    expect(model.getItem(T.alice, { kind: 'item', id: item.itemId.id }).requiredAttendees[0]?.responseType).toBe(
      response,
    );
    expect(
      errorCode(() =>
        model.respondToItem(T.alice, { kind: 'item', id: item.itemId.id }, response, { mode: 'SendToNone' }),
      ),
    ).toBe(`ErrorCalendarIsOrganizerFor${response}`);
  });

  it('only the organizer may cancel', () => {
    model = newModel();
    model.createCalendarItem(
      T.alice,
      calendar,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.bob }] }),
      'SendToAllAndSaveCopy',
    );
    const bobCopy = calendarOf(model, T.bob)[0];
    expect(
      errorCode(() =>
        model.cancelCalendarItem(
          T.bob,
          { kind: 'item', id: bobCopy?.itemId.id ?? '' },
          { mode: 'SendToAllAndSaveCopy' },
        ),
      ),
    ).toBe('ErrorCalendarIsNotOrganizer');
  });
});
