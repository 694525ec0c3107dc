import { afterAll, beforeAll, jest, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import { describeWithSchemas, invalidDocuments } from '../testkit/schemas';
import { startTestSim, type TestSim } from '../testkit/sim';
import { addinProperty, at, CLEAN_GOID, ewsService, impersonating, type Scheme } from './client';

// Every EWS call waits for its schema validation (one xmllint run per batch) on a shared 2-core machine.
jest.setTimeout(90_000);

/**
 * Drives the simulator only through ews-javascript-api 0.15 (the client the product uses), over
 * Basic (https, trusting the generated CA) and NTLM (plain http: the library's NTLM agent cannot
 * take a CA bundle).
 */

const PASSWORD = 'Roomserve-demo-1';
const SERVICE_LOGON = 'NORTHWIND\\svc-roomserve';
const EMMA = 'emma.schmidt@northwind.test';
const LUKAS = 'lukas.meyer@northwind.test';
const ROOM = 'room.harbour.0.elbe@northwind.test';
const ROOM2 = 'room.harbour.0.alster@northwind.test';

function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
}

describeWithSchemas.each(['basic', 'ntlm'] as Scheme[])('ews-javascript-api over %s', (scheme) => {
  let sim: TestSim;
  const svc = (logon = SERVICE_LOGON): ews.ExchangeService =>
    ewsService(sim.url, logon, PASSWORD, scheme, sim.control.caCertPem);
  const as = (smtp: string): ews.ExchangeService => impersonating(svc(), smtp);

  beforeAll(async () => {
    sim = await startTestSim({ http: scheme === 'ntlm', streaming: { heartbeatMs: 200, minuteMs: 1500 } });
    // The meetings below lie in 2031: keep them inside the rooms' 180-day booking window.
    sim.control.model.clock.freeze(Date.parse('2031-03-01T00:00:00Z'));
  });
  afterAll(async () => {
    await sim.close();
  });

  it('binds the calendar folder and lists the folder tree', async () => {
    const calendar = await ews.CalendarFolder.Bind(as(EMMA), ews.WellKnownFolderName.Calendar);
    expect(calendar.DisplayName).toBe('Calendar');
    const found = await as(EMMA).FindFolders(ews.WellKnownFolderName.MsgFolderRoot, new ews.FolderView(100));
    const names = found.Folders.map((f) => f.DisplayName);
    expect(names).toEqual(expect.arrayContaining(['Calendar', 'Inbox', 'Deleted Items', 'Sent Items']));
  });

  it('creates a meeting with a room; the attendant accepts and the organizer sees it', async () => {
    const organizer = as(EMMA);
    const appt = new ews.Appointment(organizer);
    appt.Subject = `Planning ${scheme}`;
    // ews-javascript-api does not escape body text (Exchange would answer ErrorSchemaValidation).
    appt.Body = new ews.MessageBody(ews.BodyType.HTML, '&lt;p&gt;Agenda&lt;/p&gt;');
    appt.Start = at('2031-03-03T09:00:00Z');
    appt.End = at('2031-03-03T10:00:00Z');
    appt.StartTimeZone = ews.TimeZoneInfo.Utc;
    appt.EndTimeZone = ews.TimeZoneInfo.Utc;
    appt.Location = 'Elbe';
    appt.RequiredAttendees.Add(LUKAS);
    appt.Resources.Add(ROOM);
    appt.SetExtendedProperty(addinProperty('cecp-roomserve'), '{"catering":true}');
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
    expect(appt.Id.UniqueId).toBeTruthy();

    const props = new ews.PropertySet(ews.BasePropertySet.FirstClassProperties, [
      CLEAN_GOID,
      addinProperty('cecp-roomserve'),
    ]);
    const room = await until('the room to accept', async () => {
      const loaded = await ews.Appointment.Bind(organizer, appt.Id, props);
      const r = loaded.Resources.GetEnumerator().find((a) => a.Address === ROOM);
      return r?.ResponseType === ews.MeetingResponseType.Accept ? loaded : undefined;
    });
    expect(room.Subject).toBe(`Planning ${scheme}`);
    expect(room.ICalUid).toBeTruthy();
    const cecp = room.ExtendedProperties.GetEnumerator().find((p) => p.PropertyDefinition.Name === 'cecp-roomserve');
    expect(cecp?.Value).toBe('{"catering":true}');
    const goid = room.ExtendedProperties.GetEnumerator().find((p) => p.PropertyDefinition.Id === 35);
    expect(goid?.Value).toBeTruthy();

    // The room's own copy: same UID, found by CleanGlobalObjectId, subject replaced by the organizer's name.
    const roomService = as(ROOM);
    const filter = new ews.SearchFilter.IsEqualTo(
      CLEAN_GOID,
      Buffer.from(goid?.Value as Uint8Array).toString('base64'),
    );
    const inRoom = await roomService.FindItems(ews.WellKnownFolderName.Calendar, filter, new ews.ItemView(10));
    expect(inRoom.Items).toHaveLength(1);
    const roomCopy = await ews.Appointment.Bind(
      roomService,
      inRoom.Items[0]!.Id,
      new ews.PropertySet(ews.BasePropertySet.FirstClassProperties),
    );
    expect(roomCopy.ICalUid).toBe(room.ICalUid);
    expect(roomCopy.Id.UniqueId).not.toBe(appt.Id.UniqueId);
    expect(roomCopy.Subject).toBe('Emma Schmidt');
  });

  it('expands a weekly series in a CalendarView and syncs it as one master', async () => {
    const organizer = as(EMMA);
    const appt = new ews.Appointment(organizer);
    appt.Subject = 'Weekly sync';
    appt.Start = at('2031-04-07T08:00:00Z');
    appt.End = at('2031-04-07T08:30:00Z');
    appt.StartTimeZone = ews.TimeZoneInfo.Utc;
    appt.EndTimeZone = ews.TimeZoneInfo.Utc;
    const pattern = new ews.Recurrence.WeeklyPattern();
    pattern.StartDate = at('2031-04-07T00:00:00Z');
    pattern.Interval = 1;
    pattern.DaysOfTheWeek.Add(ews.DayOfTheWeek.Monday);
    pattern.NumberOfOccurrences = 4;
    appt.Recurrence = pattern;
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);

    const view = new ews.CalendarView(at('2031-04-01T00:00:00Z'), at('2031-05-01T00:00:00Z'));
    const found = await organizer.FindAppointments(ews.WellKnownFolderName.Calendar, view);
    const weekly = found.Items.filter((a) => a.Subject === 'Weekly sync');
    expect(weekly).toHaveLength(4);
    expect(weekly.every((a) => a.AppointmentType === ews.AppointmentType.Occurrence)).toBe(true);

    let state = '';
    let masters = 0;
    for (;;) {
      const changes = await organizer.SyncFolderItems(
        new ews.FolderId(ews.WellKnownFolderName.Calendar),
        ews.PropertySet.IdOnly,
        [],
        512,
        ews.SyncFolderItemsScope.NormalItems,
        state,
      );
      masters += changes.GetEnumerator().filter((c) => c.ItemId.UniqueId === appt.Id.UniqueId).length;
      state = changes.SyncState;
      if (!changes.MoreChangesAvailable) break;
    }
    expect(masters).toBe(1);
  });

  it('moves, then deletes a meeting with cancellations; sync reports Update and Delete', async () => {
    const organizer = as(EMMA);
    const first = await organizer.SyncFolderItems(
      new ews.FolderId(ews.WellKnownFolderName.Calendar),
      ews.PropertySet.IdOnly,
      [],
      512,
      ews.SyncFolderItemsScope.NormalItems,
      '',
    );
    let state = first.SyncState;
    const appt = new ews.Appointment(organizer);
    appt.Subject = 'To move';
    appt.Start = at('2031-05-05T09:00:00Z');
    appt.End = at('2031-05-05T10:00:00Z');
    appt.RequiredAttendees.Add(LUKAS);
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
    const afterCreate = await organizer.SyncFolderItems(
      new ews.FolderId(ews.WellKnownFolderName.Calendar),
      ews.PropertySet.IdOnly,
      [],
      512,
      ews.SyncFolderItemsScope.NormalItems,
      state,
    );
    expect(afterCreate.GetEnumerator().map((c) => c.ChangeType)).toContain(ews.ChangeType.Create);
    state = afterCreate.SyncState;

    const loaded = await ews.Appointment.Bind(organizer, appt.Id);
    loaded.Start = at('2031-05-05T11:00:00Z');
    loaded.End = at('2031-05-05T12:00:00Z');
    await loaded.Update(
      ews.ConflictResolutionMode.AlwaysOverwrite,
      ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
    );
    const afterUpdate = await organizer.SyncFolderItems(
      new ews.FolderId(ews.WellKnownFolderName.Calendar),
      ews.PropertySet.IdOnly,
      [],
      512,
      ews.SyncFolderItemsScope.NormalItems,
      state,
    );
    expect(afterUpdate.GetEnumerator().map((c) => c.ChangeType)).toEqual([ews.ChangeType.Update]);
    state = afterUpdate.SyncState;

    await loaded.Delete(ews.DeleteMode.MoveToDeletedItems, ews.SendCancellationsMode.SendToAllAndSaveCopy);
    const afterDelete = await organizer.SyncFolderItems(
      new ews.FolderId(ews.WellKnownFolderName.Calendar),
      ews.PropertySet.IdOnly,
      [],
      512,
      ews.SyncFolderItemsScope.NormalItems,
      state,
    );
    expect(afterDelete.GetEnumerator().map((c) => c.ChangeType)).toEqual([ews.ChangeType.Delete]);

    // The attendee's copy is cancelled.
    const attendee = as(LUKAS);
    const view = await attendee.FindAppointments(
      ews.WellKnownFolderName.Calendar,
      new ews.CalendarView(at('2031-05-05T00:00:00Z'), at('2031-05-06T00:00:00Z')),
    );
    const copy = view.Items.find((a) => a.Subject.includes('To move'));
    expect(copy === undefined || copy.IsCancelled).toBe(true);
  });

  it('rejects a stale ChangeKey with ErrorIrresolvableConflict', async () => {
    const organizer = as(EMMA);
    const appt = new ews.Appointment(organizer);
    appt.Subject = 'Conflicting edits';
    appt.Start = at('2031-06-02T09:00:00Z');
    appt.End = at('2031-06-02T10:00:00Z');
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
    const a = await ews.Appointment.Bind(organizer, appt.Id);
    const b = await ews.Appointment.Bind(organizer, appt.Id);
    a.Location = 'first';
    await a.Update(ews.ConflictResolutionMode.AutoResolve, ews.SendInvitationsOrCancellationsMode.SendToNone);
    b.Location = 'second';
    await expect(
      b.Update(ews.ConflictResolutionMode.NeverOverwrite, ews.SendInvitationsOrCancellationsMode.SendToNone),
    ).rejects.toMatchObject({
      ErrorCode: ews.ServiceError.ErrorIrresolvableConflict,
    });
  });

  it('lets an attendee accept a meeting request', async () => {
    const organizer = as(EMMA);
    const appt = new ews.Appointment(organizer);
    appt.Subject = 'Please accept';
    appt.Start = at('2031-07-07T09:00:00Z');
    appt.End = at('2031-07-07T10:00:00Z');
    appt.RequiredAttendees.Add(LUKAS);
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
    const attendee = as(LUKAS);
    const view = await attendee.FindAppointments(
      ews.WellKnownFolderName.Calendar,
      new ews.CalendarView(at('2031-07-07T00:00:00Z'), at('2031-07-08T00:00:00Z')),
    );
    const copy = view.Items.find((a) => a.Subject === 'Please accept');
    expect(copy).toBeDefined();
    await copy!.Accept(true);
    const reloaded = await until('the organizer to see the acceptance', async () => {
      const r = await ews.Appointment.Bind(organizer, appt.Id);
      const lukas = r.RequiredAttendees.GetEnumerator().find((x) => x.Address === LUKAS);
      return lukas?.ResponseType === ews.MeetingResponseType.Accept ? r : undefined;
    });
    expect(reloaded.Subject).toBe('Please accept');
  });

  it('edits an occurrence into an exception, declines, tentatively accepts, cancels and converts ids', async () => {
    const organizer = as(EMMA);
    const series = new ews.Appointment(organizer);
    series.Subject = 'Daily review';
    series.Start = at('2031-05-12T15:00:00Z');
    series.End = at('2031-05-12T15:30:00Z');
    const daily = new ews.Recurrence.DailyPattern();
    daily.StartDate = at('2031-05-12T00:00:00Z');
    daily.Interval = 1;
    daily.NumberOfOccurrences = 3;
    series.Recurrence = daily;
    series.RequiredAttendees.Add(LUKAS);
    await series.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);

    const second = await ews.Appointment.BindToOccurrence(organizer, series.Id, 2);
    expect(second.AppointmentType).toBe(ews.AppointmentType.Occurrence);
    second.Location = 'Somewhere else';
    await second.Update(
      ews.ConflictResolutionMode.AlwaysOverwrite,
      ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
    );
    const master = await ews.Appointment.BindToRecurringMaster(organizer, second.Id);
    expect(master.ModifiedOccurrences.Count).toBe(1);

    const attendee = as(LUKAS);
    const copies = await attendee.FindAppointments(
      ews.WellKnownFolderName.Calendar,
      new ews.CalendarView(at('2031-05-12T00:00:00Z'), at('2031-05-15T00:00:00Z')),
    );
    const reviews = copies.Items.filter((a) => a.Subject === 'Daily review');
    expect(reviews).toHaveLength(3);
    await reviews[0]!.AcceptTentatively(true);
    const single = new ews.Appointment(organizer);
    single.Subject = 'Optional chat';
    single.Start = at('2031-05-20T09:00:00Z');
    single.End = at('2031-05-20T09:30:00Z');
    single.RequiredAttendees.Add(LUKAS);
    await single.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
    const chat = (
      await attendee.FindAppointments(
        ews.WellKnownFolderName.Calendar,
        new ews.CalendarView(at('2031-05-20T00:00:00Z'), at('2031-05-21T00:00:00Z')),
      )
    ).Items.find((a) => a.Subject === 'Optional chat');
    await chat!.Decline(true);
    const declined = await until('the organizer to see the decline', async () => {
      const r = await ews.Appointment.Bind(organizer, single.Id);
      return r.RequiredAttendees.GetEnumerator().find((x) => x.Address === LUKAS)?.ResponseType ===
        ews.MeetingResponseType.Decline
        ? r
        : undefined;
    });
    expect(declined.Subject).toBe('Optional chat');

    const hex = await organizer.ConvertId(
      new ews.AlternateId(ews.IdFormat.EwsId, single.Id.UniqueId, EMMA),
      ews.IdFormat.HexEntryId,
    );
    const back = await organizer.ConvertId(
      new ews.AlternateId(ews.IdFormat.HexEntryId, (hex as ews.AlternateId).UniqueId, EMMA),
      ews.IdFormat.EwsId,
    );
    expect((back as ews.AlternateId).UniqueId).toBe(single.Id.UniqueId);

    await declined.CancelMeeting('Not needed after all');
    const cancelledCopy = (
      await attendee.FindAppointments(
        ews.WellKnownFolderName.Calendar,
        new ews.CalendarView(at('2031-05-20T00:00:00Z'), at('2031-05-21T00:00:00Z')),
      )
    ).Items.filter((a) => a.Subject.includes('Optional chat') && !a.IsCancelled);
    expect(cancelledCopy).toEqual([]);
  });

  it('refuses impersonation to an account without the right', async () => {
    const lukas = impersonating(
      ewsService(sim.url, 'NORTHWIND\\lukas.meyer', PASSWORD, scheme, sim.control.caCertPem),
      EMMA,
    );
    const failure = await ews.CalendarFolder.Bind(lukas, ews.WellKnownFolderName.Calendar).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((failure as ews.SoapFaultDetails).ResponseCode).toBe(ews.ServiceError.ErrorImpersonateUserDenied);
  });

  it('streams notifications for a change, then closes at the connection timeout', async () => {
    const organizer = as(EMMA);
    const subscription = await organizer.SubscribeToStreamingNotifications(
      [new ews.FolderId(ews.WellKnownFolderName.Calendar)],
      ews.EventType.Created,
      ews.EventType.Modified,
      ews.EventType.Deleted,
    );
    const connection = new ews.StreamingSubscriptionConnection(organizer, 1);
    connection.AddSubscription(subscription);
    const events: ews.EventType[] = [];
    let disconnected = false;
    connection.OnNotificationEvent.push((_sender, args) => {
      for (const e of args.Events) events.push(e.EventType);
    });
    connection.OnDisconnect.push(() => {
      disconnected = true;
    });
    // Open() rejects on a stream error and never resolves on a clean close (the library reports
    // OnDisconnect instead), so its outcome is only checked for a rejection below.
    const streaming = connection.Open().then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    const appt = new ews.Appointment(organizer);
    appt.Subject = 'Streamed';
    appt.Start = at('2031-08-01T09:00:00Z');
    appt.End = at('2031-08-01T10:00:00Z');
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
    await until('a Created event', () => (events.includes(ews.EventType.Created) ? true : undefined));
    await until('the connection to close', () => (disconnected ? true : undefined));
    const outcome = await Promise.race([streaming, new Promise((r) => setTimeout(() => r('no error'), 100))]);
    expect(outcome).toBe('no error');
    await subscription.Unsubscribe();
  });

  it('pulls events with GetEvents', async () => {
    const organizer = as(EMMA);
    const pull = await organizer.SubscribeToPullNotifications(
      [new ews.FolderId(ews.WellKnownFolderName.Calendar)],
      10,
      '',
      ews.EventType.Created,
    );
    const appt = new ews.Appointment(organizer);
    appt.Subject = 'Pulled';
    appt.Start = at('2031-08-02T09:00:00Z');
    appt.End = at('2031-08-02T10:00:00Z');
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
    const result = await pull.GetEvents();
    expect(result.ItemEvents.map((e) => e.EventType)).toContain(ews.EventType.Created);
    await pull.Unsubscribe();
  });

  it('reads free/busy, room lists, rooms and resolves names', async () => {
    const service = svc();
    const lists = await service.GetRoomLists();
    const listAddresses = lists.GetEnumerator().map((a) => a.Address);
    expect(listAddresses).toContain('harbour-house@northwind.test');
    const rooms = await service.GetRooms(new ews.EmailAddress('harbour-house@northwind.test'));
    expect(rooms.map((r) => r.Address)).toContain(ROOM2);
    const names = await service.ResolveName('emma.schmidt');
    expect(names.Count).toBe(1);
    expect(names._getItem(0).Mailbox.Address).toBe(EMMA);
    const availability = await service.GetUserAvailability(
      [new ews.AttendeeInfo(ROOM)],
      new ews.TimeWindow(at('2031-03-03T00:00:00Z'), at('2031-03-04T00:00:00Z')),
      ews.AvailabilityData.FreeBusy,
    );
    const events = availability.AttendeesAvailability.Responses[0]?.CalendarEvents ?? [];
    expect(events.length).toBeGreaterThanOrEqual(1);
  });

  it('produced only schema-valid responses', async () => {
    expect(await invalidDocuments(sim.responses)).toEqual([]);
  });
});

describe('ews-javascript-api error surface', () => {
  it('exposes ErrorServerBusy back-off from an injected fault', async () => {
    const sim = await startTestSim();
    try {
      await sim.controlCall('POST', '/sim/faults', { kind: 'serverBusy', backOffMilliseconds: 777, count: 1 });
      const service = ewsService(sim.url, SERVICE_LOGON, PASSWORD, 'basic');
      const failure = await ews.CalendarFolder.Bind(service, ews.WellKnownFolderName.Calendar).then(
        () => undefined,
        (e: unknown) => e,
      );
      // ews-javascript-api 0.15 rejects with the parsed fault (its ServerBusyException path is commented out).
      expect(failure).toBeInstanceOf(ews.SoapFaultDetails);
      const fault = failure as ews.SoapFaultDetails;
      expect(fault.ResponseCode).toBe(ews.ServiceError.ErrorServerBusy);
      expect(fault.HttpStatusCode).toBe(500);
      expect(fault.ErrorDetails.get('BackOffMilliseconds')).toBe('777');
    } finally {
      await sim.close();
    }
  });
});
