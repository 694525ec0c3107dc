import type {
  Body,
  DistinguishedFolderName,
  EmailAddress,
  EpochMs,
  ExtendedProperty,
  LegacyFreeBusyStatus,
  Mailbox,
  Recurrence,
  ResponseType,
  Sensitivity,
} from './api';

/** Internal, mutable state of the model. Never handed to the protocol half (see snapshot.ts). */

export interface AttendeeRecord {
  email: string;
  name: string;
  responseType: ResponseType;
  lastResponseTime?: EpochMs;
}

export type AttendeeKind = 'requiredAttendees' | 'optionalAttendees' | 'resources';
export const ATTENDEE_KINDS: readonly AttendeeKind[] = ['requiredAttendees', 'optionalAttendees', 'resources'];

/** What an exception changes relative to its master. */
export interface OccurrenceOverrides {
  subject?: string;
  body?: Body;
  location?: string;
  sensitivity?: Sensitivity;
  importance?: 'Low' | 'Normal' | 'High';
  start?: EpochMs;
  end?: EpochMs;
  isAllDay?: boolean;
  legacyFreeBusyStatus?: LegacyFreeBusyStatus;
  requiredAttendees?: AttendeeRecord[];
  optionalAttendees?: AttendeeRecord[];
  resources?: AttendeeRecord[];
  myResponseType?: ResponseType;
}

export interface ExceptionRecord {
  originalStart: EpochMs;
  changeKey: string;
  overrides: OccurrenceOverrides;
  created: EpochMs;
  modified: EpochMs;
}

export interface FolderRecord {
  readonly id: string;
  /** Changes whenever the folder's content changes (computed from `version`). */
  readonly changeKey: string;
  version: number;
  readonly name: DistinguishedFolderName;
  readonly displayName: string;
  readonly folderClass?: string;
  readonly parent?: FolderRecord;
  readonly mailbox: Mailbox;
  readonly items: Map<string, ItemRecord>;
}

export interface ItemRecord {
  id: string;
  changeKey: string;
  readonly mailbox: Mailbox;
  folder: FolderRecord;
  itemClass: string;
  subject: string;
  body: Body;
  location: string;
  sensitivity: Sensitivity;
  importance: 'Low' | 'Normal' | 'High';
  start: EpochMs;
  end: EpochMs;
  isAllDay: boolean;
  startTimeZone: string;
  endTimeZone: string;
  legacyFreeBusyStatus: LegacyFreeBusyStatus;
  organizer: EmailAddress;
  requiredAttendees: AttendeeRecord[];
  optionalAttendees: AttendeeRecord[];
  resources: AttendeeRecord[];
  myResponseType: ResponseType;
  isOrganizer: boolean;
  isCancelled: boolean;
  meetingRequestWasSent: boolean;
  isResponseRequested: boolean;
  uid: string;
  cleanGoid: Buffer;
  recurrence?: Recurrence;
  exceptions: Map<EpochMs, ExceptionRecord>;
  deletedOccurrences: Set<EpochMs>;
  /** Keyed by extendedKeyString(). */
  extended: Map<string, ExtendedProperty>;
  joinOnlineMeetingUrl?: string;
  /**
   * Set on an attendee's copy of one occurrence only: Exchange sends an attendee who is on an
   * occurrence but not on its series that occurrence alone, as a single item keeping its RecurrenceId.
   */
  singleOccurrence?: { readonly originalStart: EpochMs; readonly globalObjectId: Buffer };
  sequence: number;
  created: EpochMs;
  modified: EpochMs;
  stamp: EpochMs;
  /** Recent modifications, newest last, for ConflictResolution AutoResolve. */
  history: { changeKey: string; fields: readonly string[] }[];
}

export function isMeetingRecord(r: ItemRecord): boolean {
  return r.requiredAttendees.length + r.optionalAttendees.length + r.resources.length > 0 || !r.isOrganizer;
}

export function allAttendees(r: {
  requiredAttendees: AttendeeRecord[];
  optionalAttendees: AttendeeRecord[];
  resources: AttendeeRecord[];
}): AttendeeRecord[] {
  return [...r.requiredAttendees, ...r.optionalAttendees, ...r.resources];
}

type HistoryEntry = { changeKey: string; fields: readonly string[] };

/**
 * Shared empty values for the 100k+ records of a large seed (memory and GC time). Both refuse
 * mutation, so a record that needs its own value must replace them, never change them.
 */
export const NO_HISTORY: HistoryEntry[] = Object.freeze([]) as unknown as HistoryEntry[];

class EmptyPropertyMap extends Map<string, ExtendedProperty> {
  override set(): this {
    throw new TypeError('shared empty property map is read-only');
  }
  override delete(): boolean {
    throw new TypeError('shared empty property map is read-only');
  }
  override clear(): void {
    throw new TypeError('shared empty property map is read-only');
  }
}
export const NO_EXTENDED: Map<string, ExtendedProperty> = new EmptyPropertyMap();

class EmptyExceptionMap extends Map<EpochMs, ExceptionRecord> {
  override set(): this {
    throw new TypeError('shared empty exception map is read-only');
  }
  override delete(): boolean {
    return false;
  }
}

class EmptyOccurrenceSet extends Set<EpochMs> {
  override add(): this {
    throw new TypeError('shared empty occurrence set is read-only');
  }
  override delete(): boolean {
    return false;
  }
}

export const NO_EXCEPTIONS: Map<EpochMs, ExceptionRecord> = new EmptyExceptionMap();
export const NO_DELETED_OCCURRENCES: Set<EpochMs> = new EmptyOccurrenceSet();

/** The record's own exception map, created on first write. */
export function ownExceptions(record: { exceptions: Map<EpochMs, ExceptionRecord> }): Map<EpochMs, ExceptionRecord> {
  if (record.exceptions === NO_EXCEPTIONS) record.exceptions = new Map();
  return record.exceptions;
}

/** The record's own deleted-occurrence set, created on first write. */
export function ownDeletedOccurrences(record: { deletedOccurrences: Set<EpochMs> }): Set<EpochMs> {
  if (record.deletedOccurrences === NO_DELETED_OCCURRENCES) record.deletedOccurrences = new Set();
  return record.deletedOccurrences;
}
