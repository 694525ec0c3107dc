import type { AttendeeInput, CalendarItemInput, EmailAddress, EpochMs, ExtendedProperty, Mailbox } from './api';
import { CLEAN_GLOBAL_OBJECT_ID_KEY } from './api';
import type { Directory } from './directory';
import { EwsError } from './errors';
import { extendedKeyString, isValidExtendedKey } from './extended';
import { cleanGlobalObjectIdForUid, newChangeKey, newCleanGlobalObjectId, uidFromCleanGlobalObjectId } from './ids';
import {
  NO_DELETED_OCCURRENCES,
  NO_EXCEPTIONS,
  NO_EXTENDED,
  NO_HISTORY,
  type AttendeeRecord,
  type FolderRecord,
  type ItemRecord,
} from './records';
import { firstOccurrence, validateRecurrence } from './recurrence';
import { windowsToIana } from './timezones';

/** Exchange refuses items longer than five years. */
const MAX_DURATION_MS = 5 * 366 * 86_400_000;
const HALF_HOUR_MS = 30 * 60_000;

export function toAttendeeRecords(
  directory: Directory,
  inputs: readonly AttendeeInput[] | undefined,
): AttendeeRecord[] {
  const seen = new Set<string>();
  const out: AttendeeRecord[] = [];
  for (const input of inputs ?? []) {
    const email = input.emailAddress.trim().toLowerCase();
    if (email.length === 0 || seen.has(email)) continue;
    seen.add(email);
    const resolved = directory.emailAddressOf(email, input.name);
    out.push({ email, name: resolved.name, responseType: 'Unknown' });
  }
  return out;
}

export function checkTimes(start: EpochMs, end: EpochMs): void {
  if (!Number.isFinite(start) || !Number.isFinite(end))
    throw new EwsError('ErrorInvalidArgument', 'Start and End must be valid dates.');
  if (end < start)
    throw new EwsError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate');
  if (end - start > MAX_DURATION_MS)
    throw new EwsError('ErrorCalendarDurationIsTooLong', 'The duration of the calendar item is too long.');
}

export function checkExtendedProperties(props: readonly ExtendedProperty[] | undefined): void {
  for (const p of props ?? []) {
    if (!isValidExtendedKey(p.key))
      throw new EwsError('ErrorInvalidExtendedPropertyValue', 'The extended property key is invalid.');
    const isArray = p.key.propertyType.endsWith('Array');
    if (isArray ? p.values === undefined : p.value === undefined) {
      throw new EwsError('ErrorInvalidExtendedPropertyValue', 'The extended property value does not match its type.');
    }
  }
}

/** Master start/end snap to the first occurrence of the pattern, as Exchange stores them. */
export function snapToFirstOccurrence(record: ItemRecord): void {
  if (!record.recurrence) return;
  validateRecurrence(record.recurrence);
  const first = firstOccurrence(record.recurrence, {
    start: record.start,
    end: record.end,
    ianaZone: windowsToIana(record.startTimeZone),
  });
  if (!first)
    throw new EwsError('ErrorRecurrenceHasNoOccurrence', 'The recurrence pattern has no occurrence in its range.');
  record.start = first.originalStart;
  record.end = first.originalEnd;
}

export interface NewRecordContext {
  readonly directory: Directory;
  readonly mailbox: Mailbox;
  readonly folder: FolderRecord;
  readonly id: string;
  readonly now: EpochMs;
  readonly organizer: EmailAddress;
}

/** A new organizer-side record from a CreateItem CalendarItem. */
export function buildRecord(ctx: NewRecordContext, input: CalendarItemInput): ItemRecord {
  const start = input.start ?? Math.ceil(ctx.now / HALF_HOUR_MS) * HALF_HOUR_MS;
  const end = input.end ?? start + HALF_HOUR_MS;
  checkTimes(start, end);
  const startTimeZone = input.startTimeZone ?? 'UTC';
  const endTimeZone = input.endTimeZone ?? startTimeZone;
  windowsToIana(startTimeZone);
  windowsToIana(endTimeZone);
  checkExtendedProperties(input.extendedProperties);
  const props = input.extendedProperties ?? [];
  const extended = props.length > 0 ? new Map<string, ExtendedProperty>() : NO_EXTENDED;
  let cleanGoid: Buffer | undefined;
  const cleanKey = extendedKeyString(CLEAN_GLOBAL_OBJECT_ID_KEY);
  for (const p of props) {
    if (extendedKeyString(p.key) === cleanKey && p.value) cleanGoid = Buffer.from(p.value, 'base64');
    else extended.set(extendedKeyString(p.key), p);
  }
  cleanGoid ??= input.uid ? cleanGlobalObjectIdForUid(input.uid, ctx.now) : newCleanGlobalObjectId(ctx.now);
  const record: ItemRecord = {
    id: ctx.id,
    changeKey: newChangeKey(),
    mailbox: ctx.mailbox,
    folder: ctx.folder,
    itemClass: 'IPM.Appointment',
    subject: input.subject ?? '',
    body: input.body ?? { type: 'HTML', value: '' },
    location: input.location ?? '',
    sensitivity: input.sensitivity ?? 'Normal',
    importance: input.importance ?? 'Normal',
    start,
    end,
    isAllDay: input.isAllDay ?? false,
    startTimeZone,
    endTimeZone,
    legacyFreeBusyStatus: input.legacyFreeBusyStatus ?? 'Busy',
    organizer: ctx.organizer,
    requiredAttendees: toAttendeeRecords(ctx.directory, input.requiredAttendees),
    optionalAttendees: toAttendeeRecords(ctx.directory, input.optionalAttendees),
    resources: toAttendeeRecords(ctx.directory, input.resources),
    myResponseType: 'Organizer',
    isOrganizer: true,
    isCancelled: false,
    meetingRequestWasSent: false,
    isResponseRequested: input.isResponseRequested ?? true,
    uid: input.uid ?? uidFromCleanGlobalObjectId(cleanGoid),
    cleanGoid,
    ...(input.recurrence ? { recurrence: input.recurrence } : {}),
    exceptions: NO_EXCEPTIONS,
    deletedOccurrences: NO_DELETED_OCCURRENCES,
    extended,
    ...(input.joinOnlineMeetingUrl !== undefined ? { joinOnlineMeetingUrl: input.joinOnlineMeetingUrl } : {}),
    sequence: 0,
    created: ctx.now,
    modified: ctx.now,
    stamp: ctx.now,
    history: NO_HISTORY,
  };
  snapToFirstOccurrence(record);
  return record;
}
