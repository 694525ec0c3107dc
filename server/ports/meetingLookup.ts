import type { ExchangeConnectionSettings } from './exchangeSettings';

/**
 * Which meeting an item of someone's mailbox is. The Outlook add-in knows only the EWS ItemId of
 * the item it shows (saveAsync in compose mode, item.itemId in read mode); Office.js on Mailbox
 * 1.1–1.5 cannot read UID or CleanGlobalObjectId, so the server reads them through EWS, in the
 * mailbox of the person asking (impersonated). An ItemId is only meaningful in its own mailbox: an
 * id from another mailbox is simply not found there, which is what keeps people to their own
 * meetings. The EWS adapter implements it (server/adapters/ews/meetingLookup.ts); failures to
 * reach Exchange are GatewayErrors, as for the CalendarGateway.
 */

export type MeetingItemKind = 'single' | 'occurrence' | 'exception' | 'series';

export interface MeetingOfItem {
  /** Base64 PidLidCleanGlobalObjectId: the same in every copy of the meeting. */
  readonly cleanGlobalObjectId: string | null;
  readonly uid: string | null;
  readonly kind: MeetingItemKind;
  readonly start: Date;
  readonly end: Date;
  /** The occurrence's original start (occurrences and exceptions); null otherwise. */
  readonly originalStart: Date | null;
  readonly isCancelled: boolean;
  /**
   * What the item itself says, for an order that has to wait for the room's booking (a meeting
   * saved in Outlook but not sent yet): subject, organizer, and the people invited (required and
   * optional attendees; a room the add-in added as a required attendee is among them).
   */
  readonly subject: string;
  readonly organizerEmail: string | null;
  readonly attendeeEmails: readonly string[];
  /**
   * MeetingRequestWasSent: false for a meeting the organizer only saved (Outlook's saveAsync on a
   * new item sends nothing), so its rooms cannot have it yet.
   */
  readonly requestWasSent: boolean;
}

export interface MeetingLookup {
  /** The meeting that `itemId` is in `mailbox`'s calendar; null when the mailbox has no such item. */
  identityOfItem(mailbox: string, itemId: string): Promise<MeetingOfItem | null>;
  close(): void;
}

export type MeetingLookupFactory = (settings: ExchangeConnectionSettings) => MeetingLookup;
