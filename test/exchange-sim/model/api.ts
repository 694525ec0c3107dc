/**
 * Public API of the simulator's in-memory Exchange model. The protocol half (SOAP, HTTP, auth)
 * codes against these types only. Data is EWS-shaped but not XML: instants are epoch
 * milliseconds (UTC), binary values are base64 strings, extended-property values are the strings
 * EWS would serialise. Everything returned is a snapshot: mutating it changes nothing.
 *
 * Stability rule: this file only grows. Nothing here is removed or renamed.
 *
 * Entry points (implemented beside this file):
 *   - `createExchangeModel(seed: SeedFile, options?: ModelOptions): ExchangeModelApi`  (model/index.ts)
 *   - `parseSeed(json: unknown): SeedFile`, `loadSeedFile(pathOrName: string): SeedFile` where the
 *     name `demo` means seeds/demo.json                                                (model/seed.ts)
 *   - `class EwsError` with `responseCode`, `isEwsError(e)`                            (model/errors.ts)
 */

/** Milliseconds since the Unix epoch, UTC. Serialise with `new Date(ms).toISOString()`. */
export type EpochMs = number;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** The EWS ResponseCode values the model can produce. */
export type EwsResponseCode =
  | 'ErrorItemNotFound'
  | 'ErrorFolderNotFound'
  | 'ErrorNonExistentMailbox'
  | 'ErrorAccessDenied'
  | 'ErrorIrresolvableConflict'
  | 'ErrorCalendarViewRangeTooBig'
  | 'ErrorCalendarEndDateIsEarlierThanStartDate'
  | 'ErrorCalendarIsOrganizerForAccept'
  | 'ErrorCalendarIsOrganizerForDecline'
  | 'ErrorCalendarIsOrganizerForTentative'
  | 'ErrorCalendarIsNotOrganizer'
  | 'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange'
  | 'ErrorCalendarOccurrenceIsDeletedFromRecurrence'
  | 'ErrorNoFreeBusyAccess'
  | 'ErrorRecurrenceHasNoOccurrence'
  | 'ErrorMailRecipientNotFound'
  | 'ErrorCalendarDurationIsTooLong'
  | 'ErrorOccurrenceCrossingBoundary'
  | 'ErrorInvalidSyncStateData'
  | 'ErrorInvalidChangeKey'
  | 'ErrorInvalidIdMalformed'
  | 'ErrorInvalidIdNotAnItemAttachmentId'
  | 'ErrorInvalidOperation'
  | 'ErrorInvalidPropertyAppend'
  | 'ErrorInvalidPropertyDelete'
  | 'ErrorInvalidPropertySet'
  | 'ErrorInvalidRecurrence'
  | 'ErrorInvalidExtendedPropertyValue'
  | 'ErrorInvalidRestriction'
  | 'ErrorInvalidPagingMaxRows'
  | 'ErrorInvalidOffset'
  | 'ErrorInvalidSubscription'
  | 'ErrorSubscriptionNotFound'
  | 'ErrorInvalidWatermark'
  | 'ErrorExpiredSubscription'
  | 'ErrorTimeZone'
  | 'ErrorNameResolutionNoResults'
  | 'ErrorNameResolutionMultipleResults'
  | 'ErrorMailboxMoveInProgress'
  | 'ErrorServerBusy'
  | 'ErrorSendMeetingInvitationsRequired'
  | 'ErrorSendMeetingCancellationsRequired'
  | 'ErrorInvalidArgument'
  | 'ErrorInvalidRequest';

/** A typed model error. `responseCode` is what EWS puts in ResponseCode; messageText is free text. */
export interface EwsErrorShape {
  readonly responseCode: EwsResponseCode;
  readonly messageText: string;
  /** Extra MessageXml values, e.g. { BackOffMilliseconds: '5000' }. */
  readonly messageXml?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------
// Mailboxes and directory
// ---------------------------------------------------------------------------------------------

export type MailboxKind = 'user' | 'room' | 'service';

/** Default calendar folder permission that others (incl. free/busy callers) get. */
export type CalendarDefaultPermission = 'None' | 'AvailabilityOnly' | 'LimitedDetails' | 'Reviewer';

export interface Mailbox {
  /** Primary SMTP address, lower-case. */
  readonly smtp: string;
  readonly displayName: string;
  readonly kind: MailboxKind;
  /** Logon name as given in the seed, e.g. `NORTHWIND\svc-roomserve`. */
  readonly username: string;
  readonly password: string;
  /** NetBIOS domain (upper-case) derived from username or smtp, e.g. `NORTHWIND`. */
  readonly domain: string;
  /** sAMAccountName part of username, e.g. `svc-roomserve`. */
  readonly samAccountName: string;
  /** User principal name, `samAccountName@smtp-domain`. */
  readonly userPrincipalName: string;
  readonly impersonationGranted: boolean;
  /** Windows SID string, stable per smtp, e.g. `S-1-5-21-…-1104`. */
  readonly sid: string;
  /** Exchange mailbox GUID (lower-case, dashed), stable per smtp. */
  readonly mailboxGuid: string;
  /**
   * The msexchuid of this mailbox's identity tokens: its GUID (which ResolveNames finds), or
   * `<guid>@<server host>` as in Microsoft's example token (which ResolveNames does not find).
   */
  readonly identityTokenUid: 'mailboxGuid' | 'mailboxGuidAtServer';
  /** legacyExchangeDN, used by ResolveNames / EmailAddress RoutingType EX. */
  readonly legacyExchangeDn: string;
  readonly calendarDefaultPermission: CalendarDefaultPermission;
}

/** An EWS EmailAddressType. */
export interface EmailAddress {
  readonly name: string;
  readonly emailAddress: string;
  readonly routingType: 'SMTP';
  /** `Mailbox` for users/services, `Mailbox` too for rooms (Exchange reports rooms as Mailbox). */
  readonly mailboxType: 'Mailbox' | 'OneOff' | 'Unknown';
}

export interface RoomList {
  readonly name: string;
  readonly email: string;
  /** Room smtp addresses. */
  readonly rooms: readonly string[];
}

/** Set-CalendarProcessing settings of a room (Exchange's defaults in DEFAULT_CALENDAR_PROCESSING). */
export interface CalendarProcessingSettings {
  readonly automateProcessing: 'AutoAccept' | 'AutoUpdate' | 'None';
  readonly allowConflicts: boolean;
  /** 0..1080 */
  readonly bookingWindowInDays: number;
  readonly enforceSchedulingHorizon: boolean;
  /** 0 means no limit. */
  readonly maximumDurationInMinutes: number;
  readonly allowRecurringMeetings: boolean;
  /** 0..100 */
  readonly conflictPercentageAllowed: number;
  readonly maximumConflictInstances: number;
  readonly deleteSubject: boolean;
  readonly addOrganizerToSubject: boolean;
  readonly deleteComments: boolean;
  readonly deleteAttachments: boolean;
  readonly removePrivateProperty: boolean;
  readonly addNewRequestsTentatively: boolean;
  readonly processExternalMeetingMessages: boolean;
  /** Smtp addresses of delegates (informational; delegates answer through respondToItem). */
  readonly resourceDelegates: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Folders and ids
// ---------------------------------------------------------------------------------------------

export type DistinguishedFolderName = 'root' | 'msgfolderroot' | 'calendar' | 'inbox' | 'deleteditems' | 'sentitems';

/** An EWS id + change key pair (ItemId, FolderId). */
export interface IdAndChangeKey {
  readonly id: string;
  readonly changeKey: string;
}

export interface Folder {
  readonly folderId: IdAndChangeKey;
  /** Undefined for root. */
  readonly parentFolderId?: IdAndChangeKey;
  readonly distinguishedName: DistinguishedFolderName;
  readonly displayName: string;
  /** e.g. `IPF.Appointment` for calendar, `IPF.Note` for mail folders, undefined for root. */
  readonly folderClass?: string;
  readonly totalCount: number;
  readonly childFolderCount: number;
  readonly unreadCount: number;
  /** Owner mailbox smtp. */
  readonly mailbox: string;
}

/** How a request names a folder. `mailbox` in a distinguished reference overrides the acting mailbox. */
export type FolderRef =
  | { readonly kind: 'distinguished'; readonly name: DistinguishedFolderName; readonly mailbox?: string }
  | { readonly kind: 'id'; readonly id: string; readonly changeKey?: string };

/** How a request names an item. */
export type ItemRef =
  | { readonly kind: 'item'; readonly id: string; readonly changeKey?: string }
  /** OccurrenceItemId: master id + 1-based instance index. */
  | {
      readonly kind: 'occurrence';
      readonly recurringMasterId: string;
      readonly instanceIndex: number;
      readonly changeKey?: string;
    }
  /** RecurringMasterItemId: the master of the given occurrence/exception id. */
  | { readonly kind: 'recurringMaster'; readonly occurrenceId: string; readonly changeKey?: string };

// ---------------------------------------------------------------------------------------------
// Calendar items
// ---------------------------------------------------------------------------------------------

export type BodyType = 'HTML' | 'Text';
export interface Body {
  readonly type: BodyType;
  readonly value: string;
}

export type Sensitivity = 'Normal' | 'Personal' | 'Private' | 'Confidential';
export type ResponseType = 'Unknown' | 'Organizer' | 'Tentative' | 'Accept' | 'Decline' | 'NoResponseReceived';
export type LegacyFreeBusyStatus = 'Free' | 'Tentative' | 'Busy' | 'OOF' | 'WorkingElsewhere' | 'NoData';
export type CalendarItemType = 'Single' | 'Occurrence' | 'Exception' | 'RecurringMaster';

export interface Attendee {
  readonly mailbox: EmailAddress;
  readonly responseType: ResponseType;
  readonly lastResponseTime?: EpochMs;
}

/** An attendee as a request gives it (only the address matters; the model fills the rest). */
export interface AttendeeInput {
  readonly emailAddress: string;
  readonly name?: string;
}

export type DayOfWeek = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';
/** EWS DayOfWeekType: a weekday or one of the groups Day / Weekday / WeekendDay. */
export type DayOfWeekSpec = DayOfWeek | 'Day' | 'Weekday' | 'WeekendDay';
export type DayOfWeekIndex = 'First' | 'Second' | 'Third' | 'Fourth' | 'Last';
export type MonthName =
  | 'January'
  | 'February'
  | 'March'
  | 'April'
  | 'May'
  | 'June'
  | 'July'
  | 'August'
  | 'September'
  | 'October'
  | 'November'
  | 'December';

export type RecurrencePattern =
  | { readonly kind: 'Daily'; readonly interval: number }
  | {
      readonly kind: 'Weekly';
      readonly interval: number;
      readonly daysOfWeek: readonly DayOfWeek[];
      /** Defaults to Sunday, as Exchange does. */
      readonly firstDayOfWeek?: DayOfWeek;
    }
  | { readonly kind: 'AbsoluteMonthly'; readonly interval: number; readonly dayOfMonth: number }
  | {
      readonly kind: 'RelativeMonthly';
      readonly interval: number;
      readonly daysOfWeek: DayOfWeekSpec;
      readonly dayOfWeekIndex: DayOfWeekIndex;
    }
  | { readonly kind: 'AbsoluteYearly'; readonly dayOfMonth: number; readonly month: MonthName }
  | {
      readonly kind: 'RelativeYearly';
      readonly daysOfWeek: DayOfWeekSpec;
      readonly dayOfWeekIndex: DayOfWeekIndex;
      readonly month: MonthName;
    };

/** Range dates are local calendar dates `YYYY-MM-DD` in the item's start time zone. */
export type RecurrenceRange =
  | { readonly kind: 'NoEnd'; readonly startDate: string }
  | { readonly kind: 'EndDate'; readonly startDate: string; readonly endDate: string }
  | { readonly kind: 'Numbered'; readonly startDate: string; readonly numberOfOccurrences: number };

export interface Recurrence {
  readonly pattern: RecurrencePattern;
  readonly range: RecurrenceRange;
}

/** OccurrenceInfoType (FirstOccurrence, LastOccurrence, ModifiedOccurrences/Occurrence). */
export interface OccurrenceInfo {
  readonly itemId: IdAndChangeKey;
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly originalStart: EpochMs;
}

/** DeletedOccurrenceInfoType: `start` is the original start of the deleted occurrence. */
export interface DeletedOccurrenceInfo {
  readonly start: EpochMs;
}

export type MapiPropertyType =
  | 'Binary'
  | 'BinaryArray'
  | 'Boolean'
  | 'CLSID'
  | 'CLSIDArray'
  | 'Currency'
  | 'CurrencyArray'
  | 'Double'
  | 'DoubleArray'
  | 'Float'
  | 'FloatArray'
  | 'Integer'
  | 'IntegerArray'
  | 'Long'
  | 'LongArray'
  | 'Short'
  | 'ShortArray'
  | 'SystemTime'
  | 'SystemTimeArray'
  | 'String'
  | 'StringArray'
  | 'ApplicationTime'
  | 'ApplicationTimeArray'
  | 'Error'
  | 'Null'
  | 'Object'
  | 'ObjectArray';

export type DistinguishedPropertySetId =
  | 'Meeting'
  | 'Appointment'
  | 'Common'
  | 'PublicStrings'
  | 'Address'
  | 'InternetHeaders'
  | 'CalendarAssistant'
  | 'UnifiedMessaging'
  | 'Task'
  | 'Sharing';

/**
 * An ExtendedFieldURI. Exactly one of propertyTag / (propertySetId|distinguishedPropertySetId with
 * propertyName|propertyId) identifies the property, as in EWS.
 */
export interface ExtendedPropertyKey {
  readonly distinguishedPropertySetId?: DistinguishedPropertySetId;
  /** GUID, any case. */
  readonly propertySetId?: string;
  readonly propertyName?: string;
  readonly propertyId?: number;
  /** Proptag, e.g. 0x0037. */
  readonly propertyTag?: number;
  readonly propertyType: MapiPropertyType;
}

/** Value as EWS writes it: `value` for single types, `values` for *Array types. */
export interface ExtendedProperty {
  readonly key: ExtendedPropertyKey;
  readonly value?: string;
  readonly values?: readonly string[];
}

/** PidLidCleanGlobalObjectId: PSETID_Meeting, id 0x23, Binary. */
export const CLEAN_GLOBAL_OBJECT_ID_KEY: ExtendedPropertyKey = {
  propertySetId: '6ED8DA90-450B-101B-98DA-00AA003F1305',
  propertyId: 35,
  propertyType: 'Binary',
};

/** PidLidGlobalObjectId: PSETID_Meeting, id 0x3, Binary. */
export const GLOBAL_OBJECT_ID_KEY: ExtendedPropertyKey = {
  propertySetId: '6ED8DA90-450B-101B-98DA-00AA003F1305',
  propertyId: 3,
  propertyType: 'Binary',
};

export interface CalendarItem {
  readonly itemId: IdAndChangeKey;
  readonly parentFolderId: IdAndChangeKey;
  /** Owner mailbox smtp. */
  readonly mailbox: string;
  readonly itemClass: string;
  readonly subject: string;
  readonly body: Body;
  readonly location: string;
  readonly sensitivity: Sensitivity;
  readonly importance: 'Low' | 'Normal' | 'High';
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly isAllDay: boolean;
  /** Windows zone id, e.g. `W. Europe Standard Time`. */
  readonly startTimeZone: string;
  readonly endTimeZone: string;
  readonly legacyFreeBusyStatus: LegacyFreeBusyStatus;
  readonly organizer: EmailAddress;
  readonly requiredAttendees: readonly Attendee[];
  readonly optionalAttendees: readonly Attendee[];
  readonly resources: readonly Attendee[];
  readonly myResponseType: ResponseType;
  readonly isOrganizer: boolean;
  readonly isCancelled: boolean;
  readonly isMeeting: boolean;
  readonly meetingRequestWasSent: boolean;
  readonly isResponseRequested: boolean;
  readonly calendarItemType: CalendarItemType;
  /** Hex string of the clean global object id, as Exchange generates it. */
  readonly uid: string;
  /** Base64 PidLidCleanGlobalObjectId (same in every copy of the meeting). */
  readonly cleanGlobalObjectId: string;
  /** Base64 PidLidGlobalObjectId (encodes the original date for occurrences/exceptions). */
  readonly globalObjectId: string;
  /** Original start of an occurrence/exception (EWS RecurrenceId and OriginalStart). */
  readonly recurrenceId?: EpochMs;
  /** 1-based instance index of an occurrence/exception within its series. */
  readonly instanceIndex?: number;
  /** Master id for an occurrence/exception (RecurringMasterItemId). */
  readonly recurringMasterId?: IdAndChangeKey;
  readonly recurrence?: Recurrence;
  readonly modifiedOccurrences?: readonly OccurrenceInfo[];
  readonly deletedOccurrences?: readonly DeletedOccurrenceInfo[];
  readonly firstOccurrence?: OccurrenceInfo;
  /** Absent for NoEnd series. */
  readonly lastOccurrence?: OccurrenceInfo;
  /** Stored extended properties (computed ones such as the global object ids are added too). */
  readonly extendedProperties: readonly ExtendedProperty[];
  readonly joinOnlineMeetingUrl?: string;
  readonly appointmentSequenceNumber: number;
  /** AppointmentState bit field: 1 meeting, 2 received, 4 cancelled. */
  readonly appointmentState: number;
  readonly dateTimeCreated: EpochMs;
  readonly lastModifiedTime: EpochMs;
  readonly dateTimeStamp: EpochMs;
  /** Size in bytes (approximate, for ItemType/Size). */
  readonly size: number;
}

/** The fields a CreateItem CalendarItem can carry (also used as the value of Set/Append). */
export interface CalendarItemInput {
  readonly subject?: string;
  readonly body?: Body;
  readonly location?: string;
  readonly sensitivity?: Sensitivity;
  readonly importance?: 'Low' | 'Normal' | 'High';
  readonly start?: EpochMs;
  readonly end?: EpochMs;
  readonly isAllDay?: boolean;
  readonly startTimeZone?: string;
  readonly endTimeZone?: string;
  readonly legacyFreeBusyStatus?: LegacyFreeBusyStatus;
  readonly requiredAttendees?: readonly AttendeeInput[];
  readonly optionalAttendees?: readonly AttendeeInput[];
  readonly resources?: readonly AttendeeInput[];
  readonly recurrence?: Recurrence;
  /** A UID the client chooses (iCalendar UID); otherwise Exchange generates one. */
  readonly uid?: string;
  readonly extendedProperties?: readonly ExtendedProperty[];
  readonly isResponseRequested?: boolean;
  readonly joinOnlineMeetingUrl?: string;
}

/** EWS unindexed field URIs the model understands in updates, restrictions and sorting. */
export type CalendarFieldUri =
  | 'item:Subject'
  | 'item:Body'
  | 'item:Sensitivity'
  | 'item:Importance'
  | 'item:DateTimeCreated'
  | 'item:LastModifiedTime'
  | 'item:ItemClass'
  | 'calendar:Start'
  | 'calendar:End'
  | 'calendar:Location'
  | 'calendar:IsAllDayEvent'
  | 'calendar:LegacyFreeBusyStatus'
  | 'calendar:StartTimeZone'
  | 'calendar:EndTimeZone'
  | 'calendar:RequiredAttendees'
  | 'calendar:OptionalAttendees'
  | 'calendar:Resources'
  | 'calendar:Recurrence'
  | 'calendar:UID'
  | 'calendar:IsCancelled'
  | 'calendar:CalendarItemType'
  | 'calendar:Organizer'
  | 'calendar:IsResponseRequested'
  | 'calendar:JoinOnlineMeetingUrl';

export type FieldTarget = { readonly fieldUri: CalendarFieldUri } | { readonly extended: ExtendedPropertyKey };

/**
 * One already-parsed ItemChange entry. For `set`/`append` of a field, `value` holds the one field
 * (as in the SOAP CalendarItem child); for an extended property, `value.extendedProperties[0]`.
 */
export interface FieldChange {
  readonly op: 'set' | 'append' | 'delete';
  readonly target: FieldTarget;
  readonly value?: CalendarItemInput;
}

export type SendInvitationsMode = 'SendToNone' | 'SendOnlyToAll' | 'SendToAllAndSaveCopy';
export type SendInvitationsOrCancellationsMode =
  'SendToNone' | 'SendOnlyToAll' | 'SendOnlyToChanged' | 'SendToAllAndSaveCopy' | 'SendToChangedAndSaveCopy';
export type SendCancellationsMode = 'SendToNone' | 'SendOnlyToAll' | 'SendToAllAndSaveCopy';
export type ConflictResolution = 'NeverOverwrite' | 'AutoResolve' | 'AlwaysOverwrite';
export type DeleteType = 'HardDelete' | 'SoftDelete' | 'MoveToDeletedItems';
export type MeetingResponse = 'Accept' | 'Decline' | 'Tentative';

// ---------------------------------------------------------------------------------------------
// Finding
// ---------------------------------------------------------------------------------------------

export type FieldRef = FieldTarget;

/** Restriction tree; constants are strings as in EWS FieldURIOrConstant/Constant Value. */
export type Restriction =
  | {
      readonly kind:
        | 'IsEqualTo'
        | 'IsNotEqualTo'
        | 'IsGreaterThan'
        | 'IsGreaterThanOrEqualTo'
        | 'IsLessThan'
        | 'IsLessThanOrEqualTo';
      readonly field: FieldRef;
      readonly value: string;
    }
  | { readonly kind: 'Exists'; readonly field: FieldRef }
  | {
      readonly kind: 'Contains';
      readonly field: FieldRef;
      readonly value: string;
      readonly containmentMode?: 'FullString' | 'Prefixed' | 'Substring' | 'PrefixOnWords' | 'ExactPhrase';
      readonly containmentComparison?:
        'Exact' | 'IgnoreCase' | 'IgnoreNonSpacingCharacters' | 'Loose' | 'IgnoreCaseAndNonSpacingCharacters';
    }
  | { readonly kind: 'And' | 'Or'; readonly items: readonly Restriction[] }
  | { readonly kind: 'Not'; readonly item: Restriction };

export interface IndexedPageView {
  readonly kind: 'indexed';
  readonly offset: number;
  readonly basePoint: 'Beginning' | 'End';
  readonly maxEntriesReturned?: number;
}

export interface CalendarViewSpec {
  readonly kind: 'calendar';
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly maxEntriesReturned?: number;
}

export interface SortOrder {
  readonly field: FieldRef;
  readonly order: 'Ascending' | 'Descending';
}

export interface FindItemsRequest {
  readonly folder: FolderRef;
  readonly traversal?: 'Shallow' | 'SoftDeleted' | 'Associated';
  readonly view?: IndexedPageView | CalendarViewSpec;
  /** Not allowed together with a CalendarView (ErrorInvalidRestriction is not raised; the protocol rejects it). */
  readonly restriction?: Restriction;
  readonly sortOrder?: readonly SortOrder[];
}

export interface FindItemsResult {
  readonly items: readonly CalendarItem[];
  readonly totalItemsInView: number;
  readonly includesLastItemInRange: boolean;
  /** For IndexedPageItemView: the offset of the next page. */
  readonly indexedPagingOffset?: number;
}

// ---------------------------------------------------------------------------------------------
// Sync
// ---------------------------------------------------------------------------------------------

export interface SyncFolderItemsRequest {
  readonly folder: FolderRef;
  /** Undefined or empty = first sync. */
  readonly syncState?: string;
  /** 1..512 */
  readonly maxChangesReturned: number;
  /** Item ids to leave out of the result. */
  readonly ignore?: readonly string[];
}

export type SyncChange =
  | { readonly kind: 'Create'; readonly item: CalendarItem }
  | { readonly kind: 'Update'; readonly item: CalendarItem }
  | { readonly kind: 'Delete'; readonly itemId: string }
  /** Kept for shape completeness; calendars produce none. */
  | { readonly kind: 'ReadFlagChange'; readonly itemId: IdAndChangeKey; readonly isRead: boolean };

export interface SyncFolderItemsResult {
  readonly syncState: string;
  readonly includesLastItemInRange: boolean;
  readonly changes: readonly SyncChange[];
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

export type NotificationEventType =
  | 'CopiedEvent'
  | 'CreatedEvent'
  | 'DeletedEvent'
  | 'ModifiedEvent'
  | 'MovedEvent'
  | 'NewMailEvent'
  | 'FreeBusyChangedEvent';

export interface NotificationEvent {
  readonly type: NotificationEventType;
  readonly watermark: string;
  readonly timeStamp: EpochMs;
  /** Set for item events. */
  readonly itemId?: IdAndChangeKey;
  /** Set for folder events (e.g. ModifiedEvent on the folder itself). */
  readonly folderId?: IdAndChangeKey;
  readonly parentFolderId: IdAndChangeKey;
  readonly oldItemId?: IdAndChangeKey;
  readonly oldParentFolderId?: IdAndChangeKey;
  /** ModifiedEvent on a folder. */
  readonly unreadCount?: number;
}

export interface SubscribeRequest {
  readonly kind: 'streaming' | 'pull';
  /** Folders to watch; empty with `allFolders` true watches the whole mailbox. */
  readonly folders: readonly FolderRef[];
  readonly allFolders?: boolean;
  readonly eventTypes: readonly NotificationEventType[];
  /** Pull only: 1..1440 minutes. */
  readonly timeoutMinutes?: number;
  /** Resume from this watermark (pull and streaming allow it). */
  readonly watermark?: string;
}

export interface Subscription {
  readonly subscriptionId: string;
  readonly kind: 'streaming' | 'pull';
  readonly mailbox: string;
  /** Watermark to return in SubscribeResponse (pull). */
  readonly watermark: string;
}

export interface GetEventsResult {
  readonly subscriptionId: string;
  readonly previousWatermark: string;
  readonly moreEvents: boolean;
  /** When empty, the protocol writes a StatusEvent carrying `statusWatermark`. */
  readonly events: readonly NotificationEvent[];
  readonly statusWatermark: string;
}

/** Receives events for one streaming subscription (called synchronously after the change). */
export type StreamingListener = (subscriptionId: string, events: readonly NotificationEvent[]) => void;

// ---------------------------------------------------------------------------------------------
// Availability, names, rooms
// ---------------------------------------------------------------------------------------------

export type FreeBusyViewType = 'None' | 'MergedOnly' | 'FreeBusy' | 'FreeBusyMerged' | 'Detailed' | 'DetailedMerged';
export type BusyType = 'Free' | 'Tentative' | 'Busy' | 'OOF' | 'WorkingElsewhere' | 'NoData';

export interface AvailabilityRequest {
  /** Effective caller (after impersonation), for permission checks. */
  readonly requester: string;
  readonly mailboxes: readonly { readonly email: string; readonly excludeConflicts?: boolean }[];
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly view: FreeBusyViewType;
  /** For merged views: interval length in minutes (default 30). */
  readonly mergedFreeBusyIntervalMinutes?: number;
}

export interface CalendarEventDetails {
  readonly id?: string;
  readonly subject?: string;
  readonly location?: string;
  readonly isMeeting: boolean;
  readonly isRecurring: boolean;
  readonly isException: boolean;
  readonly isReminderSet: boolean;
  readonly isPrivate: boolean;
}

export interface CalendarEvent {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly busyType: BusyType;
  readonly details?: CalendarEventDetails;
}

export interface MailboxAvailability {
  readonly email: string;
  readonly error?: EwsErrorShape;
  /** The view actually returned (downgraded when permission is lacking). */
  readonly view: FreeBusyViewType;
  readonly calendarEvents: readonly CalendarEvent[];
  /** One digit per interval: 0 Free, 1 Tentative, 2 Busy, 3 OOF, 4 NoData. Only for merged views. */
  readonly mergedFreeBusy?: string;
}

export interface ResolvedName {
  readonly mailbox: Mailbox;
  readonly emailAddress: EmailAddress;
}

/** A persona FindPeople found in the directory, with its RelevanceScore. */
export interface FoundPerson extends ResolvedName {
  readonly relevance: number;
}

// ---------------------------------------------------------------------------------------------
// Faults, throttling, counters
// ---------------------------------------------------------------------------------------------

/** Which requests a fault applies to; omitted fields match everything. */
export interface FaultMatch {
  readonly operation?: string;
  /** Authenticated account smtp or username. */
  readonly account?: string;
  /** Target mailbox smtp (after impersonation). */
  readonly mailbox?: string;
}

export type FaultSpec =
  | {
      readonly kind: 'serverBusy';
      readonly backOffMilliseconds: number;
      readonly match?: FaultMatch;
      readonly count?: number;
    }
  | { readonly kind: 'http503'; readonly match?: FaultMatch; readonly count?: number }
  | { readonly kind: 'latency'; readonly latencyMs: number; readonly match?: FaultMatch; readonly count?: number }
  | { readonly kind: 'mailboxMoveInProgress'; readonly match?: FaultMatch; readonly count?: number }
  /** Drops open streaming connections (and the next ones, `count` times). */
  | { readonly kind: 'dropStream'; readonly match?: FaultMatch; readonly count?: number };

export interface ActiveFault {
  readonly id: string;
  readonly spec: FaultSpec;
  /** Remaining applications; undefined = unlimited. */
  readonly remaining?: number;
}

/** What the protocol half must do with a request before handling it. */
export interface FaultDecision {
  readonly latencyMs: number;
  /** Answer a HTTP 500 SOAP fault ErrorServerBusy with this back-off. */
  readonly serverBusyBackOffMs?: number;
  readonly http503: boolean;
  /** Answer every item of the request with ErrorMailboxMoveInProgress. */
  readonly mailboxMoveInProgress: boolean;
  /** Streaming: drop the connection without a Closed envelope. */
  readonly dropStream: boolean;
}

export interface RequestCounts {
  readonly total: number;
  readonly byOperation: Readonly<Record<string, number>>;
  readonly byAccount: Readonly<Record<string, number>>;
  /** `account|operation` -> count */
  readonly byAccountAndOperation: Readonly<Record<string, number>>;
}

/** How close one account came to its EWSMaxConcurrency since the last reset. */
export interface ConcurrencyStats {
  readonly limit: number;
  /** Requests of the account being processed now. */
  readonly inFlight: number;
  /** The most requests of the account processed at once. */
  readonly peak: number;
  /** Requests refused with ErrorServerBusy because the account was at its limit. */
  readonly refused: number;
}

/** One answer of a room's booking attendant. */
export interface AttendantAnswer {
  readonly room: string;
  readonly uid: string;
  readonly answer: 'Accept' | 'Decline' | 'Tentative' | 'Cancelled' | 'Ignored';
  /** Why it declined or ignored, in words. */
  readonly reason?: string;
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

export interface ModelOptions {
  /** Delay before the Resource Booking Attendant answers, ms (default 200). */
  readonly attendantDelayMs?: number;
  /** Per-account concurrent request limit (default 27, EWSMaxConcurrency). */
  readonly concurrencyLimit?: number;
}

/** Simulated time (epoch ms). Item timestamps, booking windows and subscription expiry follow it. */
export interface ModelClock {
  now(): EpochMs;
  /** Freeze at `at` (default: now). */
  freeze(at?: EpochMs): void;
  /** Move time forward (works frozen or running). */
  advance(ms: number): void;
  /** Resume running from the current simulated time. */
  unfreeze(): void;
  isFrozen(): boolean;
}

/**
 * The model. All calendar methods take `actor`: the effective mailbox smtp after impersonation
 * (or the authenticated user's own). Items of other mailboxes give ErrorItemNotFound, as Exchange
 * does without folder permission. Methods throw `EwsError` (see errors.ts) with a responseCode.
 */
export interface ExchangeModelApi {
  readonly clock: ModelClock;

  // directory ---------------------------------------------------------------------------------
  mailboxes(): readonly Mailbox[];
  findMailbox(smtp: string): Mailbox | undefined;
  /** Logon lookup: `DOMAIN\user`, `user@domain` (UPN or smtp) or a bare username. */
  findMailboxByLogin(login: string): Mailbox | undefined;
  findMailboxBySid(sid: string): Mailbox | undefined;
  /** Returns the mailbox when the password matches, else undefined. */
  authenticate(login: string, password: string): Mailbox | undefined;
  roomLists(): readonly RoomList[];
  /** GetRooms; throws ErrorNameResolutionNoResults for an unknown list. */
  rooms(roomListEmail: string): readonly EmailAddress[];
  resolveNames(unresolvedEntry: string): readonly ResolvedName[];
  findPeople(queryString: string): readonly FoundPerson[];
  calendarProcessing(roomSmtp: string): CalendarProcessingSettings;
  setCalendarProcessing(roomSmtp: string, settings: Partial<CalendarProcessingSettings>): CalendarProcessingSettings;

  // folders -----------------------------------------------------------------------------------
  getFolder(actor: string, ref: FolderRef): Folder;
  /** Child folders; Deep = all descendants. */
  findFolders(actor: string, parent: FolderRef, traversal: 'Shallow' | 'Deep'): readonly Folder[];

  // items -------------------------------------------------------------------------------------
  getItem(actor: string, ref: ItemRef): CalendarItem;
  createCalendarItem(
    actor: string,
    folder: FolderRef | undefined,
    input: CalendarItemInput,
    mode: SendInvitationsMode,
  ): CalendarItem;
  updateItem(
    actor: string,
    ref: ItemRef,
    changes: readonly FieldChange[],
    options: { readonly conflictResolution: ConflictResolution; readonly sendMode: SendInvitationsOrCancellationsMode },
  ): CalendarItem;
  deleteItem(
    actor: string,
    ref: ItemRef,
    options: { readonly deleteType: DeleteType; readonly sendMeetingCancellations: SendCancellationsMode },
  ): void;
  /** CreateItem with CancelCalendarItem. Only the organizer may cancel. */
  cancelCalendarItem(
    actor: string,
    ref: ItemRef,
    options: { readonly body?: Body; readonly mode: SendInvitationsMode },
  ): void;
  /** CreateItem with AcceptItem / DeclineItem / TentativelyAcceptItem. */
  respondToItem(
    actor: string,
    ref: ItemRef,
    response: MeetingResponse,
    options: { readonly body?: Body; readonly mode: SendInvitationsMode },
  ): void;
  findItems(actor: string, request: FindItemsRequest): FindItemsResult;
  syncFolderItems(actor: string, request: SyncFolderItemsRequest): SyncFolderItemsResult;
  /** Value of any extended property of an item, including the computed global object ids. */
  extendedPropertyValue(item: CalendarItem, key: ExtendedPropertyKey): ExtendedProperty | undefined;
  /** Every item of a mailbox's calendar (masters, singles), for the control API. */
  readCalendar(smtp: string): readonly CalendarItem[];

  // notifications -----------------------------------------------------------------------------
  /**
   * `creator` (optional) is the authenticated logon account's smtp. Exchange lets the account
   * that created a subscription use it while impersonating any mailbox (one GetStreamingEvents
   * connection for many mailboxes); every subscription method below accepts it.
   */
  subscribe(actor: string, request: SubscribeRequest, creator?: string): Subscription;
  /** Pull: events since the last call (or the given watermark). */
  getEvents(actor: string, subscriptionId: string, watermark: string, creator?: string): GetEventsResult;
  unsubscribe(actor: string, subscriptionId: string, creator?: string): void;
  /**
   * Throws ErrorSubscriptionNotFound if unknown/expired, ErrorAccessDenied unless the actor owns
   * it or `creator` created it.
   */
  checkSubscription(actor: string, subscriptionId: string, creator?: string): Subscription;
  /**
   * Streaming: attach a listener. Queued events since the last delivery are delivered at once.
   * While attached, the subscription does not expire. Returns a detach function.
   */
  attachStream(actor: string, subscriptionId: string, listener: StreamingListener, creator?: string): () => void;

  // availability ------------------------------------------------------------------------------
  getUserAvailability(request: AvailabilityRequest): readonly MailboxAvailability[];

  // faults, throttling, counters -------------------------------------------------------------
  addFault(spec: FaultSpec): ActiveFault;
  clearFaults(): void;
  activeFaults(): readonly ActiveFault[];
  /** Consults and consumes the faults that match this request. */
  decideFaults(request: {
    readonly operation: string;
    readonly account: string;
    readonly mailbox?: string;
  }): FaultDecision;
  /** Every sync state issued so far becomes ErrorInvalidSyncStateData (all mailboxes or one). */
  invalidateSyncStates(mailbox?: string): void;
  /** Takes a concurrency slot for the account; undefined when over the limit (answer ErrorServerBusy). */
  acquireRequestSlot(account: string): (() => void) | undefined;
  setConcurrencyLimit(limit: number): void;
  /** Per account (lower case): in flight, peak and refusals for concurrency. */
  concurrencyStats(): Readonly<Record<string, ConcurrencyStats>>;
  /** Peaks and refusals start again from what is in flight now. */
  resetConcurrencyStats(): void;
  countRequest(operation: string, account: string): void;
  requestCounts(): RequestCounts;
  resetRequestCounts(): void;

  /** Every booking-attendant answer so far, oldest first (tests, control API, demos). */
  attendantLog(): readonly AttendantAnswer[];

  // lifecycle ---------------------------------------------------------------------------------
  /** Resolves when no attendant work is pending. */
  whenIdle(): Promise<void>;
  /** Attendant delay in ms (changeable at run time). */
  setAttendantDelayMs(ms: number): void;
  /** Back to the seed it was built from (or the given one): clears items, faults, counters, subscriptions. */
  reset(seed?: unknown): void;
  /** Cancels timers. */
  dispose(): void;
}
