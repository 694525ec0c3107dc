import { afterAll, beforeAll, jest, expect, it } from '@jest/globals';
import http from 'node:http';
import type { Element } from '../soap/dom';
import { all, envelope, RawClient, text } from '../testkit/client';
import { EwsConversation, setField } from '../testkit/ews';
import { describeWithSchemas, invalidDocuments } from '../testkit/schemas';
import { SERVICE, startTestSim, type TestSim } from '../testkit/sim';

// Every EWS call waits for its schema validation (one xmllint run per batch) on a shared 2-core machine.
jest.setTimeout(90_000);

/**
 * EWS operation behaviour that the product's sync depends on, through raw SOAP.
 * @timezone-sensitive: wall-clock and free/busy conversions must not depend on the process zone.
 */

const MIA = 'mia.hoffmann@northwind.test';
const PAUL = 'paul.schulz@northwind.test';
const CAL = '<m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds>';
const WEEKLY_4 =
  '<t:Recurrence><t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Tuesday</t:DaysOfWeek></t:WeeklyRecurrence>' +
  '<t:NumberedRecurrence><t:StartDate>2031-02-04</t:StartDate><t:NumberOfOccurrences>4</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>';

describeWithSchemas('EWS operations', () => {
  let sim: TestSim;
  let client: RawClient;
  let ews: EwsConversation;

  beforeAll(async () => {
    sim = await startTestSim({ streaming: { heartbeatMs: 100, minuteMs: 60_000 } });
    client = new RawClient(sim.url);
    ews = new EwsConversation(client, SERVICE);
    sim.control.model.clock.freeze(Date.parse('2031-01-05T00:00:00Z'));
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('reads wall-clock times in the given StartTimeZone (DST included) and answers in UTC', async () => {
    const body = await ews.ok(
      MIA,
      '<m:CreateItem SendMeetingInvitations="SendToNone"><m:Items><t:CalendarItem><t:Subject>Summer</t:Subject>' +
        '<t:Start>2031-07-01T10:00:00</t:Start><t:End>2031-07-01T11:00:00</t:End>' +
        '<t:StartTimeZone Id="W. Europe Standard Time"/><t:EndTimeZone Id="W. Europe Standard Time"/></t:CalendarItem></m:Items></m:CreateItem>',
    );
    const id = all(body, 'ItemId')[0]?.getAttribute('Id') ?? '';
    const item = await ews.getItem(MIA, id);
    expect(text(item, 'Start')).toBe('2031-07-01T08:00:00Z');
    expect(all(item, 'StartTimeZone')[0]?.getAttribute('Id')).toBe('W. Europe Standard Time');
  });

  it('expands a series in a CalendarView, honours MaxEntriesReturned and refuses ranges over two years', async () => {
    await ews.createMeeting(
      MIA,
      { subject: 'Weekly', start: '2031-02-04T09:00:00Z', end: '2031-02-04T09:30:00Z', recurrenceXml: WEEKLY_4 },
      'SendToNone',
    );
    const view = (attrs: string): Promise<Element> =>
      ews.call(
        MIA,
        `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:CalendarView ${attrs}/>${CAL}</m:FindItem>`,
      );
    const full = await view('StartDate="2031-02-01T00:00:00Z" EndDate="2031-03-01T00:00:00Z"');
    expect(all(full, 'CalendarItemType').map((t) => t.textContent)).toEqual([
      'Occurrence',
      'Occurrence',
      'Occurrence',
      'Occurrence',
    ]);
    const limited = await view(
      'MaxEntriesReturned="2" StartDate="2031-02-01T00:00:00Z" EndDate="2031-03-01T00:00:00Z"',
    );
    expect(all(limited, 'CalendarItem')).toHaveLength(2);
    expect(all(limited, 'RootFolder')[0]?.getAttribute('IncludesLastItemInRange')).toBe('false');
    const restricted = await ews.call(
      MIA,
      '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>' +
        '<m:CalendarView StartDate="2031-02-01T00:00:00Z" EndDate="2031-03-01T00:00:00Z"/>' +
        '<m:Restriction><t:Exists><t:FieldURI FieldURI="item:Subject"/></t:Exists></m:Restriction>' +
        `${CAL}</m:FindItem>`,
    );
    expect(text(restricted, 'ResponseCode')).toBe('ErrorInvalidRestriction');
    const tooBig = await view('StartDate="2031-01-01T00:00:00Z" EndDate="2033-06-01T00:00:00Z"');
    expect(text(tooBig, 'ResponseCode')).toBe('ErrorCalendarViewRangeTooBig');
    expect(all(tooBig, 'FindItemResponseMessage')[0]?.getAttribute('ResponseClass')).toBe('Error');
  });

  it('turns an updated occurrence into an exception and a deleted one into a DeletedOccurrence', async () => {
    const series = await ews.createMeeting(
      PAUL,
      { subject: 'Series', start: '2031-02-04T13:00:00Z', end: '2031-02-04T14:00:00Z', recurrenceXml: WEEKLY_4 },
      'SendToNone',
    );
    const occurrence = await ews.ok(
      PAUL,
      `<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="calendar:CalendarItemType"/><t:FieldURI FieldURI="calendar:RecurrenceId"/></t:AdditionalProperties></m:ItemShape>` +
        `<m:ItemIds><t:OccurrenceItemId RecurringMasterId="${series.id}" InstanceIndex="2"/></m:ItemIds></m:GetItem>`,
    );
    expect(text(occurrence, 'CalendarItemType')).toBe('Occurrence');
    expect(text(occurrence, 'RecurrenceId')).toBe('2031-02-11T13:00:00Z');
    const occurrenceId = all(occurrence, 'ItemId')[0]?.getAttribute('Id') ?? '';
    await ews.update(
      PAUL,
      occurrenceId,
      setField('calendar:Location', '<t:Location>Moved room</t:Location>'),
      'SendToNone',
    );
    await ews.ok(
      PAUL,
      `<m:DeleteItem DeleteType="HardDelete" SendMeetingCancellations="SendToNone"><m:ItemIds><t:OccurrenceItemId RecurringMasterId="${series.id}" InstanceIndex="3"/></m:ItemIds></m:DeleteItem>`,
    );
    const master = await ews.ok(
      PAUL,
      `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds><t:RecurringMasterItemId OccurrenceId="${occurrenceId}"/></m:ItemIds></m:GetItem>`,
    );
    expect(text(master, 'CalendarItemType')).toBe('RecurringMaster');
    expect(all(all(master, 'ModifiedOccurrences')[0], 'OriginalStart').map((e) => e.textContent)).toEqual([
      '2031-02-11T13:00:00Z',
    ]);
    expect(all(all(master, 'DeletedOccurrences')[0], 'Start').map((e) => e.textContent)).toEqual([
      '2031-02-18T13:00:00Z',
    ]);
    expect(all(master, 'WeeklyRecurrence')).toHaveLength(1);
    expect(text(master, 'NumberOfOccurrences')).toBe('4');
  });

  it('appends attendees, deletes a field and changes the ChangeKey on every modification', async () => {
    const m = await ews.createMeeting(MIA, {
      subject: 'Edits',
      start: '2031-02-10T09:00:00Z',
      end: '2031-02-10T10:00:00Z',
      attendees: [PAUL],
    });
    const appended = await ews.update(
      MIA,
      m.id,
      '<t:AppendToItemField><t:FieldURI FieldURI="calendar:RequiredAttendees"/><t:CalendarItem><t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>lea.koch@northwind.test</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees></t:CalendarItem></t:AppendToItemField>' +
        '<t:DeleteItemField><t:FieldURI FieldURI="calendar:Location"/></t:DeleteItemField>',
    );
    const newKey = all(appended, 'ItemId')[0]?.getAttribute('ChangeKey');
    expect(newKey).toBeTruthy();
    expect(newKey).not.toBe(m.changeKey);
    const item = await ews.getItem(MIA, m.id);
    expect(all(all(item, 'RequiredAttendees')[0], 'EmailAddress').map((e) => e.textContent)).toEqual([
      PAUL,
      'lea.koch@northwind.test',
    ]);
  });

  it('converts the body to Text when asked', async () => {
    const created = await ews.ok(
      MIA,
      '<m:CreateItem SendMeetingInvitations="SendToNone"><m:Items><t:CalendarItem><t:Subject>Body</t:Subject><t:Body BodyType="HTML">&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;</t:Body>' +
        '<t:Start>2031-02-12T09:00:00Z</t:Start><t:End>2031-02-12T10:00:00Z</t:End></t:CalendarItem></m:Items></m:CreateItem>',
    );
    const id = all(created, 'ItemId')[0]?.getAttribute('Id') ?? '';
    const asText = await ews.ok(
      MIA,
      `<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:BodyType>Text</t:BodyType><t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties></m:ItemShape><m:ItemIds><t:ItemId Id="${id}"/></m:ItemIds></m:GetItem>`,
    );
    const body = all(asText, 'Body')[0];
    expect(body?.getAttribute('BodyType')).toBe('Text');
    expect(body?.textContent).toBe('Hello & welcome');
  });

  it('pages SyncFolderItems and rejects an invalidated sync state', async () => {
    const sync = (state: string, max: number): Promise<Element> =>
      ews.call(
        MIA,
        `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="calendar"/></m:SyncFolderId>` +
          `${state ? `<m:SyncState>${state}</m:SyncState>` : ''}<m:MaxChangesReturned>${max}</m:MaxChangesReturned></m:SyncFolderItems>`,
      );
    let state = '';
    let pages = 0;
    let creates = 0;
    let largestPage = 0;
    for (;;) {
      const page = await sync(state, 1);
      pages += 1;
      creates += all(page, 'Create').length;
      largestPage = Math.max(largestPage, all(page, 'Create').length);
      state = text(page, 'SyncState') ?? '';
      if (text(page, 'IncludesLastItemInRange') === 'true') break;
    }
    expect(creates).toBeGreaterThanOrEqual(4);
    expect(largestPage).toBe(1);
    expect(pages).toBeGreaterThanOrEqual(creates);
    const invalidate = await sim.controlCall('POST', '/sim/faults', { kind: 'invalidateSyncStates', mailbox: MIA });
    expect(invalidate.status).toBe(200);
    const rejected = await sync(state, 10);
    expect(text(rejected, 'ResponseCode')).toBe('ErrorInvalidSyncStateData');
  });

  it('rejects MaxChangesReturned above 512 as a schema violation', async () => {
    const res = await client.soap(
      SERVICE,
      '<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="calendar"/></m:SyncFolderId><m:MaxChangesReturned>513</m:MaxChangesReturned></m:SyncFolderItems>',
    );
    expect(res.status).toBe(500);
    expect(text(res.body, 'ResponseCode')).toBe('ErrorSchemaValidation');
  });

  it('answers GetStreamingEvents for an unsubscribed id with ErrorSubscriptionNotFound', async () => {
    const sub = await ews.ok(
      MIA,
      '<m:Subscribe><m:StreamingSubscriptionRequest><t:FolderIds><t:DistinguishedFolderId Id="calendar"/></t:FolderIds><t:EventTypes><t:EventType>CreatedEvent</t:EventType></t:EventTypes></m:StreamingSubscriptionRequest></m:Subscribe>',
    );
    const id = text(sub, 'SubscriptionId') ?? '';
    await ews.ok(MIA, `<m:Unsubscribe><m:SubscriptionId>${id}</m:SubscriptionId></m:Unsubscribe>`);
    const res = await ews.call(
      MIA,
      `<m:GetStreamingEvents><m:SubscriptionIds><t:SubscriptionId>${id}</t:SubscriptionId></m:SubscriptionIds><m:ConnectionTimeout>1</m:ConnectionTimeout></m:GetStreamingEvents>`,
    );
    expect(text(res, 'ResponseCode')).toBe('ErrorSubscriptionNotFound');
    expect(text(all(res, 'ErrorSubscriptionIds')[0], 'SubscriptionId')).toBe(id);
  });

  it('drops an open stream without a Closed envelope when the dropStream fault is injected', async () => {
    const sub = await ews.ok(
      MIA,
      '<m:Subscribe><m:StreamingSubscriptionRequest><t:FolderIds><t:DistinguishedFolderId Id="calendar"/></t:FolderIds><t:EventTypes><t:EventType>CreatedEvent</t:EventType></t:EventTypes></m:StreamingSubscriptionRequest></m:Subscribe>',
    );
    const id = text(sub, 'SubscriptionId') ?? '';
    const received = await new Promise<{ text: string; aborted: boolean }>((resolve, reject) => {
      const req = http.request(sim.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/xml',
          Authorization: `Basic ${Buffer.from(`${SERVICE.user}:${SERVICE.password}`).toString('base64')}`,
        },
      });
      req.on('response', (res) => {
        let got = '';
        res.on('data', (c: Buffer) => {
          got += c.toString('utf8');
          if (got.includes('ConnectionStatus>OK') && !got.includes('dropped')) {
            got += '<!--dropped-->';
            void sim.controlCall('POST', '/sim/faults', { kind: 'dropStream', count: 1 });
          }
        });
        res.on('aborted', () => resolve({ text: got, aborted: true }));
        res.on('error', () => resolve({ text: got, aborted: true }));
        res.on('end', () => resolve({ text: got, aborted: false }));
      });
      req.on('error', reject);
      req.end(
        envelope(
          `<m:GetStreamingEvents><m:SubscriptionIds><t:SubscriptionId>${id}</t:SubscriptionId></m:SubscriptionIds><m:ConnectionTimeout>1</m:ConnectionTimeout></m:GetStreamingEvents>`,
          {
            impersonation: `<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>${MIA}</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>`,
          },
        ),
      );
    });
    expect(received.aborted).toBe(true);
    expect(received.text).not.toContain('Closed');
    await sim.controlCall('DELETE', '/sim/faults');
  });

  it('carries subscriptions of several mailboxes, made by one service account, on one stream', async () => {
    const rooms = ['room.harbour.1.brook@northwind.test', 'room.harbour.1.cremon@northwind.test'];
    const ids: string[] = [];
    for (const room of rooms) {
      const sub = await ews.ok(
        room,
        '<m:Subscribe><m:StreamingSubscriptionRequest><t:FolderIds><t:DistinguishedFolderId Id="calendar"/></t:FolderIds><t:EventTypes><t:EventType>CreatedEvent</t:EventType></t:EventTypes></m:StreamingSubscriptionRequest></m:Subscribe>',
      );
      ids.push(text(sub, 'SubscriptionId') ?? '');
    }
    const notified = await new Promise<string>((resolve, reject) => {
      const req = http.request(sim.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/xml',
          Authorization: `Basic ${Buffer.from(`${SERVICE.user}:${SERVICE.password}`).toString('base64')}`,
        },
      });
      let got = '';
      let wrote = false;
      req.on('response', (res) => {
        res.on('data', (c: Buffer) => {
          got += c.toString('utf8');
          if (!wrote && got.includes('ConnectionStatus>OK')) {
            wrote = true;
            void ews.createMeeting(
              rooms[1] ?? '',
              { subject: 'Direct', start: '2031-04-01T09:00:00Z', end: '2031-04-01T10:00:00Z' },
              'SendToNone',
            );
          }
          if (got.includes('CreatedEvent')) {
            resolve(got);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end(
        envelope(
          `<m:GetStreamingEvents><m:SubscriptionIds>${ids.map((id) => `<t:SubscriptionId>${id}</t:SubscriptionId>`).join('')}</m:SubscriptionIds><m:ConnectionTimeout>1</m:ConnectionTimeout></m:GetStreamingEvents>`,
          {
            impersonation: `<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>${rooms[0] ?? ''}</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>`,
          },
        ),
      );
    });
    expect(notified).toContain(`<t:SubscriptionId>${ids[1] ?? ''}</t:SubscriptionId><t:CreatedEvent>`);
  });

  it('reports free/busy in the requested zone and hides private details', async () => {
    await ews.createMeeting(
      PAUL,
      { subject: 'Private talk', start: '2031-03-03T09:00:00Z', end: '2031-03-03T10:00:00Z' },
      'SendToNone',
    );
    const body = await ews.ok(
      MIA,
      '<m:GetUserAvailabilityRequest><t:TimeZone><t:Bias>0</t:Bias><t:StandardTime><t:Bias>0</t:Bias><t:Time>00:00:00</t:Time><t:DayOrder>0</t:DayOrder><t:Month>0</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>' +
        '<t:DaylightTime><t:Bias>0</t:Bias><t:Time>00:00:00</t:Time><t:DayOrder>0</t:DayOrder><t:Month>0</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime></t:TimeZone>' +
        `<m:MailboxDataArray><t:MailboxData><t:Email><t:Address>${PAUL}</t:Address></t:Email><t:AttendeeType>Required</t:AttendeeType></t:MailboxData></m:MailboxDataArray>` +
        '<t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>2031-03-03T00:00:00</t:StartTime><t:EndTime>2031-03-04T00:00:00</t:EndTime></t:TimeWindow><t:RequestedView>Detailed</t:RequestedView></t:FreeBusyViewOptions></m:GetUserAvailabilityRequest>',
    );
    expect(text(body, 'StartTime')).toBe('2031-03-03T09:00:00');
    expect(text(body, 'BusyType')).toBe('Busy');
    expect(all(body, 'Subject').map((s) => s.textContent)).not.toContain('Private talk');
  });

  it('produced only schema-valid responses', async () => {
    expect(await invalidDocuments(sim.responses)).toEqual([]);
  });
});
