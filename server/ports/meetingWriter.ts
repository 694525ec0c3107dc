import type { TimeWindow } from './calendarGateway';
import type { ExchangeConnectionSettings } from './exchangeSettings';

/**
 * Writes meetings into Exchange the only safe way: as meeting requests from an organizer's mailbox
 * (impersonated), with the room as a resource attendee, so that the room's booking attendant judges
 * every booking. Never writes into a room's calendar directly. The EWS adapter implements it
 * (server/adapters/ews/meetingWriter.ts); failures are GatewayErrors, as for the CalendarGateway.
 */

/** Whose calendar holds the meeting: a person's mailbox (impersonated), or the service account's own. */
export type OrganizerMailbox =
  { readonly kind: 'mailbox'; readonly email: string } | { readonly kind: 'service-account' };

export interface BusySlot {
  readonly start: Date;
  readonly end: Date;
  readonly status: 'busy' | 'tentative' | 'out-of-office';
}

/** Someone who books without a mailbox of their own (an external user, a room display). */
export interface Booker {
  readonly name: string;
  readonly email: string;
}

/** A series as Exchange stores it (see shared/schemas/events.ts, Recurrence). */
export interface MeetingRecurrence {
  readonly pattern: 'daily' | 'weekly' | 'monthly-date' | 'monthly-weekday';
  readonly interval: number;
  /** Weekly only: monday … sunday. */
  readonly daysOfWeek: readonly string[];
  /** The last day (YYYY-MM-DD, building's zone), or null when `count` ends it. */
  readonly endDate: string | null;
  readonly count: number | null;
}

/** The invitation's text: a description (plain or sanitised HTML) and the online-meeting link. */
export interface MeetingBody {
  readonly description: string;
  readonly isHtml: boolean;
  readonly onlineMeetingUrl: string | null;
}

export interface NewMeeting {
  /** Our booking id, stored on the organizer's item as a named property (found again after a crash). */
  readonly bookingId: string;
  /** The iCalendar UID we give the meeting, so that every copy of it is recognisable before Exchange answers. */
  readonly uid: string;
  readonly organizer: OrganizerMailbox;
  readonly room: { readonly email: string; readonly name: string };
  readonly start: Date;
  readonly end: Date;
  /** IANA time zone of the building (StartTimeZone/EndTimeZone are sent as its Windows id). */
  readonly timeZone: string;
  readonly subject: string;
  readonly description: string;
  readonly attendees: readonly string[];
  readonly isPrivate: boolean;
  readonly onlineMeetingUrl: string | null;
  /** Set when the organizer is the booking mailbox on someone else's behalf. */
  readonly booker: Booker | null;
  /** Events: attendees who are asked, not required. */
  readonly optionalAttendees?: readonly string[];
  /** Events: the description is sanitised HTML (sent as an HTML body). */
  readonly descriptionIsHtml?: boolean;
  /** Events: the series; the meeting's start and end are its first occurrence. */
  readonly recurrence?: MeetingRecurrence | null;
}

export type RoomAnswer = 'accepted' | 'declined' | 'tentative' | 'none';

/** The organizer's copy of one meeting, as far as Roomserve needs it. */
export interface OrganizerItem {
  readonly itemId: string;
  readonly changeKey: string;
  readonly cleanGlobalObjectId: string;
  readonly uid: string;
  readonly organizerEmail: string;
  readonly organizerName: string;
  readonly start: Date;
  readonly end: Date;
  readonly isCancelled: boolean;
  /** The answer of each resource/attendee room we asked, by lower-case email. */
  readonly roomAnswers: ReadonlyMap<string, { readonly answer: RoomAnswer; readonly answeredAt: Date | null }>;
}

/** Where a meeting is: its ids as stored, and its identity to find it again when the ids changed. */
export interface MeetingRef {
  readonly organizer: OrganizerMailbox;
  readonly itemId: string | null;
  readonly cleanGlobalObjectId: string | null;
  readonly bookingId: string;
  /**
   * One occurrence of the series (1-based instance index, as EWS's OccurrenceItemId counts: deleted
   * occurrences keep their index). Absent: the single meeting or the whole series.
   */
  readonly occurrenceIndex?: number;
}

export interface MeetingChange {
  readonly start?: Date;
  readonly end?: Date;
  readonly timeZone?: string;
  readonly subject?: string;
  readonly attendees?: readonly string[];
  /** The rooms (resource attendees) the meeting should have afterwards. */
  readonly rooms?: readonly { readonly email: string; readonly name: string }[];
  /** Only the added or removed attendees hear about it (a room swap in two steps). */
  readonly onlyToChanged?: boolean;
  /** Events: the optional attendees afterwards (with `attendees`, the required ones). */
  readonly optionalAttendees?: readonly string[];
  /** Events: the new description and link. */
  readonly body?: MeetingBody;
  readonly isPrivate?: boolean;
  /** A series moved: its pattern again, starting on the new start's day (with `start` and `timeZone`). */
  readonly recurrence?: MeetingRecurrence;
}

export type AttendeeKind = 'required' | 'optional' | 'resource';

export interface MeetingAttendee {
  readonly email: string;
  readonly name: string;
  readonly kind: AttendeeKind;
  readonly response: RoomAnswer;
}

/** The organizer's copy read in full: what Outlook may have changed, and every attendee's answer. */
export interface MeetingDetails {
  readonly item: OrganizerItem;
  readonly subject: string;
  /** The body as Exchange holds it (HTML or text), without our online-meeting paragraph. */
  readonly body: MeetingBody;
  readonly isPrivate: boolean;
  readonly location: string;
  readonly attendees: readonly MeetingAttendee[];
  /** A series: the original starts of its occurrences cancelled since (DeletedOccurrences); empty otherwise. */
  readonly cancelledOccurrences: readonly Date[];
}

export interface UpdatedMeeting {
  /** The organizer's item, read right after the update. */
  readonly item: OrganizerItem;
  /** The ChangeKey our update produced: when `item` has another, Exchange (the attendant) changed it since. */
  readonly writtenChangeKey: string;
}

/** A room's copy of a meeting (or of one occurrence), to be declined by the room itself. */
export interface RoomCopy {
  readonly roomEmail: string;
  /** The room's item: a single meeting's id, or an occurrence's id as a calendar view gave it. */
  readonly roomItemId: string | null;
  /** The room's series master (occurrences): what `wholeSeries` declines. */
  readonly seriesItemId: string | null;
  readonly cleanGlobalObjectId: string | null;
  /** The occurrence's current time (an occurrence is found in a calendar view of it). */
  readonly start: Date;
  readonly end: Date;
  readonly isOccurrence: boolean;
}

export interface MeetingWriter {
  /** The room's busy times in a window (GetUserAvailability, FreeBusy). */
  freeBusy(roomEmail: string, window: TimeWindow): Promise<BusySlot[]>;
  /** Busy times of people (GetUserAvailability for many mailboxes), by lower-case address; unknown addresses are left out. */
  peopleBusy(emails: readonly string[], window: TimeWindow): Promise<Map<string, BusySlot[]>>;
  /** The organizer's copy with subject, body, sensitivity, location and attendees; null when gone. */
  readDetails(ref: MeetingRef): Promise<MeetingDetails | null>;
  /** Creates the meeting and sends the invitations; returns the organizer's item as saved. */
  createMeeting(meeting: NewMeeting): Promise<OrganizerItem>;
  /** Reads the organizer's item: by its id, else by clean global object id, else by our booking id. Null when gone. */
  readMeeting(ref: MeetingRef): Promise<OrganizerItem | null>;
  /** Changes the organizer's item and sends updates; throws GatewayError 'bad-request' if it is gone. */
  updateMeeting(ref: MeetingRef, change: MeetingChange): Promise<UpdatedMeeting>;
  /** Cancels the meeting and sends cancellations (CancelCalendarItem). Resolves when it is gone already. */
  cancelMeeting(ref: MeetingRef, message: string): Promise<void>;
  /**
   * The room declines its copy (impersonating the room mailbox; DeclineItem with a message): the
   * organizer's item shows the room declined and the room's free/busy turns free. For an occurrence
   * only that occurrence, unless `wholeSeries` (the series master: every occurrence still to come).
   * False when the room's calendar has no such copy (any more).
   */
  declineAsRoom(copy: RoomCopy, message: string, wholeSeries?: boolean): Promise<boolean>;
  close(): void;
}

export type MeetingWriterFactory = (settings: ExchangeConnectionSettings) => MeetingWriter;
