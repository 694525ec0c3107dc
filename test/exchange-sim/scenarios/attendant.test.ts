import { afterAll, beforeAll, jest, expect, it } from '@jest/globals';
import { RawClient, text } from '../testkit/client';
import { EwsConversation, roomsXml, setField } from '../testkit/ews';
import { describeWithSchemas, invalidDocuments } from '../testkit/schemas';
import { SERVICE, startTestSim, type TestSim } from '../testkit/sim';

// Every EWS call waits for its schema validation (one xmllint run per batch) on a shared 2-core machine.
jest.setTimeout(90_000);

/** Booking-attendant scenarios of the issue, end to end through EWS (raw SOAP, impersonation). */

const EMMA = 'emma.schmidt@northwind.test';
const SOPHIE = 'sophie.wagner@northwind.test';
const ELBE = 'room.harbour.0.elbe@northwind.test';
const ALSTER = 'room.harbour.0.alster@northwind.test';
const BILLE = 'room.harbour.0.bille@northwind.test';
const ESTE = 'room.harbour.0.este@northwind.test';
const LUHE = 'room.harbour.0.luhe@northwind.test';

describeWithSchemas('Resource Booking Attendant through EWS', () => {
  let sim: TestSim;
  let client: RawClient;
  let ews: EwsConversation;
  const idle = (): Promise<void> => sim.control.model.whenIdle();
  const roomDay = async (room: string, day: string): Promise<{ subject?: string; start?: string; type?: string }[]> =>
    (await ews.calendarView(room, `${day}T00:00:00Z`, `${day}T23:59:59Z`))
      .filter((i) => text(i, 'IsCancelled') !== 'true')
      .map((i) => ({ subject: text(i, 'Subject'), start: text(i, 'Start'), type: text(i, 'CalendarItemType') }));

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

  it('accepts a free room: the room holds a stripped copy, the organizer sees Accept', async () => {
    const m = await ews.createMeeting(EMMA, {
      subject: 'Secret plan',
      start: '2031-01-06T09:00:00Z',
      end: '2031-01-06T10:00:00Z',
      rooms: [ELBE],
    });
    await idle();
    expect(await ews.responseOf(EMMA, m.id, ELBE)).toBe('Accept');
    const copies = await ews.calendarView(ELBE, '2031-01-06T00:00:00Z', '2031-01-07T00:00:00Z');
    expect(copies).toHaveLength(1);
    expect(text(copies[0], 'Subject')).toBe('Emma Schmidt');
    expect(text(copies[0], 'Sensitivity')).toBe('Normal');
    const organizerCopy = await ews.getItem(EMMA, m.id);
    expect(text(copies[0], 'UID')).toBe(text(organizerCopy, 'UID'));
  });

  it('declines a conflicting request: nothing lands in the room, the organizer sees Decline', async () => {
    const m = await ews.createMeeting(SOPHIE, {
      subject: 'Clash',
      start: '2031-01-06T09:30:00Z',
      end: '2031-01-06T10:30:00Z',
      rooms: [ELBE],
    });
    await idle();
    expect(await ews.responseOf(SOPHIE, m.id, ELBE)).toBe('Decline');
    expect(await roomDay(ELBE, '2031-01-06')).toHaveLength(1);
  });

  it('declines a series with one conflicting occurrence as a whole under the defaults', async () => {
    await ews.createMeeting(EMMA, {
      subject: 'Blocker',
      start: '2031-01-15T08:00:00Z',
      end: '2031-01-15T09:00:00Z',
      rooms: [ALSTER],
    });
    await idle();
    const series = await ews.createMeeting(SOPHIE, {
      subject: 'Daily standup',
      start: '2031-01-13T08:00:00Z',
      end: '2031-01-13T08:30:00Z',
      rooms: [ALSTER],
      recurrenceXml:
        '<t:Recurrence><t:DailyRecurrence><t:Interval>1</t:Interval></t:DailyRecurrence><t:NumberedRecurrence><t:StartDate>2031-01-13</t:StartDate><t:NumberOfOccurrences>5</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>',
    });
    await idle();
    expect(await ews.responseOf(SOPHIE, series.id, ALSTER)).toBe('Decline');
    const week = await ews.calendarView(ALSTER, '2031-01-13T00:00:00Z', '2031-01-18T00:00:00Z');
    expect(week.map((i) => text(i, 'Subject'))).toEqual(['Emma Schmidt']);
  });

  it('accepts the series but declines the conflicting occurrence when thresholds allow it', async () => {
    const set = await sim.controlCall('POST', `/sim/mailboxes/${BILLE}/calendar-processing`, {
      maximumConflictInstances: 1,
      conflictPercentageAllowed: 50,
    });
    expect(set.status).toBe(200);
    await ews.createMeeting(EMMA, {
      subject: 'Blocker',
      start: '2031-01-15T08:00:00Z',
      end: '2031-01-15T09:00:00Z',
      rooms: [BILLE],
    });
    await idle();
    const series = await ews.createMeeting(SOPHIE, {
      subject: 'Daily standup',
      start: '2031-01-13T08:00:00Z',
      end: '2031-01-13T08:30:00Z',
      rooms: [BILLE],
      recurrenceXml:
        '<t:Recurrence><t:DailyRecurrence><t:Interval>1</t:Interval></t:DailyRecurrence><t:NumberedRecurrence><t:StartDate>2031-01-13</t:StartDate><t:NumberOfOccurrences>5</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>',
    });
    await idle();
    expect(await ews.responseOf(SOPHIE, series.id, BILLE)).toBe('Accept');
    const week = await ews.calendarView(BILLE, '2031-01-13T00:00:00Z', '2031-01-18T00:00:00Z');
    const standups = week.filter((i) => text(i, 'Subject') === 'Sophie Wagner');
    expect(standups).toHaveLength(4);
    expect(standups.some((i) => text(i, 'Start') === '2031-01-15T08:00:00Z')).toBe(false);
  });

  it('declines a move into a conflict', async () => {
    await ews.createMeeting(EMMA, {
      subject: 'Fixed',
      start: '2031-01-20T10:00:00Z',
      end: '2031-01-20T11:00:00Z',
      rooms: [ESTE],
    });
    const moving = await ews.createMeeting(SOPHIE, {
      subject: 'Mover',
      start: '2031-01-20T12:00:00Z',
      end: '2031-01-20T13:00:00Z',
      rooms: [ESTE],
    });
    await idle();
    expect(await ews.responseOf(SOPHIE, moving.id, ESTE)).toBe('Accept');
    await ews.update(
      SOPHIE,
      moving.id,
      setField('calendar:Start', '<t:Start>2031-01-20T10:30:00Z</t:Start>') +
        setField('calendar:End', '<t:End>2031-01-20T11:30:00Z</t:End>'),
    );
    await idle();
    expect(await ews.responseOf(SOPHIE, moving.id, ESTE)).toBe('Decline');
    const day = await roomDay(ESTE, '2031-01-20');
    expect(day.filter((i) => i.start === '2031-01-20T10:30:00Z')).toHaveLength(0);
  });

  it('swaps rooms: the old room loses its copy, the new room accepts', async () => {
    const m = await ews.createMeeting(EMMA, {
      subject: 'Swap',
      start: '2031-01-21T14:00:00Z',
      end: '2031-01-21T15:00:00Z',
      rooms: [LUHE],
    });
    await idle();
    expect(await roomDay(LUHE, '2031-01-21')).toHaveLength(1);
    await ews.update(EMMA, m.id, setField('calendar:Resources', roomsXml([ELBE])));
    await idle();
    expect(await roomDay(LUHE, '2031-01-21')).toHaveLength(0);
    expect(await roomDay(ELBE, '2031-01-21')).toHaveLength(1);
    expect(await ews.responseOf(EMMA, m.id, ELBE)).toBe('Accept');
  });

  it('uninvites a room: its copy disappears', async () => {
    const m = await ews.createMeeting(EMMA, {
      subject: 'Uninvite',
      start: '2031-01-22T14:00:00Z',
      end: '2031-01-22T15:00:00Z',
      rooms: [ELBE],
    });
    await idle();
    expect(await roomDay(ELBE, '2031-01-22')).toHaveLength(1);
    await ews.update(EMMA, m.id, `<t:DeleteItemField><t:FieldURI FieldURI="calendar:Resources"/></t:DeleteItemField>`);
    await idle();
    expect(await roomDay(ELBE, '2031-01-22')).toHaveLength(0);
  });

  it('propagates a cancellation to the room', async () => {
    const m = await ews.createMeeting(EMMA, {
      subject: 'Cancel me',
      start: '2031-01-23T14:00:00Z',
      end: '2031-01-23T15:00:00Z',
      rooms: [ELBE],
    });
    await idle();
    expect(await roomDay(ELBE, '2031-01-23')).toHaveLength(1);
    await ews.ok(
      EMMA,
      `<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:Items><t:CancelCalendarItem><t:ReferenceItemId Id="${m.id}"/></t:CancelCalendarItem></m:Items></m:CreateItem>`,
    );
    await idle();
    expect(await roomDay(ELBE, '2031-01-23')).toHaveLength(0);
  });

  it('leaves the request tentative under AutoUpdate', async () => {
    await sim.controlCall('POST', `/sim/mailboxes/${ALSTER}/calendar-processing`, { automateProcessing: 'AutoUpdate' });
    const m = await ews.createMeeting(EMMA, {
      subject: 'Needs a delegate',
      start: '2031-01-24T09:00:00Z',
      end: '2031-01-24T10:00:00Z',
      rooms: [ALSTER],
    });
    await idle();
    expect(await ews.responseOf(EMMA, m.id, ALSTER)).not.toBe('Accept');
    const copies = await ews.calendarView(ALSTER, '2031-01-24T00:00:00Z', '2031-01-25T00:00:00Z');
    expect(copies).toHaveLength(1);
    // Placed tentatively (AddNewRequestsTentatively), not answered until a delegate does.
    expect(text(copies[0], 'LegacyFreeBusyStatus')).toBe('Tentative');
    expect(text(copies[0], 'MyResponseType')).not.toBe('Accept');
  });

  it('stores a direct impersonated write into a room even when it overlaps', async () => {
    await ews.ok(
      ELBE,
      '<m:CreateItem SendMeetingInvitations="SendToNone"><m:Items><t:CalendarItem><t:Subject>Direct</t:Subject>' +
        '<t:Start>2031-01-06T09:15:00Z</t:Start><t:End>2031-01-06T09:45:00Z</t:End></t:CalendarItem></m:Items></m:CreateItem>',
    );
    await idle();
    const day = await roomDay(ELBE, '2031-01-06');
    expect(day.map((i) => i.subject).sort()).toEqual(['Direct', 'Emma Schmidt']);
  });

  it('produced only schema-valid responses', async () => {
    expect(await invalidDocuments(sim.responses)).toEqual([]);
  });
});
