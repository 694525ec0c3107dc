import { afterEach, describe, expect, it } from '@jest/globals';
import type { SyncChange } from './api';
import type { ExchangeModel } from './index';
import { T, errorCode, meeting, newModel } from './testSeed';

let model: ExchangeModel;
afterEach(() => model.dispose());
const calendar = { kind: 'distinguished', name: 'calendar' } as const;

function kinds(changes: readonly SyncChange[]): string[] {
  return changes.map((c) => c.kind);
}

function syncAll(
  actor: string,
  state: string | undefined,
  max = 512,
): { state: string; changes: SyncChange[]; pages: number } {
  const changes: SyncChange[] = [];
  let pages = 0;
  for (;;) {
    const page = model.syncFolderItems(actor, {
      folder: calendar,
      maxChangesReturned: max,
      ...(state ? { syncState: state } : {}),
    });
    pages += 1;
    changes.push(...page.changes);
    state = page.syncState;
    if (page.includesLastItemInRange) return { state, changes, pages };
  }
}

describe('SyncFolderItems', () => {
  it('returns every item as Create first, pages by MaxChangesReturned, then nothing', () => {
    model = newModel();
    for (let i = 0; i < 7; i++)
      model.createCalendarItem(T.alice, calendar, meeting(`2026-06-1${i}T09:00:00Z`, 1), 'SendToNone');
    const first = syncAll(T.alice, undefined, 3);
    expect([first.pages, first.changes.length, new Set(kinds(first.changes))]).toEqual([3, 7, new Set(['Create'])]);
    const again = model.syncFolderItems(T.alice, { folder: calendar, syncState: first.state, maxChangesReturned: 10 });
    expect([again.changes.length, again.includesLastItemInRange]).toEqual([0, true]);
  });

  it.each([
    { name: 'created then updated', steps: ['create', 'update'], expected: ['Create'] },
    { name: 'created then deleted', steps: ['create', 'delete'], expected: [] },
    { name: 'existing updated twice', steps: ['sync', 'update', 'update'], expected: ['Update'] },
    { name: 'existing deleted', steps: ['sync', 'update', 'delete'], expected: ['Delete'] },
  ])('collapses changes per item: $name', ({ steps, expected }) => {
    model = newModel();
    let state: string | undefined;
    let id = '';
    const create = (): void => {
      id = model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone').itemId.id;
    };
    if (steps[0] === 'sync') {
      create();
      state = syncAll(T.alice, undefined).state;
    }
    for (const step of steps) {
      if (step === 'create') create();
      if (step === 'update')
        model.updateItem(
          T.alice,
          { kind: 'item', id },
          [{ op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject: 'x' } }],
          { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToNone' },
        );
      if (step === 'delete')
        model.deleteItem(
          T.alice,
          { kind: 'item', id },
          { deleteType: 'HardDelete', sendMeetingCancellations: 'SendToNone' },
        );
    }
    expect(kinds(syncAll(T.alice, state).changes)).toEqual(expected);
  });

  it('leaves ignored items out but treats them as known afterwards', () => {
    model = newModel();
    const { state } = syncAll(T.alice, undefined);
    const mine = model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    model.createCalendarItem(T.alice, calendar, meeting('2026-06-11T09:00:00Z', 1), 'SendToNone');
    const page = model.syncFolderItems(T.alice, {
      folder: calendar,
      syncState: state,
      maxChangesReturned: 10,
      ignore: [mine.itemId.id],
    });
    expect(page.changes.map((c) => (c.kind === 'Create' ? c.item.itemId.id === mine.itemId.id : 'other'))).toEqual([
      false,
    ]);
    model.deleteItem(
      T.alice,
      { kind: 'item', id: mine.itemId.id },
      { deleteType: 'HardDelete', sendMeetingCancellations: 'SendToNone' },
    );
    expect(kinds(syncAll(T.alice, page.syncState).changes)).toEqual(['Delete']);
  });

  it('shows an exception change as an Update of its master, never as an occurrence', () => {
    model = newModel();
    const master = model.createCalendarItem(
      T.alice,
      calendar,
      meeting('2026-06-10T09:00:00Z', 1, {
        recurrence: {
          pattern: { kind: 'Daily', interval: 1 },
          range: { kind: 'Numbered', startDate: '2026-06-10', numberOfOccurrences: 3 },
        },
      }),
      'SendToNone',
    );
    const { state } = syncAll(T.alice, undefined);
    model.updateItem(
      T.alice,
      { kind: 'occurrence', recurringMasterId: master.itemId.id, instanceIndex: 2 },
      [{ op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject: 'x' } }],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToNone' },
    );
    const next = syncAll(T.alice, state).changes;
    expect(next).toHaveLength(1);
    const change = next[0];
    expect(change?.kind === 'Update' ? [change.item.itemId.id, change.item.calendarItemType] : undefined).toEqual([
      master.itemId.id,
      'RecurringMaster',
    ]);
  });

  it.each([
    {
      name: 'tampered',
      mutate: (s: string) =>
        Buffer.from(Buffer.from(s, 'base64').toString('utf8').replace('"s":', '"s":1')).toString('base64'),
    },
    { name: 'garbage', mutate: () => 'not-a-state' },
    {
      name: 'invalidated by fault',
      mutate: (s: string) => {
        model.invalidateSyncStates(T.alice);
        return s;
      },
    },
    {
      name: 'issued before a reset',
      mutate: (s: string) => {
        model.reset();
        return s;
      },
    },
  ])('rejects a $name sync state with ErrorInvalidSyncStateData', ({ mutate }) => {
    model = newModel();
    model.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    const { state } = syncAll(T.alice, undefined);
    const bad = mutate(state);
    expect(
      errorCode(() => model.syncFolderItems(T.alice, { folder: calendar, syncState: bad, maxChangesReturned: 10 })),
    ).toBe('ErrorInvalidSyncStateData');
  });

  it("rejects MaxChangesReturned outside 1..512 and another mailbox's state", () => {
    model = newModel();
    expect(errorCode(() => model.syncFolderItems(T.alice, { folder: calendar, maxChangesReturned: 513 }))).toBe(
      'ErrorInvalidArgument',
    );
    const { state } = syncAll(T.alice, undefined);
    expect(
      errorCode(() => model.syncFolderItems(T.bob, { folder: calendar, syncState: state, maxChangesReturned: 10 })),
    ).toBe('ErrorInvalidSyncStateData');
  });

  // Its speed is measured by `npm run bench:exchange-sim`, not asserted here: test machines are noisy.
  it('serves a full page of 512 changes out of 1,500 and says more follow', () => {
    model = newModel();
    for (let i = 0; i < 1500; i++)
      model.createCalendarItem(
        T.alice,
        calendar,
        meeting('2026-06-10T09:00:00Z', 1, { subject: `m${i}` }),
        'SendToNone',
      );
    const page = model.syncFolderItems(T.alice, { folder: calendar, maxChangesReturned: 512 });
    expect(page.changes).toHaveLength(512);
    expect(page.includesLastItemInRange).toBe(false);
  });
});
