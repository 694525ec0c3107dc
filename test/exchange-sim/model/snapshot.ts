import type { Attendee, CalendarItem, ExtendedProperty, IdAndChangeKey, OccurrenceInfo } from './api';
import { CLEAN_GLOBAL_OBJECT_ID_KEY, GLOBAL_OBJECT_ID_KEY } from './api';
import { globalObjectIdForOccurrence, occurrenceIdOf } from './ids';
import type { AttendeeRecord, ExceptionRecord, ItemRecord } from './records';
import { isMeetingRecord } from './records';
import { expandSeries, lastOccurrences, type Occurrence, type SeriesTiming } from './recurrence';
import { windowsToIana } from './timezones';

/** Read-only views of records, in the shape of api.ts. */

export function seriesTiming(record: ItemRecord): SeriesTiming {
  return { start: record.start, end: record.end, ianaZone: windowsToIana(record.startTimeZone) };
}

function attendees(list: readonly AttendeeRecord[]): Attendee[] {
  return list.map((a) => ({
    mailbox: { name: a.name, emailAddress: a.email, routingType: 'SMTP', mailboxType: 'Mailbox' },
    responseType: a.responseType,
    ...(a.lastResponseTime !== undefined ? { lastResponseTime: a.lastResponseTime } : {}),
  }));
}

function folderId(record: ItemRecord): IdAndChangeKey {
  return { id: record.folder.id, changeKey: record.folder.changeKey };
}

function appointmentState(record: ItemRecord, cancelled: boolean): number {
  let state = isMeetingRecord(record) ? 1 : 0;
  if (!record.isOrganizer) state |= 2;
  if (cancelled) state |= 4;
  return state;
}

function computedProperties(record: ItemRecord, globalObjectId: Buffer): ExtendedProperty[] {
  return [
    ...record.extended.values(),
    { key: CLEAN_GLOBAL_OBJECT_ID_KEY, value: record.cleanGoid.toString('base64') },
    { key: GLOBAL_OBJECT_ID_KEY, value: globalObjectId.toString('base64') },
  ];
}

function approximateSize(record: ItemRecord): number {
  return (
    512 + Buffer.byteLength(record.subject) + Buffer.byteLength(record.body.value) + Buffer.byteLength(record.location)
  );
}

/** The occurrence as it stands, as a record (master fields merged with its exception). */
export function occurrenceRecord(master: ItemRecord, occ: Occurrence): ItemRecord {
  const o = master.exceptions.get(occ.originalStart)?.overrides ?? {};
  return {
    ...master,
    subject: o.subject ?? master.subject,
    body: o.body ?? master.body,
    location: o.location ?? master.location,
    sensitivity: o.sensitivity ?? master.sensitivity,
    importance: o.importance ?? master.importance,
    start: o.start ?? occ.originalStart,
    end: o.end ?? occ.originalEnd,
    isAllDay: o.isAllDay ?? master.isAllDay,
    legacyFreeBusyStatus: o.legacyFreeBusyStatus ?? master.legacyFreeBusyStatus,
    requiredAttendees: o.requiredAttendees ?? master.requiredAttendees,
    optionalAttendees: o.optionalAttendees ?? master.optionalAttendees,
    resources: o.resources ?? master.resources,
    myResponseType: o.myResponseType ?? master.myResponseType,
  };
}

/** An occurrence as it stands: the original or, with an exception, its changed fields. */
export function occurrenceTimes(
  occ: Occurrence,
  exception: ExceptionRecord | undefined,
): { start: number; end: number } {
  return { start: exception?.overrides.start ?? occ.originalStart, end: exception?.overrides.end ?? occ.originalEnd };
}

function occurrenceInfo(master: ItemRecord, occ: Occurrence): OccurrenceInfo {
  const exception = master.exceptions.get(occ.originalStart);
  const times = occurrenceTimes(occ, exception);
  return {
    itemId: {
      id: occurrenceIdOf(master.id, occ.originalStart) ?? master.id,
      changeKey: exception?.changeKey ?? master.changeKey,
    },
    start: times.start,
    end: times.end,
    originalStart: occ.originalStart,
  };
}

function firstLiveOccurrence(master: ItemRecord, timing: SeriesTiming): Occurrence | undefined {
  let scanned = 0;
  for (const occ of expandSeries(master.recurrence ?? neverRecurrence, timing)) {
    if (!master.deletedOccurrences.has(occ.originalStart)) return occ;
    if (++scanned > 5000) return undefined;
  }
  return undefined;
}

const neverRecurrence = {
  pattern: { kind: 'Daily', interval: 1 },
  range: { kind: 'Numbered', startDate: '1970-01-01', numberOfOccurrences: 1 },
} as const;

function lastLiveOccurrence(master: ItemRecord, timing: SeriesTiming): Occurrence | undefined {
  if (!master.recurrence) return undefined;
  for (const occ of lastOccurrences(master.recurrence, timing))
    if (!master.deletedOccurrences.has(occ.originalStart)) return occ;
  return undefined;
}

/** Snapshot of a single item or recurring master. */
export function snapshotItem(record: ItemRecord): CalendarItem {
  const base = baseFields(record);
  if (!record.recurrence) return { ...base, ...singleOccurrenceFields(record), calendarItemType: 'Single' };
  const timing = seriesTiming(record);
  const first = firstLiveOccurrence(record, timing);
  const last = lastLiveOccurrence(record, timing);
  const modified = [...record.exceptions.values()]
    .sort((a, b) => a.originalStart - b.originalStart)
    .map((ex) => {
      const times = {
        start: ex.overrides.start ?? ex.originalStart,
        end: ex.overrides.end ?? ex.originalStart + (record.end - record.start),
      };
      return {
        itemId: { id: occurrenceIdOf(record.id, ex.originalStart) ?? record.id, changeKey: ex.changeKey },
        ...times,
        originalStart: ex.originalStart,
      };
    });
  const deleted = [...record.deletedOccurrences].sort((a, b) => a - b).map((start) => ({ start }));
  return {
    ...base,
    calendarItemType: 'RecurringMaster',
    recurrence: record.recurrence,
    ...(modified.length > 0 ? { modifiedOccurrences: modified } : {}),
    ...(deleted.length > 0 ? { deletedOccurrences: deleted } : {}),
    ...(first ? { firstOccurrence: occurrenceInfo(record, first) } : {}),
    ...(last ? { lastOccurrence: occurrenceInfo(record, last) } : {}),
  };
}

/** A copy of one occurrence only keeps the occurrence's RecurrenceId and dated global object id. */
function singleOccurrenceFields(record: ItemRecord): Partial<CalendarItem> {
  const single = record.singleOccurrence;
  if (!single) return {};
  return {
    recurrenceId: single.originalStart,
    globalObjectId: single.globalObjectId.toString('base64'),
    extendedProperties: computedProperties(record, single.globalObjectId),
  };
}

function baseFields(record: ItemRecord): Omit<CalendarItem, 'calendarItemType'> {
  return {
    itemId: { id: record.id, changeKey: record.changeKey },
    parentFolderId: folderId(record),
    mailbox: record.mailbox.smtp,
    itemClass: record.itemClass,
    subject: record.subject,
    body: record.body,
    location: record.location,
    sensitivity: record.sensitivity,
    importance: record.importance,
    start: record.start,
    end: record.end,
    isAllDay: record.isAllDay,
    startTimeZone: record.startTimeZone,
    endTimeZone: record.endTimeZone,
    legacyFreeBusyStatus: record.legacyFreeBusyStatus,
    organizer: record.organizer,
    requiredAttendees: attendees(record.requiredAttendees),
    optionalAttendees: attendees(record.optionalAttendees),
    resources: attendees(record.resources),
    myResponseType: record.myResponseType,
    isOrganizer: record.isOrganizer,
    isCancelled: record.isCancelled,
    isMeeting: isMeetingRecord(record),
    meetingRequestWasSent: record.meetingRequestWasSent,
    isResponseRequested: record.isResponseRequested,
    uid: record.uid,
    cleanGlobalObjectId: record.cleanGoid.toString('base64'),
    globalObjectId: record.cleanGoid.toString('base64'),
    extendedProperties: computedProperties(record, record.cleanGoid),
    ...(record.joinOnlineMeetingUrl !== undefined ? { joinOnlineMeetingUrl: record.joinOnlineMeetingUrl } : {}),
    appointmentSequenceNumber: record.sequence,
    appointmentState: appointmentState(record, record.isCancelled),
    dateTimeCreated: record.created,
    lastModifiedTime: record.modified,
    dateTimeStamp: record.stamp,
    size: approximateSize(record),
  };
}

/** Snapshot of one occurrence or exception of a master. */
export function snapshotOccurrence(master: ItemRecord, occ: Occurrence): CalendarItem {
  const exception = master.exceptions.get(occ.originalStart);
  const o = exception?.overrides ?? {};
  const times = occurrenceTimes(occ, exception);
  const goid = globalObjectIdForOccurrence(master.cleanGoid, occ.date.year, occ.date.month, occ.date.day);
  const base = baseFields(master);
  return {
    ...base,
    itemId: {
      id: occurrenceIdOf(master.id, occ.originalStart) ?? master.id,
      changeKey: exception?.changeKey ?? master.changeKey,
    },
    calendarItemType: exception ? 'Exception' : 'Occurrence',
    subject: o.subject ?? master.subject,
    body: o.body ?? master.body,
    location: o.location ?? master.location,
    sensitivity: o.sensitivity ?? master.sensitivity,
    importance: o.importance ?? master.importance,
    start: times.start,
    end: times.end,
    isAllDay: o.isAllDay ?? master.isAllDay,
    legacyFreeBusyStatus: o.legacyFreeBusyStatus ?? master.legacyFreeBusyStatus,
    requiredAttendees: attendees(o.requiredAttendees ?? master.requiredAttendees),
    optionalAttendees: attendees(o.optionalAttendees ?? master.optionalAttendees),
    resources: attendees(o.resources ?? master.resources),
    myResponseType: o.myResponseType ?? master.myResponseType,
    globalObjectId: goid.toString('base64'),
    extendedProperties: computedProperties(master, goid),
    recurrenceId: occ.originalStart,
    instanceIndex: occ.index,
    recurringMasterId: { id: master.id, changeKey: master.changeKey },
    ...(exception ? { dateTimeCreated: exception.created, lastModifiedTime: exception.modified } : {}),
  };
}
