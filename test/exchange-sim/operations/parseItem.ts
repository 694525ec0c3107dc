import type {
  AttendeeInput,
  Body,
  CalendarFieldUri,
  CalendarItemInput,
  DayOfWeek,
  DayOfWeekIndex,
  DayOfWeekSpec,
  DistinguishedPropertySetId,
  ExtendedProperty,
  ExtendedPropertyKey,
  FieldTarget,
  LegacyFreeBusyStatus,
  MapiPropertyType,
  MonthName,
  Recurrence,
  RecurrencePattern,
  RecurrenceRange,
  Sensitivity,
} from '../model/api';
import { attrOf, elementChildren, tChild, textOf, type Element } from '../soap/dom';
import { NS } from '../soap/xml';
import { ProtocolError } from './responses';
import { parseEwsDate, parseEwsDateTime } from './time';

/** Reading a `t:CalendarItem` (CreateItem, SetItemField) and field URIs into model input. */

export function parseExtendedFieldUri(e: Element): ExtendedPropertyKey {
  const tag = attrOf(e, 'PropertyTag');
  const id = attrOf(e, 'PropertyId');
  const key: {
    -readonly [K in keyof ExtendedPropertyKey]: ExtendedPropertyKey[K];
  } = { propertyType: (attrOf(e, 'PropertyType') ?? 'String') as MapiPropertyType };
  const dset = attrOf(e, 'DistinguishedPropertySetId');
  if (dset) key.distinguishedPropertySetId = dset as DistinguishedPropertySetId;
  const set = attrOf(e, 'PropertySetId');
  if (set) key.propertySetId = set;
  const name = attrOf(e, 'PropertyName');
  if (name !== undefined) key.propertyName = name;
  if (id !== undefined) key.propertyId = Number(id);
  if (tag !== undefined) key.propertyTag = tag.toLowerCase().startsWith('0x') ? parseInt(tag, 16) : Number(tag);
  return key;
}

const SETTABLE_FIELDS: readonly CalendarFieldUri[] = [
  'item:Subject',
  'item:Body',
  'item:Sensitivity',
  'item:Importance',
  'item:DateTimeCreated',
  'item:LastModifiedTime',
  'item:ItemClass',
  'calendar:Start',
  'calendar:End',
  'calendar:Location',
  'calendar:IsAllDayEvent',
  'calendar:LegacyFreeBusyStatus',
  'calendar:StartTimeZone',
  'calendar:EndTimeZone',
  'calendar:RequiredAttendees',
  'calendar:OptionalAttendees',
  'calendar:Resources',
  'calendar:Recurrence',
  'calendar:UID',
  'calendar:IsCancelled',
  'calendar:CalendarItemType',
  'calendar:Organizer',
  'calendar:IsResponseRequested',
  'calendar:JoinOnlineMeetingUrl',
];

/** A `t:FieldURI` or `t:ExtendedFieldURI` that a change or a restriction names. */
export function parseFieldTarget(e: Element): FieldTarget {
  if (e.localName === 'ExtendedFieldURI') return { extended: parseExtendedFieldUri(e) };
  if (e.localName === 'FieldURI') {
    const uri = attrOf(e, 'FieldURI') ?? '';
    const known = SETTABLE_FIELDS.find((f) => f === uri);
    if (known) return { fieldUri: known };
    throw new ProtocolError(
      'ErrorInvalidPropertyRequest',
      `The property '${uri}' is not supported by the simulator here.`,
    );
  }
  throw new ProtocolError('ErrorInvalidPropertyRequest', `Indexed field URIs do not apply to calendar items.`);
}

export function findFieldTarget(parent: Element): Element | undefined {
  return elementChildren(parent, NS.t).find((c) =>
    ['FieldURI', 'ExtendedFieldURI', 'IndexedFieldURI'].includes(c.localName ?? ''),
  );
}

function parseBody(e: Element): Body {
  return { type: attrOf(e, 'BodyType') === 'Text' ? 'Text' : 'HTML', value: textOf(e) ?? '' };
}

function parseAttendees(e: Element): AttendeeInput[] {
  return elementChildren(e, NS.t, 'Attendee').map((a) => {
    const mailbox = tChild(a, 'Mailbox');
    const email = (textOf(tChild(mailbox, 'EmailAddress')) ?? '').trim();
    const name = textOf(tChild(mailbox, 'Name'));
    return name ? { emailAddress: email, name } : { emailAddress: email };
  });
}

function parseExtendedProperty(e: Element): ExtendedProperty {
  const uri = tChild(e, 'ExtendedFieldURI');
  if (!uri) throw new ProtocolError('ErrorInvalidRequest', 'ExtendedProperty without ExtendedFieldURI.');
  const key = parseExtendedFieldUri(uri);
  const values = tChild(e, 'Values');
  if (values) return { key, values: elementChildren(values, NS.t, 'Value').map((v) => textOf(v) ?? '') };
  return { key, value: textOf(tChild(e, 'Value')) ?? '' };
}

const num = (e: Element | undefined): number => Number(textOf(e) ?? 'NaN');

function parsePattern(e: Element): RecurrencePattern {
  const interval = num(tChild(e, 'Interval'));
  const days = (textOf(tChild(e, 'DaysOfWeek')) ?? '').trim();
  const index = textOf(tChild(e, 'DayOfWeekIndex')) as DayOfWeekIndex;
  const month = textOf(tChild(e, 'Month')) as MonthName;
  switch (e.localName) {
    case 'DailyRecurrence':
      return { kind: 'Daily', interval };
    case 'WeeklyRecurrence': {
      const first = textOf(tChild(e, 'FirstDayOfWeek'));
      const daysOfWeek = days.split(/\s+/).filter(Boolean) as DayOfWeek[];
      return first
        ? { kind: 'Weekly', interval, daysOfWeek, firstDayOfWeek: first as DayOfWeek }
        : { kind: 'Weekly', interval, daysOfWeek };
    }
    case 'AbsoluteMonthlyRecurrence':
      return { kind: 'AbsoluteMonthly', interval, dayOfMonth: num(tChild(e, 'DayOfMonth')) };
    case 'RelativeMonthlyRecurrence':
      return { kind: 'RelativeMonthly', interval, daysOfWeek: days as DayOfWeekSpec, dayOfWeekIndex: index };
    case 'AbsoluteYearlyRecurrence':
      return { kind: 'AbsoluteYearly', dayOfMonth: num(tChild(e, 'DayOfMonth')), month };
    case 'RelativeYearlyRecurrence':
      return { kind: 'RelativeYearly', daysOfWeek: days as DayOfWeekSpec, dayOfWeekIndex: index, month };
    default:
      throw new ProtocolError('ErrorInvalidRecurrence', `Recurrence pattern ${e.localName ?? ''} is not supported.`);
  }
}

function parseRange(e: Element): RecurrenceRange {
  const startDate = parseEwsDate(textOf(tChild(e, 'StartDate')) ?? '');
  switch (e.localName) {
    case 'NoEndRecurrence':
      return { kind: 'NoEnd', startDate };
    case 'EndDateRecurrence':
      return { kind: 'EndDate', startDate, endDate: parseEwsDate(textOf(tChild(e, 'EndDate')) ?? '') };
    case 'NumberedRecurrence':
      return { kind: 'Numbered', startDate, numberOfOccurrences: num(tChild(e, 'NumberOfOccurrences')) };
    default:
      throw new ProtocolError('ErrorInvalidRecurrence', `Recurrence range ${e.localName ?? ''} is not supported.`);
  }
}

export function parseRecurrence(e: Element): Recurrence {
  const [pattern, range] = elementChildren(e, NS.t);
  if (!pattern || !range) throw new ProtocolError('ErrorInvalidRecurrence', 'Recurrence needs a pattern and a range.');
  return { pattern: parsePattern(pattern), range: parseRange(range) };
}

function zoneId(e: Element): string | undefined {
  // TimeZoneDefinition (2010+) carries Id; MeetingTimeZone (2007) carries TimeZoneName.
  return attrOf(e, 'Id') ?? attrOf(e, 'TimeZoneName');
}

const bool = (e: Element): boolean => (textOf(e) ?? '').trim() === 'true';

/** `t:CalendarItem` -> input. `contextZone` is the TimeZoneContext zone for times without offset. */
export function parseCalendarItem(item: Element, contextZone?: string): CalendarItemInput {
  const out: { -readonly [K in keyof CalendarItemInput]: CalendarItemInput[K] } = {};
  const children = elementChildren(item, NS.t);
  const startZoneElement = children.find((c) => c.localName === 'StartTimeZone' || c.localName === 'MeetingTimeZone');
  const startZone = (startZoneElement && zoneId(startZoneElement)) ?? contextZone;
  const extended: ExtendedProperty[] = [];
  for (const c of children) {
    const text = textOf(c) ?? '';
    switch (c.localName) {
      case 'Subject':
        out.subject = text;
        break;
      case 'Body':
        out.body = parseBody(c);
        break;
      case 'Location':
        out.location = text;
        break;
      case 'Sensitivity':
        out.sensitivity = text as Sensitivity;
        break;
      case 'Importance':
        out.importance = text as 'Low' | 'Normal' | 'High';
        break;
      case 'Start':
        out.start = parseEwsDateTime(text, startZone);
        break;
      case 'End':
        out.end = parseEwsDateTime(text, startZone);
        break;
      case 'IsAllDayEvent':
        out.isAllDay = bool(c);
        break;
      case 'LegacyFreeBusyStatus':
        out.legacyFreeBusyStatus = text as LegacyFreeBusyStatus;
        break;
      case 'RequiredAttendees':
        out.requiredAttendees = parseAttendees(c);
        break;
      case 'OptionalAttendees':
        out.optionalAttendees = parseAttendees(c);
        break;
      case 'Resources':
        out.resources = parseAttendees(c);
        break;
      case 'Recurrence':
        out.recurrence = parseRecurrence(c);
        break;
      case 'UID':
        out.uid = text.trim();
        break;
      case 'IsResponseRequested':
        out.isResponseRequested = bool(c);
        break;
      case 'ExtendedProperty':
        extended.push(parseExtendedProperty(c));
        break;
      case 'StartTimeZone':
      case 'MeetingTimeZone': {
        const id = zoneId(c);
        if (id) out.startTimeZone = id;
        if (id && c.localName === 'MeetingTimeZone') out.endTimeZone = id;
        break;
      }
      case 'EndTimeZone': {
        const id = zoneId(c);
        if (id) out.endTimeZone = id;
        break;
      }
      default:
        // Other ItemType/CalendarItemType elements (ReminderIsSet, Categories, ...) are accepted and not stored.
        break;
    }
  }
  if (extended.length > 0) out.extendedProperties = extended;
  return out;
}
