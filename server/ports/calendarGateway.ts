import type { Attendee, Participant, RemoteOccurrence } from '../domain/sync/remoteCalendar';

/**
 * Exchange, as the rest of Roomserve sees it. The EWS adapter (server/adapters/ews) implements it on
 * ews-javascript-api; no EWS type crosses this boundary. Every call acts on a mailbox through the
 * service account's impersonation.
 */

export type GatewayErrorKind =
  | 'auth' // the service account's credentials were refused (HTTP 401)
  | 'permission' // impersonation denied, or no access to the mailbox
  | 'mailbox-not-found'
  | 'throttled' // ErrorServerBusy after our retries, or the concurrency budget is exhausted
  | 'transient' // network, TLS, HTTP 5xx, timeouts: worth retrying later
  | 'invalid-sync-state' // ErrorInvalidSyncStateData: resync from scratch
  | 'bad-request'; // our request was wrong; retrying will not help

export class GatewayError extends Error {
  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    /** The server's own code, e.g. ErrorServerBusy, for logs and the integration overview. */
    readonly serverCode?: string,
    /** How long the server asked us to wait before the next call, when it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}

export type RoomMailboxCheck =
  | { readonly ok: true; readonly displayName: string }
  | {
      readonly ok: false;
      readonly reason: 'no-such-mailbox' | 'impersonation-denied' | 'not-a-room' | 'auth' | 'unreachable';
      /** In words, for the admin: what failed and what to do. */
      readonly message: string;
      /** The failure passes by itself (Exchange busy, overloaded, slow, briefly unreachable): check again later. */
      readonly passing?: boolean;
    };

export interface RoomMailbox {
  readonly email: string;
  readonly name: string;
  /** The room list (address list) it was found in. */
  readonly roomList: string;
}

/** One page of SyncFolderItems on a room's calendar folder. */
export interface CalendarChangePage {
  /**
   * Singles and series masters that were created or changed, as SyncFolderItems returns them
   * (the properties FindItem could return: no body, no attendees).
   */
  readonly changed: readonly RemoteItemHeader[];
  readonly deletedItemIds: readonly string[];
  readonly syncState: string;
  /** False while more pages follow (IncludesLastItemInRange = false). */
  readonly complete: boolean;
}

/** What a changed item is, enough to know which meeting (and series) to reconcile. */
export interface RemoteItemHeader {
  readonly itemId: string;
  readonly changeKey: string;
  readonly cleanGlobalObjectId: string;
  readonly uid: string;
  readonly kind: 'single' | 'recurring-master';
  readonly start: Date;
  readonly end: Date;
  readonly organizer: Participant;
  readonly isCancelled: boolean;
  /** The room copy's subject (the attendant usually puts the organizer's name there) and location. */
  readonly subject: string;
  readonly location: string;
}

/** A meeting whose organizer's copy is wanted; a series may hold exceptions with their own fields. */
export interface MeetingRef {
  readonly cleanGlobalObjectId: string;
  readonly recurring: boolean;
}

/** The organizer's copy of a meeting: the fields a room's copy loses to the booking attendant. */
export interface OrganizerDetails {
  readonly cleanGlobalObjectId: string;
  /** Null for the single meeting or series-wide fields; set for one exception. */
  readonly originalStart: Date | null;
  readonly subject: string;
  readonly description: string;
  readonly isPrivate: boolean;
  readonly attendees: readonly Attendee[];
  readonly joinOnlineMeetingUrl: string | null;
}

export interface StreamHandlers {
  /** Something changed in this mailbox's calendar; a hint to sync it, not data. */
  onChange(mailbox: string): void;
  /** The stream ended (server closed it, network dropped, or an error); the caller reconnects. */
  onClosed(error?: GatewayError): void;
  /** The connection was renewed on the same subscriptions (Exchange's ConnectionTimeout); nothing was missed. */
  onRenewed?(): void;
}

export interface CalendarStream {
  readonly mailboxes: readonly string[];
  close(): Promise<void>;
}

export interface CalendarGateway {
  /** Impersonates the mailbox and reads its calendar folder. */
  checkRoomMailbox(email: string): Promise<RoomMailboxCheck>;
  /** The room mailboxes of every room list (GetRoomLists + GetRooms). */
  listRoomMailboxes(): Promise<RoomMailbox[]>;
  /** One page of changes since `syncState` (null: from the beginning). */
  syncCalendarChanges(mailbox: string, syncState: string | null, maxChanges: number): Promise<CalendarChangePage>;
  /** The room's own copies of single items in full (batched GetItem); ids that no longer exist are left out. */
  roomItemDetails(mailbox: string, itemIds: readonly string[]): Promise<RemoteOccurrence[]>;
  /**
   * The room's calendar expanded over a window (CalendarView: singles, occurrences, exceptions),
   * read from the room's own copies (detailSource 'room'), optionally only for some meetings.
   */
  calendarView(mailbox: string, window: TimeWindow, onlyMeetings?: readonly string[]): Promise<RemoteOccurrence[]>;
  /**
   * The organizer's copies of meetings, found by clean global object id, or null when the organizer's
   * mailbox cannot be reached (external organizer, no permission).
   */
  organizerDetails(
    organizerEmail: string,
    meetings: readonly MeetingRef[],
    window: TimeWindow,
  ): Promise<OrganizerDetails[] | null>;
  /**
   * Every meeting of an organizer's calendar in the window, with the organizer's details (singles,
   * series masters, exceptions), or null when that mailbox cannot be reached. For bulk syncs, where
   * one organizer's meetings are asked for by many rooms.
   */
  organizerCalendar(organizerEmail: string, window: TimeWindow): Promise<OrganizerDetails[] | null>;
  /** Streaming notifications for up to 200 mailboxes on one connection. */
  openStream(mailboxes: readonly string[], handlers: StreamHandlers): Promise<CalendarStream>;
  /**
   * The fallback where streaming is refused: pull subscriptions on the mailboxes, polled for
   * events every `intervalMs`. Same handlers; `onClosed` when a subscription expires or fails.
   */
  openPullStream(mailboxes: readonly string[], handlers: StreamHandlers, intervalMs: number): Promise<CalendarStream>;
}
