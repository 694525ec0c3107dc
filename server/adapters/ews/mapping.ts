import type { OrganizerDetails, RemoteItemHeader } from '../../ports/calendarGateway';
import type { Attendee, AttendeeResponse, Participant, RemoteOccurrence } from '../../domain/sync/remoteCalendar';

/**
 * Pure mapping from calendar items, as read off EWS (`RawAppointment`, plain data extracted in
 * extract.ts), into our domain shapes. No ews-javascript-api import here, so it is unit-tested
 * without a server.
 */

export type RawItemType = 'Single' | 'Occurrence' | 'Exception' | 'RecurringMaster';
export type RawResponse = 'Unknown' | 'Organizer' | 'Tentative' | 'Accept' | 'Decline' | 'NoResponseReceived';
export type RawSensitivity = 'Normal' | 'Personal' | 'Private' | 'Confidential';

export interface RawMailbox {
  readonly name: string | null;
  readonly address: string | null;
}

export interface RawAttendee extends RawMailbox {
  readonly response: RawResponse | null;
}

export interface RawAppointment {
  readonly itemId: string;
  readonly changeKey: string;
  /** PidLidCleanGlobalObjectId, base64. */
  readonly cleanGlobalObjectId: string | null;
  readonly uid: string | null;
  readonly type: RawItemType;
  readonly start: Date;
  readonly end: Date;
  readonly originalStart: Date | null;
  readonly isCancelled: boolean;
  readonly subject: string | null;
  readonly body: string | null;
  readonly location: string | null;
  readonly sensitivity: RawSensitivity | null;
  readonly organizer: RawMailbox | null;
  readonly requiredAttendees: readonly RawAttendee[];
  readonly optionalAttendees: readonly RawAttendee[];
  readonly resources: readonly RawAttendee[];
  readonly joinOnlineMeetingUrl: string | null;
}

const RESPONSES: Readonly<Record<RawResponse, AttendeeResponse>> = {
  Unknown: 'unknown',
  Organizer: 'organizer',
  Tentative: 'tentative',
  Accept: 'accept',
  Decline: 'decline',
  NoResponseReceived: 'no-response',
};

export function participantOf(raw: RawMailbox | null): Participant {
  const email = (raw?.address ?? '').trim().toLowerCase();
  return { email, name: raw?.name?.trim() || email };
}

function attendeesOf(raw: RawAppointment): Attendee[] {
  const group = (list: readonly RawAttendee[], kind: Attendee['kind']): Attendee[] =>
    list
      .filter((a) => (a.address ?? '').trim() !== '')
      .map((a) => ({ ...participantOf(a), kind, response: a.response ? RESPONSES[a.response] : 'unknown' }));
  return [
    ...group(raw.requiredAttendees, 'required'),
    ...group(raw.optionalAttendees, 'optional'),
    ...group(raw.resources, 'resource'),
  ];
}

export const isPrivateSensitivity = (s: RawSensitivity | null): boolean => s === 'Private' || s === 'Confidential';

const emptyToNull = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s.trim());

/** The meeting's identity; items without one (very old clients) fall back to the UID. */
function identityOf(raw: RawAppointment): string {
  return raw.cleanGlobalObjectId ?? `uid:${raw.uid ?? raw.itemId}`;
}

export function toRemoteOccurrence(raw: RawAppointment, recurringMasterId: string | null): RemoteOccurrence {
  const inSeries = raw.type === 'Occurrence' || raw.type === 'Exception';
  return {
    cleanGlobalObjectId: identityOf(raw),
    uid: raw.uid ?? '',
    originalStart: inSeries ? (raw.originalStart ?? raw.start) : null,
    start: raw.start,
    end: raw.end,
    itemId: raw.itemId,
    changeKey: raw.changeKey,
    recurringMasterId: inSeries ? recurringMasterId : null,
    isCancelled: raw.isCancelled,
    subject: raw.subject ?? '',
    description: raw.body ?? '',
    location: raw.location ?? '',
    isPrivate: isPrivateSensitivity(raw.sensitivity),
    organizer: participantOf(raw.organizer),
    attendees: attendeesOf(raw),
    joinOnlineMeetingUrl: emptyToNull(raw.joinOnlineMeetingUrl),
    detailSource: 'room',
  };
}

/** SyncFolderItems reports singles and masters only; anything else is treated as a single. */
export function toItemHeader(raw: RawAppointment): RemoteItemHeader {
  return {
    itemId: raw.itemId,
    changeKey: raw.changeKey,
    cleanGlobalObjectId: identityOf(raw),
    uid: raw.uid ?? '',
    kind: raw.type === 'RecurringMaster' ? 'recurring-master' : 'single',
    start: raw.start,
    end: raw.end,
    organizer: participantOf(raw.organizer),
    isCancelled: raw.isCancelled,
    subject: raw.subject ?? '',
    location: raw.location ?? '',
  };
}

/**
 * The organizer's copy: series-wide fields come from a single item or a master (originalStart
 * null); an exception carries its own (originalStart set). Plain occurrences add nothing.
 */
export function toOrganizerDetails(raw: RawAppointment): OrganizerDetails | null {
  if (raw.type === 'Occurrence') return null;
  return {
    cleanGlobalObjectId: identityOf(raw),
    originalStart: raw.type === 'Exception' ? (raw.originalStart ?? raw.start) : null,
    subject: raw.subject ?? '',
    description: raw.body ?? '',
    isPrivate: isPrivateSensitivity(raw.sensitivity),
    attendees: attendeesOf(raw),
    joinOnlineMeetingUrl: emptyToNull(raw.joinOnlineMeetingUrl),
  };
}

/**
 * A copy of `text` that holds no reference to the string it was cut from. ews-javascript-api reads
 * every value as a substring of the whole response text, and V8 keeps a substring as a view on
 * its parent: one subject kept in a cache would keep a 150 KB GetItem answer alive with it. The
 * JSON round trip returns a fresh string, exactly equal (lone surrogates included).
 */
export function detached(text: string): string;
export function detached(text: string | null): string | null;
export function detached(text: string | null): string | null {
  return text === null ? null : (JSON.parse(JSON.stringify(text)) as string);
}

/** Base64 of a binary MAPI value, whichever form the client library handed it over in. */
export function base64OfBinary(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : detached(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value) && value.every((b) => typeof b === 'number')) return Buffer.from(value).toString('base64');
  return null;
}

/** XML text escaping for strings we put into requests: ews-javascript-api writes them verbatim. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
