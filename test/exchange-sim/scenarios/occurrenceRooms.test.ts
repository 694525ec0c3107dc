import { afterAll, beforeAll, jest, expect, it } from '@jest/globals';
import type { Element } from '../soap/dom';
import { RawClient, all, text } from '../testkit/client';
import { EwsConversation, roomsXml, setField } from '../testkit/ews';
import { describeWithSchemas, invalidDocuments } from '../testkit/schemas';
import { SERVICE, startTestSim, type TestSim } from '../testkit/sim';

// Every EWS call waits for its schema validation (one xmllint run per batch) on a shared 2-core machine.
jest.setTimeout(90_000);

/** Moving one occurrence of a series to another room, end to end through EWS (raw SOAP, impersonation). */

const EMMA = 'emma.schmidt@northwind.test';
const SPEICHER = 'room.harbour.0.speicher@northwind.test';
const KAI = 'room.harbour.0.kai@northwind.test';
const WEEK = [
  '2031-02-03T09:00:00Z',
  '2031-02-04T09:00:00Z',
  '2031-02-05T09:00:00Z',
  '2031-02-06T09:00:00Z',
  '2031-02-07T09:00:00Z',
];
const MOVED = '2031-02-04T09:00:00Z';

describeWithSchemas('Changing the room of one occurrence through EWS', () => {
  let sim: TestSim;
  let client: RawClient;
  let ews: EwsConversation;
  const idle = (): Promise<void> => sim.control.model.whenIdle();
  const week = async (
    room: string,
  ): Promise<{ start?: string; type?: string; uid?: string; recurrenceId?: string }[]> =>
    (await ews.calendarView(room, '2031-02-03T00:00:00Z', '2031-02-08T00:00:00Z')).map((i) => ({
      start: text(i, 'Start'),
      type: text(i, 'CalendarItemType'),
      uid: text(i, 'UID'),
      recurrenceId: text(i, 'RecurrenceId'),
    }));
  const sync = (room: string, state: string): Promise<Element> =>
    ews.ok(
      room,
      `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="calendar"/></m:SyncFolderId>` +
        `${state ? `<m:SyncState>${state}</m:SyncState>` : ''}<m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>`,
    );
  const changeIds = (page: Element, kind: string): (string | null | undefined)[] =>
    all(page, kind).map((c) => all(c, 'ItemId')[0]?.getAttribute('Id'));

  beforeAll(async () => {
    sim = await startTestSim();
    client = new RawClient(sim.url);
    ews = new EwsConversation(client, SERVICE);
    await sim.controlCall('POST', '/sim/clock', { freeze: '2031-01-05T00:00:00Z' });
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('the new room books the occurrence alone, the old room loses it, sync reports both', async () => {
    const series = await ews.createMeeting(EMMA, {
      subject: 'Weekly review',
      start: WEEK[0] ?? '',
      end: '2031-02-03T10:00:00Z',
      rooms: [SPEICHER],
      recurrenceXml:
        '<t:Recurrence><t:DailyRecurrence><t:Interval>1</t:Interval></t:DailyRecurrence><t:NumberedRecurrence><t:StartDate>2031-02-03</t:StartDate><t:NumberOfOccurrences>5</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>',
    });
    await idle();
    expect((await week(SPEICHER)).map((i) => i.start)).toEqual(WEEK);
    const uid = text(await ews.getItem(EMMA, series.id), 'UID');
    const roomAFirst = await sync(SPEICHER, '');
    const roomAState = text(roomAFirst, 'SyncState') ?? '';
    const [masterId, ...others] = changeIds(roomAFirst, 'Create');
    expect(others).toEqual([]);
    const roomBState = text(await sync(KAI, ''), 'SyncState') ?? '';

    await ews.ok(
      EMMA,
      `<m:UpdateItem ConflictResolution="AlwaysOverwrite" SendMeetingInvitationsOrCancellations="SendToAllAndSaveCopy"><m:ItemChanges><t:ItemChange>` +
        `<t:OccurrenceItemId RecurringMasterId="${series.id}" InstanceIndex="2"/>` +
        `<t:Updates>${setField('calendar:Resources', roomsXml([KAI]))}</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`,
    );
    await idle();

    expect((await week(SPEICHER)).map((i) => i.start)).toEqual(WEEK.filter((s) => s !== MOVED));
    expect(await week(KAI)).toEqual([{ start: MOVED, type: 'Single', uid, recurrenceId: MOVED }]);
    const occurrence = await ews.call(
      EMMA,
      `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>` +
        `<m:ItemIds><t:OccurrenceItemId RecurringMasterId="${series.id}" InstanceIndex="2"/></m:ItemIds></m:GetItem>`,
    );
    expect(text(occurrence, 'CalendarItemType')).toBe('Exception');
    const kaiEntry = all(occurrence, 'Attendee').find((a) => text(a, 'EmailAddress') === KAI);
    expect(text(kaiEntry, 'ResponseType')).toBe('Accept');

    const roomAChanges = await sync(SPEICHER, roomAState);
    expect(changeIds(roomAChanges, 'Create')).toEqual([]);
    expect(changeIds(roomAChanges, 'Update')).toEqual([masterId]);

    const roomBChanges = await sync(KAI, roomBState);
    const kaiItem = (await ews.calendarView(KAI, MOVED, '2031-02-04T23:00:00Z'))[0];
    expect(changeIds(roomBChanges, 'Update')).toEqual([]);
    expect(changeIds(roomBChanges, 'Create')).toEqual([all(kaiItem, 'ItemId')[0]?.getAttribute('Id')]);
  });

  it('produced only schema-valid responses', async () => {
    expect(await invalidDocuments(sim.responses)).toEqual([]);
  });
});
