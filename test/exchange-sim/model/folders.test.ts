import { afterEach, describe, expect, it } from '@jest/globals';
import type { ExchangeModel } from './index';
import { T, calendarOf, errorCode, meeting, newModel } from './testSeed';

let model: ExchangeModel;
afterEach(() => model.dispose());

describe('folders', () => {
  it.each([
    { name: 'calendar', displayName: 'Calendar', folderClass: 'IPF.Appointment', parent: 'msgfolderroot' },
    { name: 'inbox', displayName: 'Inbox', folderClass: 'IPF.Note', parent: 'msgfolderroot' },
    { name: 'deleteditems', displayName: 'Deleted Items', folderClass: 'IPF.Note', parent: 'msgfolderroot' },
    { name: 'sentitems', displayName: 'Sent Items', folderClass: 'IPF.Note', parent: 'msgfolderroot' },
    { name: 'msgfolderroot', displayName: 'Top of Information Store', folderClass: 'IPF.Note', parent: 'root' },
    { name: 'root', displayName: '', folderClass: undefined, parent: undefined },
  ] as const)('GetFolder $name', ({ name, displayName, folderClass, parent }) => {
    model = newModel();
    const folder = model.getFolder(T.alice, { kind: 'distinguished', name });
    expect([folder.displayName, folder.folderClass]).toEqual([displayName, folderClass]);
    const parentId = parent ? model.getFolder(T.alice, { kind: 'distinguished', name: parent }).folderId.id : undefined;
    expect(folder.parentFolderId?.id).toBe(parentId);
    expect(model.getFolder(T.alice, { kind: 'id', id: folder.folderId.id }).distinguishedName).toBe(name);
  });

  it('FindFolder shallow and deep, folder ids differ per mailbox, and another mailbox is denied', () => {
    model = newModel();
    const root = { kind: 'distinguished', name: 'root' } as const;
    expect(model.findFolders(T.alice, root, 'Shallow').map((f) => f.distinguishedName)).toEqual(['msgfolderroot']);
    expect(model.findFolders(T.alice, root, 'Deep')).toHaveLength(5);
    const bobCalendar = model.getFolder(T.bob, { kind: 'distinguished', name: 'calendar' });
    expect(bobCalendar.folderId.id).not.toBe(
      model.getFolder(T.alice, { kind: 'distinguished', name: 'calendar' }).folderId.id,
    );
    expect(errorCode(() => model.getFolder(T.alice, { kind: 'id', id: bobCalendar.folderId.id }))).toBe(
      'ErrorAccessDenied',
    );
    expect(errorCode(() => model.getFolder(T.alice, { kind: 'distinguished', name: 'calendar', mailbox: T.bob }))).toBe(
      'ErrorAccessDenied',
    );
    expect(
      errorCode(() =>
        model.getFolder(T.alice, { kind: 'distinguished', name: 'calendar', mailbox: 'ghost@contoso.test' }),
      ),
    ).toBe('ErrorNonExistentMailbox');
  });

  it('counts items and changes the folder ChangeKey when its content changes', () => {
    model = newModel();
    const before = model.getFolder(T.alice, { kind: 'distinguished', name: 'calendar' });
    model.createCalendarItem(T.alice, undefined, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
    const after = model.getFolder(T.alice, { kind: 'distinguished', name: 'calendar' });
    expect([before.totalCount, after.totalCount]).toEqual([0, 1]);
    expect(after.folderId.changeKey).not.toBe(before.folderId.changeKey);
  });
});

describe('meeting updates to people', () => {
  function setup(): string {
    model = newModel();
    return model.createCalendarItem(
      T.alice,
      undefined,
      meeting('2026-06-10T09:00:00Z', 1, { requiredAttendees: [{ emailAddress: T.bob }] }),
      'SendToAllAndSaveCopy',
    ).itemId.id;
  }

  it("a time change reaches the copy and resets the attendee's answer; a SendToNone change does not", () => {
    const id = setup();
    const bobCopy = calendarOf(model, T.bob)[0];
    model.respondToItem(T.bob, { kind: 'item', id: bobCopy?.itemId.id ?? '' }, 'Accept', {
      mode: 'SendToAllAndSaveCopy',
    });
    model.updateItem(
      T.alice,
      { kind: 'item', id },
      [{ op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject: 'Quiet' } }],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToNone' },
    );
    expect(calendarOf(model, T.bob)[0]).toMatchObject({ subject: 'Planning', myResponseType: 'Accept' });
    const moved = model.updateItem(
      T.alice,
      { kind: 'item', id },
      [
        { op: 'set', target: { fieldUri: 'calendar:Start' }, value: { start: Date.parse('2026-06-10T13:00:00Z') } },
        { op: 'set', target: { fieldUri: 'calendar:End' }, value: { end: Date.parse('2026-06-10T14:00:00Z') } },
      ],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToAllAndSaveCopy' },
    );
    expect(moved.appointmentSequenceNumber).toBe(1);
    expect(calendarOf(model, T.bob)[0]).toMatchObject({
      subject: 'Quiet',
      myResponseType: 'NoResponseReceived',
      start: Date.parse('2026-06-10T13:00:00Z'),
      appointmentSequenceNumber: 1,
    });
  });

  it('SendOnlyToChanged invites only the added attendee', () => {
    const id = setup();
    model.updateItem(
      T.alice,
      { kind: 'item', id },
      [
        { op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject: 'Renamed' } },
        {
          op: 'append',
          target: { fieldUri: 'calendar:RequiredAttendees' },
          value: { requiredAttendees: [{ emailAddress: T.svc }] },
        },
      ],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendOnlyToChanged' },
    );
    expect(calendarOf(model, T.bob)[0]?.subject).toBe('Planning');
    expect(calendarOf(model, T.svc)[0]?.subject).toBe('Renamed');
  });

  it('moves to Deleted Items show in SyncFolderItems of both folders', () => {
    const id = setup();
    const sync = (name: 'calendar' | 'deleteditems', state?: string) =>
      model.syncFolderItems(T.alice, {
        folder: { kind: 'distinguished', name },
        maxChangesReturned: 100,
        ...(state ? { syncState: state } : {}),
      });
    const calState = sync('calendar').syncState;
    model.deleteItem(
      T.alice,
      { kind: 'item', id },
      { deleteType: 'MoveToDeletedItems', sendMeetingCancellations: 'SendToNone' },
    );
    expect(sync('calendar', calState).changes.map((c) => c.kind)).toEqual(['Delete']);
    expect(sync('deleteditems').changes.map((c) => c.kind)).toEqual(['Create']);
    expect(calendarOf(model, T.bob)[0]?.isCancelled).toBe(false);
  });
});
