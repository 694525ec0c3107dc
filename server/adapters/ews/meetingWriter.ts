import * as ews from 'ews-javascript-api';
import { findWindows } from 'windows-iana';
import { GatewayError, type TimeWindow } from '../../ports/calendarGateway';
import type {
  AttendeeKind,
  BusySlot,
  MeetingAttendee,
  MeetingBody,
  MeetingChange,
  MeetingDetails,
  MeetingRecurrence,
  MeetingRef,
  MeetingWriter,
  NewMeeting,
  OrganizerItem,
  OrganizerMailbox,
  RoomAnswer,
  RoomCopy,
  UpdatedMeeting,
} from '../../ports/meetingWriter';
import { openEwsAccess, type EwsAccess, type EwsConnectionSettings } from './connection';
import { toGatewayError } from './errors';
import { CLEAN_GLOBAL_OBJECT_ID } from './extract';
import { base64OfBinary, escapeXmlText } from './mapping';
import { DEFAULT_POLICY, type ResilienceHooks, type ResiliencePolicy, type Runner } from './resilience';

/** The MeetingWriter on ews-javascript-api. Only server/compose/exchange.ts (and tests) construct it, as a view of the one connection. */

export interface EwsMeetingWriterOptions {
  readonly policy?: Partial<ResiliencePolicy>;
  readonly hooks?: ResilienceHooks;
}

/** Our marker on the organizer's item: found again by it after a crash (FindItem restriction). */
export const BOOKING_ID_PROPERTY = new ews.ExtendedPropertyDefinition(
  ews.DefaultExtendedPropertySet.PublicStrings,
  'RoomserveBookingId',
  ews.MapiPropertyType.String,
);
/** Who booked through the booking mailbox (JSON {name, email}), for people without a mailbox. */
export const BOOKER_PROPERTY = new ews.ExtendedPropertyDefinition(
  ews.DefaultExtendedPropertySet.PublicStrings,
  'RoomserveBooker',
  ews.MapiPropertyType.String,
);

/** The online-meeting link we put in the body, kept apart so that it can be read back and changed. */
export const ONLINE_MEETING_URL_PROPERTY = new ews.ExtendedPropertyDefinition(
  ews.DefaultExtendedPropertySet.PublicStrings,
  'RoomserveOnlineMeetingUrl',
  ews.MapiPropertyType.String,
);

const DETAIL_PROPERTIES = (): ews.PropertySet =>
  new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    CLEAN_GLOBAL_OBJECT_ID,
    ONLINE_MEETING_URL_PROPERTY,
    ews.AppointmentSchema.ICalUid,
    ews.AppointmentSchema.Start,
    ews.AppointmentSchema.End,
    ews.AppointmentSchema.Organizer,
    ews.AppointmentSchema.IsCancelled,
    ews.AppointmentSchema.RequiredAttendees,
    ews.AppointmentSchema.OptionalAttendees,
    ews.AppointmentSchema.Resources,
    ews.AppointmentSchema.Subject,
    ews.AppointmentSchema.Body,
    ews.AppointmentSchema.Sensitivity,
    ews.AppointmentSchema.Location,
    ews.AppointmentSchema.DeletedOccurrences,
  ]);

const READ_PROPERTIES = (): ews.PropertySet =>
  new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    CLEAN_GLOBAL_OBJECT_ID,
    ews.AppointmentSchema.ICalUid,
    ews.AppointmentSchema.Start,
    ews.AppointmentSchema.End,
    ews.AppointmentSchema.Organizer,
    ews.AppointmentSchema.IsCancelled,
    ews.AppointmentSchema.RequiredAttendees,
    ews.AppointmentSchema.OptionalAttendees,
    ews.AppointmentSchema.Resources,
  ]);

const at = (date: Date): ews.DateTime => new ews.DateTime(date.getTime());

const DAY_MS = 86_400_000;

/** EWS sends the free/busy window as dates only (as the EWS Managed API does): ask for whole UTC days. */
function wholeDays(window: TimeWindow): TimeWindow {
  const start = Math.floor(window.start.getTime() / DAY_MS) * DAY_MS;
  const end = Math.max(start + DAY_MS, Math.ceil(window.end.getTime() / DAY_MS) * DAY_MS);
  return { start: new Date(start), end: new Date(end) };
}

function zoneOf(iana: string): ews.TimeZoneInfo {
  // Explicit zones: the library would otherwise guess the process's zone (see exchange-notes.md).
  const windows = findWindows(iana)[0];
  try {
    return ews.TimeZoneInfo.FindSystemTimeZoneById(windows ?? iana);
  } catch {
    return ews.TimeZoneInfo.Utc;
  }
}

function loaded<T>(read: () => T): T | null {
  try {
    const value = read();
    return value === undefined ? null : value;
  } catch {
    return null;
  }
}

const ANSWERS: Readonly<Record<string, RoomAnswer>> = {
  Accept: 'accepted',
  Decline: 'declined',
  Tentative: 'tentative',
};

function answersOf(item: ews.Appointment): OrganizerItem['roomAnswers'] {
  const answers = new Map<string, { answer: RoomAnswer; answeredAt: Date | null }>();
  const lists = [
    loaded(() => item.Resources),
    loaded(() => item.RequiredAttendees),
    loaded(() => item.OptionalAttendees),
  ];
  for (const list of lists) {
    for (const a of list?.GetEnumerator() ?? []) {
      const email = (a.Address ?? '').trim().toLowerCase();
      if (!email || answers.has(email)) continue;
      const type = loaded(() => a.ResponseType);
      const name = type === null ? undefined : (ews.MeetingResponseType as unknown as Record<number, string>)[type];
      const when = loaded(() => a.LastResponseTime);
      answers.set(email, {
        answer: (name === undefined ? undefined : ANSWERS[name]) ?? 'none',
        answeredAt: when ? new Date(when.TotalMilliSeconds) : null,
      });
    }
  }
  return answers;
}

function toOrganizerItem(item: ews.Appointment): OrganizerItem {
  const props = loaded(() => item.ExtendedProperties.GetEnumerator()) ?? [];
  const goid = props.find((p) => p.PropertyDefinition.Id === 35);
  const organizer = loaded(() => item.Organizer);
  const start = loaded(() => item.Start);
  const end = loaded(() => item.End);
  return {
    itemId: item.Id.UniqueId,
    changeKey: item.Id.ChangeKey ?? '',
    cleanGlobalObjectId: goid ? (base64OfBinary(goid.Value) ?? '') : '',
    uid: loaded(() => item.ICalUid) ?? '',
    organizerEmail: (organizer?.Address ?? '').trim().toLowerCase(),
    organizerName: organizer?.Name ?? '',
    start: new Date(start ? start.TotalMilliSeconds : 0),
    end: new Date(end ? end.TotalMilliSeconds : 0),
    isCancelled: loaded(() => item.IsCancelled) ?? false,
    roomAnswers: answersOf(item),
  };
}

/** The invitation's text: the description, the online meeting link, and who booked for whom. */
function bodyOf(m: Pick<NewMeeting, 'description' | 'onlineMeetingUrl' | 'booker'>): string {
  const parts = [m.description.trim()];
  if (m.onlineMeetingUrl) parts.push(`Join online: ${m.onlineMeetingUrl}`);
  if (m.booker) parts.push(`Booked in Roomserve by ${m.booker.name} <${m.booker.email}>`);
  return parts.filter((p) => p !== '').join('\n\n');
}

const linkText = (url: string): string => `Join online: ${url}`;
const linkHtml = (url: string): string => {
  const safe = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<p>Join online: <a href="${safe}">${safe}</a></p>`;
};

/** An event's body: the description (text or sanitised HTML) and the link as its last paragraph. */
function eventBody(body: MeetingBody, booker: NewMeeting['booker']): ews.MessageBody {
  if (body.isHtml) {
    const parts = [body.description.trim()];
    if (body.onlineMeetingUrl) parts.push(linkHtml(body.onlineMeetingUrl));
    if (booker) parts.push(`<p>Booked in Roomserve by ${escapeXmlText(`${booker.name} <${booker.email}>`)}</p>`);
    return new ews.MessageBody(ews.BodyType.HTML, escapeXmlText(parts.filter((p) => p !== '').join('\n')));
  }
  return new ews.MessageBody(
    ews.BodyType.Text,
    escapeXmlText(bodyOf({ description: body.description, onlineMeetingUrl: body.onlineMeetingUrl, booker })),
  );
}

/** The description as the organizer's body holds it, without the link paragraph we added. */
function descriptionOf(text: string, isHtml: boolean, url: string | null): string {
  if (!url) return text.trim();
  const ours = isHtml ? linkHtml(url) : linkText(url);
  const at = text.lastIndexOf(ours);
  return (at < 0 ? text : text.slice(0, at) + text.slice(at + ours.length)).trim();
}

const EWS_DAYS: Readonly<Record<string, ews.DayOfTheWeek>> = {
  sunday: ews.DayOfTheWeek.Sunday,
  monday: ews.DayOfTheWeek.Monday,
  tuesday: ews.DayOfTheWeek.Tuesday,
  wednesday: ews.DayOfTheWeek.Wednesday,
  thursday: ews.DayOfTheWeek.Thursday,
  friday: ews.DayOfTheWeek.Friday,
  saturday: ews.DayOfTheWeek.Saturday,
};
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEK_INDEXES = [
  ews.DayOfTheWeekIndex.First,
  ews.DayOfTheWeekIndex.Second,
  ews.DayOfTheWeekIndex.Third,
  ews.DayOfTheWeekIndex.Fourth,
  ews.DayOfTheWeekIndex.Last,
];

/** A civil date as ews-javascript-api writes StartDate/EndDate (xs:date): noon UTC keeps the day in any zone. */
function civilDate(iso: string): ews.DateTime {
  const [y, m, d] = iso.split('-').map(Number);
  return new ews.DateTime(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

/** The series in EWS terms; `firstLocal` is the first occurrence's date in the building's zone (YYYY-MM-DD). */
function patternOf(rec: MeetingRecurrence, firstLocal: string): ews.Recurrence {
  const start = civilDate(firstLocal);
  const [y, m, d] = firstLocal.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  // The library's typings only declare the constructors without arguments: set the fields instead.
  let pattern: ews.Recurrence;
  if (rec.pattern === 'daily') {
    const daily = new ews.Recurrence.DailyPattern();
    daily.Interval = rec.interval;
    pattern = daily;
  } else if (rec.pattern === 'weekly') {
    const weekly = new ews.Recurrence.WeeklyPattern();
    weekly.Interval = rec.interval;
    weekly.DaysOfTheWeek.AddRange(rec.daysOfWeek.map((day) => EWS_DAYS[day] ?? ews.DayOfTheWeek.Monday));
    pattern = weekly;
  } else if (rec.pattern === 'monthly-date') {
    const monthly = new ews.Recurrence.MonthlyPattern();
    monthly.Interval = rec.interval;
    monthly.DayOfMonth = date.getUTCDate();
    pattern = monthly;
  } else {
    const relative = new ews.Recurrence.RelativeMonthlyPattern();
    relative.Interval = rec.interval;
    relative.DayOfTheWeek = EWS_DAYS[WEEKDAY_NAMES[date.getUTCDay()] ?? 'monday'] ?? ews.DayOfTheWeek.Monday;
    relative.DayOfTheWeekIndex =
      WEEK_INDEXES[Math.min(4, Math.ceil(date.getUTCDate() / 7) - 1)] ?? ews.DayOfTheWeekIndex.Last;
    pattern = relative;
  }
  pattern.StartDate = start;
  if (rec.count !== null) pattern.NumberOfOccurrences = rec.count;
  else if (rec.endDate !== null) pattern.EndDate = civilDate(rec.endDate);
  return pattern;
}

function attendeesOf(item: ews.Appointment): MeetingAttendee[] {
  const out: MeetingAttendee[] = [];
  const lists: Array<[AttendeeKind, ews.AttendeeCollection | null]> = [
    ['required', loaded(() => item.RequiredAttendees)],
    ['optional', loaded(() => item.OptionalAttendees)],
    ['resource', loaded(() => item.Resources)],
  ];
  const answers = answersOf(item);
  for (const [kind, list] of lists) {
    for (const a of list?.GetEnumerator() ?? []) {
      const email = (a.Address ?? '').trim().toLowerCase();
      if (!email) continue;
      out.push({ email, name: a.Name || email, kind, response: answers.get(email)?.answer ?? 'none' });
    }
  }
  return out;
}

function toDetails(item: ews.Appointment): MeetingDetails {
  const props = loaded(() => item.ExtendedProperties.GetEnumerator()) ?? [];
  const link = props.find((p) => p.PropertyDefinition.Name === 'RoomserveOnlineMeetingUrl');
  const url = typeof link?.Value === 'string' && link.Value !== '' ? link.Value : null;
  const body = loaded(() => item.Body);
  const isHtml = body ? body.BodyType === ews.BodyType.HTML : false;
  return {
    item: toOrganizerItem(item),
    subject: loaded(() => item.Subject) ?? '',
    body: { description: descriptionOf(body?.Text ?? '', isHtml, url), isHtml, onlineMeetingUrl: url },
    isPrivate: loaded(() => item.Sensitivity) === ews.Sensitivity.Private,
    location: loaded(() => item.Location) ?? '',
    attendees: attendeesOf(item),
    cancelledOccurrences: cancelledOccurrencesOf(item),
  };
}

/** The original starts of a series' deleted occurrences (none on a single meeting or an occurrence). */
function cancelledOccurrencesOf(item: ews.Appointment): Date[] {
  const deleted = loaded(() => item.DeletedOccurrences?.GetEnumerator()) ?? [];
  return deleted.flatMap((o) => (o.OriginalStart ? [new Date(o.OriginalStart.TotalMilliSeconds)] : []));
}

/** The busy stretches of a free/busy answer that fall in the window. */
function slotsOf(events: readonly ews.CalendarEvent[], window: TimeWindow): BusySlot[] {
  const slots: BusySlot[] = [];
  for (const event of events) {
    const status = ews.LegacyFreeBusyStatus[event.FreeBusyStatus];
    const start = new Date(event.StartTime.TotalMilliSeconds);
    const end = new Date(event.EndTime.TotalMilliSeconds);
    if (status === 'Free' || status === 'NoData' || end <= window.start || start >= window.end) continue;
    slots.push({
      start,
      end,
      status: status === 'Tentative' ? 'tentative' : status === 'OOF' ? 'out-of-office' : 'busy',
    });
  }
  return slots;
}

/** The date (YYYY-MM-DD) of an instant on the building's wall clocks. */
function localDate(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

const isItemNotFound = (err: unknown): boolean =>
  err instanceof GatewayError &&
  (err.serverCode === 'ErrorItemNotFound' || err.serverCode === 'ErrorInvalidIdMalformed');

/** An occurrence that was deleted from its series, or an index past its end: gone, like a deleted item. */
const isOccurrenceGone = (err: unknown): boolean =>
  err instanceof GatewayError &&
  (err.serverCode === 'ErrorCalendarOccurrenceIsDeletedFromRecurrence' ||
    err.serverCode === 'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange');

/** A MeetingWriter with a connection and a concurrency budget of its own (tests, tools). */
export function createEwsMeetingWriter(
  settings: EwsConnectionSettings,
  options: EwsMeetingWriterOptions = {},
): MeetingWriter {
  const access = openEwsAccess(settings, { ...DEFAULT_POLICY, ...options.policy }, options.hooks);
  return meetingWriterOn(access, () => access.connection.destroy());
}

/** The MeetingWriter as a view on a shared connection; `close` is what closing the view means. */
export function meetingWriterOn(access: EwsAccess, close: () => void): MeetingWriter {
  const { connection, url } = access;
  const run: Runner = access.throttle.run;

  const serviceFor = (organizer: OrganizerMailbox): ews.ExchangeService =>
    organizer.kind === 'mailbox' ? connection.impersonating(organizer.email) : connection.asServiceAccount();

  async function bind(
    service: ews.ExchangeService,
    itemId: string,
    properties: () => ews.PropertySet = READ_PROPERTIES,
  ): Promise<ews.Appointment | null> {
    try {
      return await run(() => ews.Appointment.Bind(service, new ews.ItemId(itemId), properties()));
    } catch (err) {
      if (isItemNotFound(err)) return null;
      throw err;
    }
  }

  async function findOne(
    service: ews.ExchangeService,
    filter: ews.SearchFilter,
    properties: () => ews.PropertySet,
  ): Promise<ews.Appointment | null> {
    const view = new ews.ItemView(2);
    view.PropertySet = new ews.PropertySet(ews.BasePropertySet.IdOnly);
    const found = await run(() => service.FindItems(ews.WellKnownFolderName.Calendar, filter, view));
    const first = found.Items[0];
    return first ? bind(service, first.Id.UniqueId, properties) : null;
  }

  /** One occurrence of the series `ref` names: the master first, then its occurrence by index (OccurrenceItemId). */
  async function locate(
    ref: MeetingRef,
    properties: () => ews.PropertySet = READ_PROPERTIES,
  ): Promise<{ service: ews.ExchangeService; item: ews.Appointment } | null> {
    const index = ref.occurrenceIndex;
    if (index === undefined) return locateItem(ref, properties);
    const master = await locateItem(ref, () => new ews.PropertySet(ews.BasePropertySet.IdOnly));
    if (!master) return null;
    try {
      const occurrence = await run(() =>
        ews.Appointment.BindToOccurrence(master.service, master.item.Id, index, properties()),
      );
      return { service: master.service, item: occurrence };
    } catch (err) {
      if (isItemNotFound(err) || isOccurrenceGone(err)) return null;
      throw err;
    }
  }

  /** By stored id; when that changed, by the meeting's identity; after a crash, by our marker. */
  async function locateItem(
    ref: MeetingRef,
    properties: () => ews.PropertySet,
  ): Promise<{ service: ews.ExchangeService; item: ews.Appointment } | null> {
    const service = serviceFor(ref.organizer);
    const byId = ref.itemId ? await bind(service, ref.itemId, properties) : null;
    if (byId) return { service, item: byId };
    const byGoid = ref.cleanGlobalObjectId
      ? await findOne(
          service,
          new ews.SearchFilter.IsEqualTo(CLEAN_GLOBAL_OBJECT_ID, ref.cleanGlobalObjectId),
          properties,
        )
      : null;
    if (byGoid) return { service, item: byGoid };
    const byMarker = await findOne(
      service,
      new ews.SearchFilter.IsEqualTo(BOOKING_ID_PROPERTY, escapeXmlText(ref.bookingId)),
      properties,
    );
    return byMarker ? { service, item: byMarker } : null;
  }

  async function reread(service: ews.ExchangeService, itemId: string): Promise<OrganizerItem> {
    const item = await bind(service, itemId);
    if (!item) throw new GatewayError('bad-request', 'The meeting disappeared from the organizer’s calendar');
    return toOrganizerItem(item);
  }

  /** `occurrence`: an occurrence takes neither time zones nor our named properties (they are the series'). */
  function applyChange(item: ews.Appointment, change: MeetingChange, occurrence: boolean): void {
    if (change.start) item.Start = at(change.start);
    if (change.end) item.End = at(change.end);
    if (change.timeZone && !occurrence) {
      const zone = zoneOf(change.timeZone);
      item.StartTimeZone = zone;
      item.EndTimeZone = zone;
    }
    if (change.recurrence && change.start && change.timeZone)
      item.Recurrence = patternOf(change.recurrence, localDate(change.start, change.timeZone));
    if (change.subject !== undefined) item.Subject = escapeXmlText(change.subject);
    if (change.attendees) {
      item.RequiredAttendees.Clear();
      for (const email of change.attendees) item.RequiredAttendees.Add(escapeXmlText(email));
    }
    if (change.optionalAttendees) {
      item.OptionalAttendees.Clear();
      for (const email of change.optionalAttendees) item.OptionalAttendees.Add(escapeXmlText(email));
    }
    if (change.body) {
      item.Body = eventBody(change.body, null);
      // ews-javascript-api refuses an empty value: no link means no property. The link is the
      // series' (our named property); an occurrence keeps it, so its body changes alone.
      if (!occurrence && change.body.onlineMeetingUrl)
        item.SetExtendedProperty(ONLINE_MEETING_URL_PROPERTY, escapeXmlText(change.body.onlineMeetingUrl));
      else if (!occurrence) item.RemoveExtendedProperty(ONLINE_MEETING_URL_PROPERTY);
    }
    if (change.isPrivate !== undefined)
      item.Sensitivity = change.isPrivate ? ews.Sensitivity.Private : ews.Sensitivity.Normal;
    if (change.rooms) {
      item.Resources.Clear();
      for (const room of change.rooms) item.Resources.Add(escapeXmlText(room.email));
      item.Location = escapeXmlText(change.rooms.map((r) => r.name).join(', '));
    }
  }

  return {
    close,

    async freeBusy(roomEmail: string, window: TimeWindow): Promise<BusySlot[]> {
      const service = connection.asServiceAccount();
      const days = wholeDays(window);
      const results = await run(() =>
        service.GetUserAvailability(
          [new ews.AttendeeInfo(escapeXmlText(roomEmail), ews.MeetingAttendeeType.Room, true)],
          new ews.TimeWindow(at(days.start), at(days.end)),
          ews.AvailabilityData.FreeBusy,
        ),
      );
      const availability = results.AttendeesAvailability.Responses[0];
      if (!availability) return [];
      if (availability.Result === ews.ServiceResult.Error)
        throw toGatewayError(
          { response: { ErrorCode: availability.ErrorCode }, message: availability.ErrorMessage },
          url,
        );
      return slotsOf(availability.CalendarEvents, window);
    },

    async createMeeting(m: NewMeeting): Promise<OrganizerItem> {
      const service = serviceFor(m.organizer);
      const appt = new ews.Appointment(service);
      const zone = zoneOf(m.timeZone);
      appt.Subject = escapeXmlText(m.subject);
      appt.Body = m.descriptionIsHtml
        ? eventBody({ description: m.description, isHtml: true, onlineMeetingUrl: m.onlineMeetingUrl }, m.booker)
        : new ews.MessageBody(ews.BodyType.Text, escapeXmlText(bodyOf(m)));
      if (m.onlineMeetingUrl) appt.SetExtendedProperty(ONLINE_MEETING_URL_PROPERTY, escapeXmlText(m.onlineMeetingUrl));
      appt.Start = at(m.start);
      appt.End = at(m.end);
      appt.StartTimeZone = zone;
      appt.EndTimeZone = zone;
      appt.Location = escapeXmlText(m.room.name);
      appt.ICalUid = escapeXmlText(m.uid);
      if (m.isPrivate) appt.Sensitivity = ews.Sensitivity.Private;
      appt.Resources.Add(escapeXmlText(m.room.email));
      for (const email of m.attendees) appt.RequiredAttendees.Add(escapeXmlText(email));
      for (const email of m.optionalAttendees ?? []) appt.OptionalAttendees.Add(escapeXmlText(email));
      if (m.recurrence) appt.Recurrence = patternOf(m.recurrence, localDate(m.start, m.timeZone));
      appt.SetExtendedProperty(BOOKING_ID_PROPERTY, escapeXmlText(m.bookingId));
      if (m.booker) appt.SetExtendedProperty(BOOKER_PROPERTY, escapeXmlText(JSON.stringify(m.booker)));
      await run(() => appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy));
      return reread(service, appt.Id.UniqueId);
    },

    async peopleBusy(emails: readonly string[], window: TimeWindow): Promise<Map<string, BusySlot[]>> {
      const service = connection.asServiceAccount();
      const days = wholeDays(window);
      const busy = new Map<string, BusySlot[]>();
      // GetUserAvailability takes at most 100 mailboxes a request.
      for (let i = 0; i < emails.length; i += 100) {
        const chunk = emails.slice(i, i + 100);
        const results = await run(() =>
          service.GetUserAvailability(
            chunk.map((email) => new ews.AttendeeInfo(escapeXmlText(email), ews.MeetingAttendeeType.Required, true)),
            new ews.TimeWindow(at(days.start), at(days.end)),
            ews.AvailabilityData.FreeBusy,
          ),
        );
        chunk.forEach((email, index) => {
          const availability = results.AttendeesAvailability.Responses[index];
          // Externals and unknown addresses have no free/busy here: nothing is known, nothing is busy.
          if (!availability || availability.Result === ews.ServiceResult.Error) return;
          busy.set(email.toLowerCase(), slotsOf(availability.CalendarEvents, window));
        });
      }
      return busy;
    },

    async readDetails(ref: MeetingRef): Promise<MeetingDetails | null> {
      const found = await locate(ref, DETAIL_PROPERTIES);
      return found ? toDetails(found.item) : null;
    },

    async readMeeting(ref: MeetingRef): Promise<OrganizerItem | null> {
      const found = await locate(ref);
      return found ? toOrganizerItem(found.item) : null;
    },

    async updateMeeting(ref: MeetingRef, change: MeetingChange): Promise<UpdatedMeeting> {
      const found = await locate(ref);
      if (!found) throw new GatewayError('bad-request', 'The meeting is no longer in the organizer’s calendar');
      applyChange(found.item, change, ref.occurrenceIndex !== undefined);
      const mode = change.onlyToChanged
        ? ews.SendInvitationsOrCancellationsMode.SendOnlyToChanged
        : ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy;
      await run(() => found.item.Update(ews.ConflictResolutionMode.AlwaysOverwrite, mode));
      const writtenChangeKey = found.item.Id.ChangeKey ?? '';
      return { item: await reread(found.service, found.item.Id.UniqueId), writtenChangeKey };
    },

    async cancelMeeting(ref: MeetingRef, message: string): Promise<void> {
      const found = await locate(ref);
      if (!found || found.item.IsCancelled) return;
      await run(() => found.item.CancelMeeting(escapeXmlText(message)));
    },

    async declineAsRoom(copy: RoomCopy, message: string, wholeSeries = false): Promise<boolean> {
      const service = connection.impersonating(copy.roomEmail);
      const item = wholeSeries
        ? copy.seriesItemId === null
          ? null
          : await bind(service, copy.seriesItemId)
        : await roomItem(service, copy);
      if (!item) return false;
      const decline = item.CreateDeclineMessage();
      decline.Body = new ews.MessageBody(ews.BodyType.Text, escapeXmlText(message));
      await run(() => decline.Send());
      return true;
    },
  };

  /** The room's own item by its id, else (an id that changed) found in a calendar view of the meeting's time. */
  async function roomItem(service: ews.ExchangeService, copy: RoomCopy): Promise<ews.Appointment | null> {
    const byId = copy.roomItemId ? await bind(service, copy.roomItemId) : null;
    return byId ?? roomOccurrence(service, copy);
  }

  /** An occurrence has an id of its own only in a calendar view: the one of this meeting at this time. */
  async function roomOccurrence(service: ews.ExchangeService, copy: RoomCopy): Promise<ews.Appointment | null> {
    const view = new ews.CalendarView(at(copy.start), at(copy.end));
    view.PropertySet = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
      CLEAN_GLOBAL_OBJECT_ID,
      ews.AppointmentSchema.Start,
    ]);
    const found = await run(() => service.FindAppointments(ews.WellKnownFolderName.Calendar, view));
    const match = found.Items.find((candidate) => {
      const props = loaded(() => candidate.ExtendedProperties.GetEnumerator()) ?? [];
      const goid = props.find((p) => p.PropertyDefinition.Id === 35);
      const sameMeeting =
        copy.cleanGlobalObjectId === null || (goid ? base64OfBinary(goid.Value) : null) === copy.cleanGlobalObjectId;
      const start = loaded(() => candidate.Start);
      return sameMeeting && start !== null && start.TotalMilliSeconds === copy.start.getTime();
    });
    return match ?? null;
  }
}
