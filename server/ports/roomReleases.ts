import type { Interval } from '../domain/availability/interval';
import type { PastOccurrence } from '../domain/displays/release';

/** A booking of a room as the release job needs it, with where its copy is in the room's mailbox. */
export interface ReleasableBooking {
  readonly id: string;
  readonly roomId: string;
  readonly span: Interval;
  readonly bookedAt: Date;
  readonly source: 'exchange' | 'app' | 'display';
  readonly status: 'pending' | 'confirmed';
  readonly subject: string;
  readonly organizerName: string;
  readonly organizerEmail: string;
  readonly isPrivate: boolean;
  /** The room's copy: its own id (a single meeting, or an occurrence as a calendar view shows it). */
  readonly roomItemId: string | null;
  /** The room's series master, for an occurrence. */
  readonly seriesItemId: string | null;
  readonly cleanGlobalObjectId: string | null;
  readonly isOccurrence: boolean;
  readonly originalStart: Date | null;
}

export interface ReleaseFact {
  readonly roomId: string;
  readonly bookingId: string;
  readonly kind: 'release' | 'series-declined';
  readonly seriesKey: string | null;
  readonly meeting: Interval;
  readonly subject: string;
  readonly organizerName: string;
  readonly organizerEmail: string;
  readonly isPrivate: boolean;
  readonly strike: number;
  /** "release-job" or "display" */
  readonly actor: string;
  readonly displayId: string | null;
  readonly at: Date;
}

export interface ReleasedMeeting {
  readonly bookingId: string | null;
  readonly span: Interval;
  readonly subject: string;
  readonly organizerName: string;
  readonly isPrivate: boolean;
}

export interface RoomReleaseRepository {
  /** The room's mailbox; null when it is not connected to Exchange. */
  roomEmail(roomId: string): Promise<string | null>;
  /** One pending or confirmed booking of the room. */
  booking(roomId: string, bookingId: string): Promise<ReleasableBooking | undefined>;
  /** Pending and confirmed bookings of the room overlapping the window. */
  candidates(roomId: string, window: Interval): Promise<ReleasableBooking[]>;
  /**
   * Claims the release of a booking by inserting its fact; false when it is claimed already (by
   * another instance or an earlier run). The fact is the claim: it is only taken back when Exchange
   * refused the decline, so that nothing half-way is kept.
   */
  claim(fact: ReleaseFact): Promise<boolean>;
  unclaim(bookingId: string, kind: ReleaseFact['kind']): Promise<void>;
  /** The room gave the booking up in Exchange: it no longer holds the room here either. */
  markReleased(bookingId: string, reason: string): Promise<void>;
  /** The room's released meetings overlapping the window (facts, even after the sync dropped the booking). */
  releasedIn(roomId: string, window: Interval): Promise<ReleasedMeeting[]>;
  /** Earlier occurrences of a series in this room that were released or checked in to. */
  seriesHistory(roomId: string, seriesKey: string, before: Date): Promise<PastOccurrence[]>;
}
