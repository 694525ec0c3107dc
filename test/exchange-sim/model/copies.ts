import type { CalendarProcessingSettings, EpochMs, LegacyFreeBusyStatus, Mailbox, ResponseType } from './api';
import { globalObjectIdForOccurrence, newChangeKey } from './ids';
import type { AttendeeRecord, ExceptionRecord, ItemRecord, OccurrenceOverrides } from './records';
import {
  ATTENDEE_KINDS,
  NO_DELETED_OCCURRENCES,
  NO_EXCEPTIONS,
  NO_EXTENDED,
  NO_HISTORY,
  ownExceptions,
} from './records';
import { occurrenceByOriginalStart } from './recurrence';
import { occurrenceRecord, seriesTiming } from './snapshot';
import type { Store } from './store';

/**
 * Attendee-side copies of an organizer's meeting. Every copy shares UID and clean global object
 * id with the organizer's item; the ItemId is the copy's own.
 */

export interface CopyOptions {
  readonly myResponseType: ResponseType;
  readonly freeBusy: LegacyFreeBusyStatus;
  /** Booking-attendant stripping (rooms with AutoAccept). */
  readonly strip?: CalendarProcessingSettings;
  /** Occurrences (original starts) left out of this copy, e.g. declined by the attendant. */
  readonly declined?: ReadonlySet<EpochMs>;
  readonly now: EpochMs;
}

function cloneAttendees(list: readonly AttendeeRecord[]): AttendeeRecord[] {
  return list.map((a) => ({ ...a }));
}

function strippedSubject(org: ItemRecord, subject: string, strip: CalendarProcessingSettings | undefined): string {
  if (!strip) return subject;
  const parts = [
    strip.addOrganizerToSubject ? org.organizer.name : undefined,
    strip.deleteSubject ? undefined : subject,
  ];
  return parts.filter((p): p is string => p !== undefined && p.length > 0).join(' ');
}

function copyOverrides(
  org: ItemRecord,
  o: OccurrenceOverrides,
  strip: CalendarProcessingSettings | undefined,
): OccurrenceOverrides {
  const out: OccurrenceOverrides = { ...o };
  delete out.myResponseType;
  if (o.subject !== undefined) out.subject = strippedSubject(org, o.subject, strip);
  if (strip?.deleteComments && o.body) out.body = { type: o.body.type, value: '' };
  if (strip?.removePrivateProperty && o.sensitivity) out.sensitivity = 'Normal';
  for (const kind of ATTENDEE_KINDS) {
    const list = o[kind];
    if (list) out[kind] = cloneAttendees(list);
  }
  return out;
}

/** Writes the organizer's meeting fields onto a copy (new or existing). */
function applyMeetingFields(copy: ItemRecord, org: ItemRecord, opts: CopyOptions): void {
  const strip = opts.strip;
  copy.subject = strippedSubject(org, org.subject, strip);
  copy.body = strip?.deleteComments ? { type: org.body.type, value: '' } : org.body;
  copy.sensitivity = strip?.removePrivateProperty ? 'Normal' : org.sensitivity;
  copy.location = org.location;
  copy.importance = org.importance;
  copy.start = org.start;
  copy.end = org.end;
  copy.isAllDay = org.isAllDay;
  copy.startTimeZone = org.startTimeZone;
  copy.endTimeZone = org.endTimeZone;
  copy.organizer = org.organizer;
  copy.requiredAttendees = cloneAttendees(org.requiredAttendees);
  copy.optionalAttendees = cloneAttendees(org.optionalAttendees);
  copy.resources = cloneAttendees(org.resources);
  copy.myResponseType = opts.myResponseType;
  copy.legacyFreeBusyStatus = opts.freeBusy;
  copy.isCancelled = false;
  copy.isResponseRequested = org.isResponseRequested;
  copy.sequence = org.sequence;
  copy.stamp = opts.now;
  if (org.joinOnlineMeetingUrl !== undefined) copy.joinOnlineMeetingUrl = org.joinOnlineMeetingUrl;
  if (org.recurrence) copy.recurrence = org.recurrence;
  else delete copy.recurrence;
  const exceptions = new Map<EpochMs, ExceptionRecord>();
  for (const [start, ex] of org.exceptions) {
    if (opts.declined?.has(start)) continue;
    exceptions.set(start, {
      originalStart: start,
      changeKey: newChangeKey(),
      overrides: copyOverrides(org, ex.overrides, strip),
      created: opts.now,
      modified: opts.now,
    });
  }
  copy.exceptions = exceptions.size > 0 ? exceptions : NO_EXCEPTIONS;
  const deleted = new Set([...org.deletedOccurrences, ...(opts.declined ?? [])]);
  copy.deletedOccurrences = deleted.size > 0 ? deleted : NO_DELETED_OCCURRENCES;
}

export function createCopy(store: Store, mailbox: Mailbox, org: ItemRecord, opts: CopyOptions): ItemRecord {
  const copy: ItemRecord = {
    ...org,
    id: store.newItemId(mailbox),
    changeKey: newChangeKey(),
    mailbox,
    folder: store.folder(mailbox, 'calendar'),
    itemClass: 'IPM.Appointment',
    isOrganizer: false,
    meetingRequestWasSent: false,
    extended: NO_EXTENDED,
    exceptions: NO_EXCEPTIONS,
    deletedOccurrences: NO_DELETED_OCCURRENCES,
    created: opts.now,
    modified: opts.now,
    history: NO_HISTORY,
  };
  applyMeetingFields(copy, org, opts);
  store.insert(copy);
  return copy;
}

export function refreshCopy(store: Store, copy: ItemRecord, org: ItemRecord, opts: CopyOptions): void {
  applyMeetingFields(copy, org, opts);
  store.touch(copy, ['meeting-update'], true);
}

/**
 * One occurrence of the organizer's series as a non-recurring meeting, the source of the copy an
 * attendee gets when they are on that occurrence but not on the series. Undefined when the series
 * has no such (live) occurrence.
 */
export function occurrenceAsSingle(org: ItemRecord, originalStart: EpochMs): ItemRecord | undefined {
  if (!org.recurrence || org.deletedOccurrences.has(originalStart)) return undefined;
  const occ = occurrenceByOriginalStart(org.recurrence, seriesTiming(org), originalStart);
  if (!occ) return undefined;
  const single: ItemRecord = {
    ...occurrenceRecord(org, occ),
    exceptions: NO_EXCEPTIONS,
    deletedOccurrences: NO_DELETED_OCCURRENCES,
    singleOccurrence: {
      originalStart,
      globalObjectId: globalObjectIdForOccurrence(org.cleanGoid, occ.date.year, occ.date.month, occ.date.day),
    },
  };
  delete single.recurrence;
  return single;
}

/** Records an attendee's answer on the organizer's item (series, or one occurrence). */
export function trackResponse(
  store: Store,
  org: ItemRecord,
  email: string,
  response: ResponseType,
  at: EpochMs,
  occurrence?: EpochMs,
): void {
  const apply = (list: AttendeeRecord[]): boolean => {
    const found = list.find((a) => a.email === email);
    if (!found) return false;
    found.responseType = response;
    found.lastResponseTime = at;
    return true;
  };
  let changed = false;
  if (occurrence !== undefined) {
    const ex = org.exceptions.get(occurrence) ?? {
      originalStart: occurrence,
      changeKey: newChangeKey(),
      overrides: {},
      created: at,
      modified: at,
    };
    for (const kind of ATTENDEE_KINDS) {
      const list = ex.overrides[kind] ?? cloneAttendees(org[kind]);
      if (apply(list)) {
        ex.overrides[kind] = list;
        changed = true;
      }
    }
    if (changed) {
      ex.changeKey = newChangeKey();
      ex.modified = at;
      ownExceptions(org).set(occurrence, ex);
    }
  } else {
    for (const kind of ATTENDEE_KINDS) changed = apply(org[kind]) || changed;
  }
  if (changed)
    store.touch(org, ['calendar:RequiredAttendees', 'calendar:OptionalAttendees', 'calendar:Resources'], false);
}
