/**
 * What Exchange holds for a room, in our terms. The EWS adapter maps its items into these shapes;
 * nothing here knows about EWS.
 */

export interface Participant {
  readonly name: string;
  readonly email: string;
}

export type AttendeeResponse = 'unknown' | 'organizer' | 'tentative' | 'accept' | 'decline' | 'no-response';

export interface Attendee extends Participant {
  readonly kind: 'required' | 'optional' | 'resource';
  readonly response: AttendeeResponse;
}

/** Which mailbox's copy the descriptive fields (subject, body, privacy) were read from. */
export type DetailSource = 'organizer' | 'room';

/**
 * One concrete meeting instance in one room's calendar: a single meeting, or one occurrence or
 * exception of a series, as a calendar view expands it.
 */
export interface RemoteOccurrence {
  /** The meeting's identity across mailboxes (PidLidCleanGlobalObjectId, base64). */
  readonly cleanGlobalObjectId: string;
  readonly uid: string;
  /** The original start of an occurrence or exception; null for a single meeting. */
  readonly originalStart: Date | null;
  readonly start: Date;
  readonly end: Date;
  /** The room mailbox's own ids: of the item itself, and of the series master for occurrences. */
  readonly itemId: string;
  readonly changeKey: string;
  readonly recurringMasterId: string | null;
  readonly isCancelled: boolean;
  readonly subject: string;
  readonly description: string;
  readonly location: string;
  readonly isPrivate: boolean;
  readonly organizer: Participant;
  readonly attendees: readonly Attendee[];
  readonly joinOnlineMeetingUrl: string | null;
  readonly detailSource: DetailSource;
  /**
   * Phase 1 of a first sync: the booking is written from the room's headers alone (times, free or
   * busy, the room's subject) and phase 2 fills in the organizer's details later.
   */
  readonly detailsPending?: boolean;
}

/** The key that identifies one meeting instance in every mailbox. */
export function occurrenceKey(o: { cleanGlobalObjectId: string | null; originalStart: Date | null }): string {
  return `${o.cleanGlobalObjectId ?? ''}|${o.originalStart ? o.originalStart.toISOString() : ''}`;
}
