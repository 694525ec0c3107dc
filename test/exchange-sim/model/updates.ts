import type { CalendarFieldUri, CalendarItemInput, FieldChange } from './api';
import { snapToFirstOccurrence, checkExtendedProperties, checkTimes, toAttendeeRecords } from './build';
import type { Directory } from './directory';
import { EwsError } from './errors';
import { extendedKeyString } from './extended';
import {
  NO_DELETED_OCCURRENCES,
  NO_EXCEPTIONS,
  type AttendeeKind,
  type AttendeeRecord,
  type ItemRecord,
  type OccurrenceOverrides,
} from './records';
import { localDateString, windowsToIana } from './timezones';

/** UpdateItem field semantics (SetItemField / AppendToItemField / DeleteItemField). */

export interface ApplyResult {
  /** Field names changed (field URIs or extended key strings), for ConflictResolution. */
  readonly fields: readonly string[];
  readonly timesChanged: boolean;
  readonly attendeesChanged: boolean;
  readonly recurrenceChanged: boolean;
  /** Changes attendees must hear about (time, place, recurrence, attendees, subject, body). */
  readonly meetingRelevant: boolean;
}

const ATTENDEE_FIELDS: Partial<Record<CalendarFieldUri, AttendeeKind>> = {
  'calendar:RequiredAttendees': 'requiredAttendees',
  'calendar:OptionalAttendees': 'optionalAttendees',
  'calendar:Resources': 'resources',
};
const READ_ONLY: ReadonlySet<CalendarFieldUri> = new Set([
  'calendar:UID',
  'calendar:CalendarItemType',
  'calendar:Organizer',
  'calendar:IsCancelled',
  'item:DateTimeCreated',
  'item:LastModifiedTime',
]);
const TIME_FIELDS: ReadonlySet<string> = new Set([
  'calendar:Start',
  'calendar:End',
  'calendar:IsAllDayEvent',
  'calendar:StartTimeZone',
  'calendar:EndTimeZone',
]);
const NOT_FOR_MEETINGS: ReadonlySet<string> = new Set([
  'item:Importance',
  'calendar:LegacyFreeBusyStatus',
  'calendar:IsResponseRequested',
]);

function value<K extends keyof CalendarItemInput>(change: FieldChange, key: K): NonNullable<CalendarItemInput[K]> {
  const v = change.value?.[key];
  if (v === undefined || v === null) {
    throw new EwsError('ErrorInvalidPropertySet', `The update for ${describe(change)} carries no value.`);
  }
  return v;
}

function describe(change: FieldChange): string {
  return 'fieldUri' in change.target
    ? change.target.fieldUri
    : `extended property ${extendedKeyString(change.target.extended)}`;
}

function invalidAppend(change: FieldChange): never {
  throw new EwsError('ErrorInvalidPropertyAppend', `${describe(change)} does not support AppendToItemField.`);
}

function invalidDelete(change: FieldChange): never {
  throw new EwsError('ErrorInvalidPropertyDelete', `${describe(change)} cannot be deleted.`);
}

function mergeAttendees(existing: readonly AttendeeRecord[], added: readonly AttendeeRecord[]): AttendeeRecord[] {
  const have = new Set(existing.map((a) => a.email));
  return [...existing.map((a) => ({ ...a })), ...added.filter((a) => !have.has(a.email))];
}

/** Keeps the responses already tracked for attendees that stay. */
function keepResponses(previous: readonly AttendeeRecord[], next: AttendeeRecord[]): AttendeeRecord[] {
  const old = new Map(previous.map((a) => [a.email, a] as const));
  return next.map((a) =>
    old.get(a.email) ? { ...a, responseType: old.get(a.email)?.responseType ?? a.responseType } : a,
  );
}

type Draft = ItemRecord;

function applyOne(directory: Directory, draft: Draft, change: FieldChange): void {
  if (!('fieldUri' in change.target)) {
    const key = extendedKeyString(change.target.extended);
    if (change.op === 'append') invalidAppend(change);
    if (change.op === 'delete') {
      draft.extended.delete(key);
      return;
    }
    const prop = value(change, 'extendedProperties')[0];
    if (!prop || extendedKeyString(prop.key) !== key)
      throw new EwsError('ErrorInvalidPropertySet', 'The extended property in the update does not match its path.');
    checkExtendedProperties([prop]);
    draft.extended.set(key, prop);
    return;
  }
  const uri = change.target.fieldUri;
  if (READ_ONLY.has(uri)) throw new EwsError('ErrorInvalidPropertySet', `${uri} is read-only.`);
  const attendeeKind = ATTENDEE_FIELDS[uri];
  if (attendeeKind) {
    const current = draft[attendeeKind];
    if (change.op === 'delete') draft[attendeeKind] = [];
    else {
      const incoming = toAttendeeRecords(directory, value(change, attendeeKind));
      draft[attendeeKind] =
        change.op === 'append' ? mergeAttendees(current, incoming) : keepResponses(current, incoming);
    }
    return;
  }
  if (change.op === 'append' && uri !== 'item:Body') invalidAppend(change);
  switch (uri) {
    case 'item:Subject':
      draft.subject = change.op === 'delete' ? '' : value(change, 'subject');
      return;
    case 'item:Body': {
      if (change.op === 'delete') draft.body = { type: draft.body.type, value: '' };
      else if (change.op === 'append') {
        const add = value(change, 'body');
        draft.body = { type: draft.body.type, value: draft.body.value + add.value };
      } else draft.body = value(change, 'body');
      return;
    }
    case 'item:Sensitivity':
      draft.sensitivity = change.op === 'delete' ? 'Normal' : value(change, 'sensitivity');
      return;
    case 'item:Importance':
      draft.importance = change.op === 'delete' ? 'Normal' : value(change, 'importance');
      return;
    case 'calendar:Location':
      draft.location = change.op === 'delete' ? '' : value(change, 'location');
      return;
    case 'calendar:Start':
      if (change.op === 'delete') invalidDelete(change);
      draft.start = value(change, 'start');
      return;
    case 'calendar:End':
      if (change.op === 'delete') invalidDelete(change);
      draft.end = value(change, 'end');
      return;
    case 'calendar:IsAllDayEvent':
      draft.isAllDay = change.op === 'delete' ? false : value(change, 'isAllDay');
      return;
    case 'calendar:LegacyFreeBusyStatus':
      draft.legacyFreeBusyStatus = change.op === 'delete' ? 'Busy' : value(change, 'legacyFreeBusyStatus');
      return;
    case 'calendar:StartTimeZone':
      if (change.op === 'delete') invalidDelete(change);
      draft.startTimeZone = value(change, 'startTimeZone');
      windowsToIana(draft.startTimeZone);
      return;
    case 'calendar:EndTimeZone':
      if (change.op === 'delete') invalidDelete(change);
      draft.endTimeZone = value(change, 'endTimeZone');
      windowsToIana(draft.endTimeZone);
      return;
    case 'calendar:Recurrence':
      if (change.op === 'delete') delete draft.recurrence;
      else draft.recurrence = value(change, 'recurrence');
      draft.exceptions = NO_EXCEPTIONS;
      draft.deletedOccurrences = NO_DELETED_OCCURRENCES;
      return;
    case 'calendar:IsResponseRequested':
      draft.isResponseRequested = change.op === 'delete' ? true : value(change, 'isResponseRequested');
      return;
    case 'calendar:JoinOnlineMeetingUrl':
      if (change.op === 'delete') delete draft.joinOnlineMeetingUrl;
      else draft.joinOnlineMeetingUrl = value(change, 'joinOnlineMeetingUrl');
      return;
    case 'item:ItemClass':
      draft.itemClass = change.op === 'delete' ? 'IPM.Appointment' : 'IPM.Appointment';
      return;
    default:
      throw new EwsError('ErrorInvalidPropertySet', `${uri} cannot be updated on a calendar item.`);
  }
}

function summarise(changes: readonly FieldChange[]): ApplyResult {
  const fields = changes.map((c) =>
    'fieldUri' in c.target ? c.target.fieldUri : extendedKeyString(c.target.extended),
  );
  const timesChanged = fields.some((f) => TIME_FIELDS.has(f));
  const attendeesChanged = fields.some((f) => f in ATTENDEE_FIELDS);
  const recurrenceChanged = fields.includes('calendar:Recurrence');
  const meetingRelevant =
    fields.some((f) => f.startsWith('item:') || f.startsWith('calendar:')) &&
    !fields.every((f) => NOT_FOR_MEETINGS.has(f));
  return { fields, timesChanged, attendeesChanged, recurrenceChanged, meetingRelevant };
}

/** Applies the changes to a single item or master, all or nothing. */
export function applyToRecord(directory: Directory, record: ItemRecord, changes: readonly FieldChange[]): ApplyResult {
  const draft: Draft = {
    ...record,
    extended: new Map(record.extended),
    requiredAttendees: [...record.requiredAttendees],
    optionalAttendees: [...record.optionalAttendees],
    resources: [...record.resources],
  };
  for (const change of changes) applyOne(directory, draft, change);
  checkTimes(draft.start, draft.end);
  const result = summarise(changes);
  if (draft.recurrence && (result.recurrenceChanged || result.timesChanged)) {
    if (result.timesChanged && !result.recurrenceChanged) {
      draft.exceptions = NO_EXCEPTIONS;
      draft.deletedOccurrences = NO_DELETED_OCCURRENCES;
      if (result.fields.includes('calendar:Start')) {
        const startDate = localDateString(draft.start, windowsToIana(draft.startTimeZone));
        draft.recurrence = { ...draft.recurrence, range: { ...draft.recurrence.range, startDate } };
      }
    }
    snapToFirstOccurrence(draft);
  }
  Object.assign(record, draft);
  if (!draft.recurrence) delete record.recurrence;
  if (draft.joinOnlineMeetingUrl === undefined) delete record.joinOnlineMeetingUrl;
  return result;
}

const OCCURRENCE_FIELDS: ReadonlySet<string> = new Set([
  'item:Subject',
  'item:Body',
  'item:Sensitivity',
  'item:Importance',
  'calendar:Location',
  'calendar:Start',
  'calendar:End',
  'calendar:IsAllDayEvent',
  'calendar:LegacyFreeBusyStatus',
  'calendar:RequiredAttendees',
  'calendar:OptionalAttendees',
  'calendar:Resources',
]);

/**
 * Applies changes to one occurrence, producing the overrides of its exception. `current` is the
 * occurrence as it stands (master fields merged with any earlier overrides).
 */
export function applyToOccurrence(
  directory: Directory,
  current: ItemRecord,
  overrides: OccurrenceOverrides,
  changes: readonly FieldChange[],
): { overrides: OccurrenceOverrides; result: ApplyResult } {
  for (const c of changes) {
    const name = 'fieldUri' in c.target ? c.target.fieldUri : 'extended';
    if (!OCCURRENCE_FIELDS.has(name))
      throw new EwsError('ErrorInvalidOperation', `${name} cannot be changed on a single occurrence.`);
  }
  const draft: Draft = {
    ...current,
    requiredAttendees: [...current.requiredAttendees],
    optionalAttendees: [...current.optionalAttendees],
    resources: [...current.resources],
  };
  for (const change of changes) applyOne(directory, draft, change);
  checkTimes(draft.start, draft.end);
  const result = summarise(changes);
  const next: OccurrenceOverrides = { ...overrides };
  for (const f of result.fields) {
    switch (f) {
      case 'item:Subject':
        next.subject = draft.subject;
        break;
      case 'item:Body':
        next.body = draft.body;
        break;
      case 'item:Sensitivity':
        next.sensitivity = draft.sensitivity;
        break;
      case 'item:Importance':
        next.importance = draft.importance;
        break;
      case 'calendar:Location':
        next.location = draft.location;
        break;
      case 'calendar:Start':
        next.start = draft.start;
        break;
      case 'calendar:End':
        next.end = draft.end;
        break;
      case 'calendar:IsAllDayEvent':
        next.isAllDay = draft.isAllDay;
        break;
      case 'calendar:LegacyFreeBusyStatus':
        next.legacyFreeBusyStatus = draft.legacyFreeBusyStatus;
        break;
      case 'calendar:RequiredAttendees':
        next.requiredAttendees = draft.requiredAttendees;
        break;
      case 'calendar:OptionalAttendees':
        next.optionalAttendees = draft.optionalAttendees;
        break;
      case 'calendar:Resources':
        next.resources = draft.resources;
        break;
      default:
        break;
    }
  }
  return { overrides: next, result };
}
