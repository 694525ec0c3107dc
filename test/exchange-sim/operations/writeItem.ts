import type {
  Attendee,
  CalendarItem,
  EmailAddress,
  ExchangeModelApi,
  ExtendedPropertyKey,
  IdAndChangeKey,
  OccurrenceInfo,
  Recurrence,
} from '../model/api';
import { el, ewsDateTime, leaf, type AttrValue } from '../soap/xml';
import { formatDurationMs, formatRangeDate } from './time';

/** Serialising calendar items in XSD order, for a response shape. */

export type BaseShape = 'IdOnly' | 'Default' | 'AllProperties';

export interface ItemShape {
  readonly baseShape: BaseShape;
  /** Element names (FieldURI suffixes) asked for in AdditionalProperties. */
  readonly additional: ReadonlySet<string>;
  /** ExtendedFieldURIs asked for, as given (echoed back as requested). */
  readonly extended: readonly ExtendedPropertyKey[];
  readonly bodyType: 'Best' | 'HTML' | 'Text';
}

export const ID_ONLY: ItemShape = { baseShape: 'IdOnly', additional: new Set(), extended: [], bodyType: 'Best' };

export function idElement(name: string, id: IdAndChangeKey | undefined): string | undefined {
  if (!id) return undefined;
  return el(`t:${name}`, { Id: id.id, ChangeKey: id.changeKey });
}

export function emailAddressContent(a: EmailAddress): string[] {
  return [
    leaf('t:Name', a.name),
    leaf('t:EmailAddress', a.emailAddress),
    leaf('t:RoutingType', a.routingType),
    leaf('t:MailboxType', a.mailboxType),
  ].filter((x): x is string => x !== undefined);
}

export function mailboxElement(name: string, a: EmailAddress): string {
  return el(name, undefined, ...emailAddressContent(a));
}

function attendees(name: string, list: readonly Attendee[]): string | undefined {
  if (list.length === 0) return undefined;
  return el(
    `t:${name}`,
    undefined,
    ...list.map((a) =>
      el(
        't:Attendee',
        undefined,
        mailboxElement('t:Mailbox', a.mailbox),
        leaf('t:ResponseType', a.responseType),
        a.lastResponseTime === undefined
          ? undefined
          : leaf('t:LastResponseTime', ewsDateTime(new Date(a.lastResponseTime))),
      ),
    ),
  );
}

function recurrenceElement(r: Recurrence, zone: string): string {
  const p = r.pattern;
  let pattern: string;
  switch (p.kind) {
    case 'Daily':
      pattern = el('t:DailyRecurrence', undefined, leaf('t:Interval', p.interval));
      break;
    case 'Weekly':
      pattern = el(
        't:WeeklyRecurrence',
        undefined,
        leaf('t:Interval', p.interval),
        leaf('t:DaysOfWeek', p.daysOfWeek.join(' ')),
        leaf('t:FirstDayOfWeek', p.firstDayOfWeek ?? 'Sunday'),
      );
      break;
    case 'AbsoluteMonthly':
      pattern = el(
        't:AbsoluteMonthlyRecurrence',
        undefined,
        leaf('t:Interval', p.interval),
        leaf('t:DayOfMonth', p.dayOfMonth),
      );
      break;
    case 'RelativeMonthly':
      pattern = el(
        't:RelativeMonthlyRecurrence',
        undefined,
        leaf('t:Interval', p.interval),
        leaf('t:DaysOfWeek', p.daysOfWeek),
        leaf('t:DayOfWeekIndex', p.dayOfWeekIndex),
      );
      break;
    case 'AbsoluteYearly':
      pattern = el(
        't:AbsoluteYearlyRecurrence',
        undefined,
        leaf('t:DayOfMonth', p.dayOfMonth),
        leaf('t:Month', p.month),
      );
      break;
    case 'RelativeYearly':
      pattern = el(
        't:RelativeYearlyRecurrence',
        undefined,
        leaf('t:DaysOfWeek', p.daysOfWeek),
        leaf('t:DayOfWeekIndex', p.dayOfWeekIndex),
        leaf('t:Month', p.month),
      );
      break;
  }
  const g = r.range;
  const start = leaf('t:StartDate', formatRangeDate(g.startDate, zone));
  const range =
    g.kind === 'NoEnd'
      ? el('t:NoEndRecurrence', undefined, start)
      : g.kind === 'EndDate'
        ? el('t:EndDateRecurrence', undefined, start, leaf('t:EndDate', formatRangeDate(g.endDate, zone)))
        : el('t:NumberedRecurrence', undefined, start, leaf('t:NumberOfOccurrences', g.numberOfOccurrences));
  return el('t:Recurrence', undefined, pattern, range);
}

function occurrence(name: string, o: OccurrenceInfo): string {
  return el(
    `t:${name}`,
    undefined,
    idElement('ItemId', o.itemId),
    leaf('t:Start', ewsDateTime(new Date(o.start))),
    leaf('t:End', ewsDateTime(new Date(o.end))),
    leaf('t:OriginalStart', ewsDateTime(new Date(o.originalStart))),
  );
}

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div)[^>]*>/gi, '\r\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>\r\n');
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${escaped}\r\n</body>\r\n</html>\r\n`;
}

function bodyElement(item: CalendarItem, wanted: ItemShape['bodyType']): string {
  const stored = item.body;
  if (wanted === 'Text' && stored.type === 'HTML')
    return leaf('t:Body', htmlToText(stored.value), { BodyType: 'Text' }) ?? '';
  if (wanted === 'HTML' && stored.type === 'Text')
    return leaf('t:Body', textToHtml(stored.value), { BodyType: 'HTML' }) ?? '';
  return leaf('t:Body', stored.value, { BodyType: stored.type }) ?? '';
}

function zoneElement(name: string, id: string): string {
  return el(`t:${name}`, { Id: id, Name: id });
}

const dt = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : ewsDateTime(new Date(ms)));

type FieldWriter = (item: CalendarItem, shape: ItemShape, model: ExchangeModelApi) => string | undefined;

/** ItemType then CalendarItemType elements, in schema order. `extended` marks the ExtendedProperty slot. */
const FIELDS: readonly (readonly [string, FieldWriter])[] = [
  ['ItemId', (i) => idElement('ItemId', i.itemId)],
  ['ParentFolderId', (i) => idElement('ParentFolderId', i.parentFolderId)],
  ['ItemClass', (i) => leaf('t:ItemClass', i.itemClass)],
  ['Subject', (i) => leaf('t:Subject', i.subject)],
  ['Sensitivity', (i) => leaf('t:Sensitivity', i.sensitivity)],
  ['Body', (i, s) => bodyElement(i, s.bodyType)],
  ['DateTimeReceived', (i) => leaf('t:DateTimeReceived', dt(i.dateTimeCreated))],
  ['Size', (i) => leaf('t:Size', i.size)],
  ['Importance', (i) => leaf('t:Importance', i.importance)],
  ['IsSubmitted', () => leaf('t:IsSubmitted', false)],
  ['IsDraft', () => leaf('t:IsDraft', false)],
  ['IsFromMe', () => leaf('t:IsFromMe', false)],
  ['IsResend', () => leaf('t:IsResend', false)],
  ['IsUnmodified', () => leaf('t:IsUnmodified', false)],
  ['DateTimeSent', (i) => leaf('t:DateTimeSent', dt(i.dateTimeCreated))],
  ['DateTimeCreated', (i) => leaf('t:DateTimeCreated', dt(i.dateTimeCreated))],
  ['ReminderIsSet', () => leaf('t:ReminderIsSet', false)],
  ['HasAttachments', () => leaf('t:HasAttachments', false)],
  ['ExtendedProperty', (i, s, model) => extendedProperties(i, s.extended, model)],
  ['LastModifiedTime', (i) => leaf('t:LastModifiedTime', dt(i.lastModifiedTime))],
  ['IsAssociated', () => leaf('t:IsAssociated', false)],
  ['UID', (i) => leaf('t:UID', i.uid)],
  ['RecurrenceId', (i) => leaf('t:RecurrenceId', dt(i.recurrenceId))],
  ['DateTimeStamp', (i) => leaf('t:DateTimeStamp', dt(i.dateTimeStamp))],
  ['Start', (i) => leaf('t:Start', dt(i.start))],
  ['End', (i) => leaf('t:End', dt(i.end))],
  ['OriginalStart', (i) => leaf('t:OriginalStart', dt(i.recurrenceId))],
  ['IsAllDayEvent', (i) => leaf('t:IsAllDayEvent', i.isAllDay)],
  ['LegacyFreeBusyStatus', (i) => leaf('t:LegacyFreeBusyStatus', i.legacyFreeBusyStatus)],
  ['Location', (i) => leaf('t:Location', i.location)],
  ['IsMeeting', (i) => leaf('t:IsMeeting', i.isMeeting)],
  ['IsCancelled', (i) => leaf('t:IsCancelled', i.isCancelled)],
  ['IsRecurring', (i) => leaf('t:IsRecurring', i.calendarItemType !== 'Single')],
  ['MeetingRequestWasSent', (i) => leaf('t:MeetingRequestWasSent', i.meetingRequestWasSent)],
  ['IsResponseRequested', (i) => leaf('t:IsResponseRequested', i.isResponseRequested)],
  ['CalendarItemType', (i) => leaf('t:CalendarItemType', i.calendarItemType)],
  ['MyResponseType', (i) => leaf('t:MyResponseType', i.myResponseType)],
  ['Organizer', (i) => el('t:Organizer', undefined, mailboxElement('t:Mailbox', i.organizer))],
  ['RequiredAttendees', (i) => attendees('RequiredAttendees', i.requiredAttendees)],
  ['OptionalAttendees', (i) => attendees('OptionalAttendees', i.optionalAttendees)],
  ['Resources', (i) => attendees('Resources', i.resources)],
  ['Duration', (i) => leaf('t:Duration', formatDurationMs(i.end - i.start))],
  ['AppointmentSequenceNumber', (i) => leaf('t:AppointmentSequenceNumber', i.appointmentSequenceNumber)],
  ['AppointmentState', (i) => leaf('t:AppointmentState', i.appointmentState)],
  ['Recurrence', (i) => (i.recurrence ? recurrenceElement(i.recurrence, i.startTimeZone) : undefined)],
  ['FirstOccurrence', (i) => (i.firstOccurrence ? occurrence('FirstOccurrence', i.firstOccurrence) : undefined)],
  ['LastOccurrence', (i) => (i.lastOccurrence ? occurrence('LastOccurrence', i.lastOccurrence) : undefined)],
  [
    'ModifiedOccurrences',
    (i) =>
      i.modifiedOccurrences && i.modifiedOccurrences.length > 0
        ? el('t:ModifiedOccurrences', undefined, ...i.modifiedOccurrences.map((o) => occurrence('Occurrence', o)))
        : undefined,
  ],
  [
    'DeletedOccurrences',
    (i) =>
      i.deletedOccurrences && i.deletedOccurrences.length > 0
        ? el(
            't:DeletedOccurrences',
            undefined,
            ...i.deletedOccurrences.map((o) => el('t:DeletedOccurrence', undefined, leaf('t:Start', dt(o.start)))),
          )
        : undefined,
  ],
  ['StartTimeZone', (i) => zoneElement('StartTimeZone', i.startTimeZone)],
  ['EndTimeZone', (i) => zoneElement('EndTimeZone', i.endTimeZone)],
  ['ConferenceType', () => leaf('t:ConferenceType', 0)],
  ['AllowNewTimeProposal', () => leaf('t:AllowNewTimeProposal', true)],
  ['IsOnlineMeeting', (i) => leaf('t:IsOnlineMeeting', i.joinOnlineMeetingUrl !== undefined)],
  ['JoinOnlineMeetingUrl', (i) => leaf('t:JoinOnlineMeetingUrl', i.joinOnlineMeetingUrl)],
  ['IsOrganizer', (i) => leaf('t:IsOrganizer', i.isOrganizer)],
];

export const KNOWN_ITEM_FIELDS: ReadonlySet<string> = new Set(FIELDS.map(([n]) => n));

const DEFAULT_FIELDS = new Set([
  'ItemId',
  'Subject',
  'HasAttachments',
  'IsAssociated',
  'Start',
  'End',
  'LegacyFreeBusyStatus',
  'Location',
  'CalendarItemType',
  'Organizer',
]);
// AllProperties leaves out properties that must be asked for by name, as Exchange does.
const NOT_IN_ALL = new Set(['ExtendedProperty', 'JoinOnlineMeetingUrl']);

function extendedAttrs(k: ExtendedPropertyKey): Record<string, AttrValue> {
  return {
    DistinguishedPropertySetId: k.distinguishedPropertySetId,
    PropertySetId: k.propertySetId,
    PropertyTag: k.propertyTag === undefined ? undefined : `0x${k.propertyTag.toString(16)}`,
    PropertyName: k.propertyName,
    PropertyId: k.propertyId,
    PropertyType: k.propertyType,
  };
}

export function extendedFieldUri(k: ExtendedPropertyKey): string {
  return el('t:ExtendedFieldURI', extendedAttrs(k));
}

function extendedProperties(
  item: CalendarItem,
  keys: readonly ExtendedPropertyKey[],
  model: ExchangeModelApi,
): string | undefined {
  const parts: string[] = [];
  for (const key of keys) {
    const p = model.extendedPropertyValue(item, key);
    if (!p) continue;
    const value =
      p.values !== undefined
        ? el('t:Values', undefined, ...p.values.map((v) => leaf('t:Value', v)))
        : leaf('t:Value', p.value ?? '');
    parts.push(el('t:ExtendedProperty', undefined, extendedFieldUri(key), value));
  }
  return parts.length === 0 ? undefined : parts.join('');
}

function included(name: string, shape: ItemShape): boolean {
  if (name === 'ItemId') return true;
  if (name === 'ExtendedProperty') return shape.extended.length > 0;
  if (shape.additional.has(name)) return true;
  if (shape.baseShape === 'AllProperties') return !NOT_IN_ALL.has(name);
  if (shape.baseShape === 'Default') return DEFAULT_FIELDS.has(name);
  return false;
}

export function calendarItemElement(item: CalendarItem, shape: ItemShape, model: ExchangeModelApi): string {
  const parts: (string | undefined)[] = [];
  for (const [name, write] of FIELDS) {
    if (included(name, shape)) parts.push(write(item, shape, model));
  }
  return el('t:CalendarItem', undefined, ...parts);
}
