import type { Recurrence } from '../../shared/schemas/events';
import type { OpeningHours } from '../../shared/schemas/locations';
import type { BookingStatus } from '../../shared/schemas/bookings';
import type { RoomBookingRules } from '../domain/bookings/rules';
import type { Interval } from '../domain/bookings/alternatives';
import type { OrganizerMailbox } from './meetingWriter';

/** Storage of bookings made in Roomserve, their rooms' rules and the installation's switches. */

export interface BookingRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly buildingId: string;
  readonly active: boolean;
  /** Null unless the room's mailbox is connected and verified. */
  readonly exchangeEmail: string | null;
  readonly bookableInternal: boolean;
  readonly bookableExternal: boolean;
  readonly rules: RoomBookingRules;
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
}

export interface BookingSettingsRecord {
  readonly readOnly: boolean;
  readonly bookingMailbox: string | null;
  /** 'simple': a room, a time and a subject; 'events': event management with attendees and details. */
  readonly mode: 'simple' | 'events';
}

export interface OwnBooking {
  readonly id: string;
  readonly roomId: string;
  readonly roomName: string;
  /** The room's building's IANA zone: the wall clocks the meeting is held by. */
  readonly timeZone: string;
  readonly start: Date;
  readonly end: Date;
  readonly subject: string;
  readonly description: string;
  readonly attendees: readonly string[];
  readonly isPrivate: boolean;
  readonly onlineMeetingUrl: string | null;
  readonly status: BookingStatus;
  readonly declinedReason: string | null;
  readonly source: 'app' | 'display' | 'exchange';
  readonly requestedBy: string | null;
  readonly booker: { readonly name: string; readonly email: string } | null;
  readonly organizer: OrganizerMailbox;
  readonly organizerEmail: string;
  readonly organizerItemId: string | null;
  readonly cleanGlobalObjectId: string | null;
  readonly uid: string | null;
  readonly pendingSince: Date | null;
  readonly createdAt: Date;
  /** Events: the people invited with their kind (required or optional), as stored. */
  readonly people?: readonly { readonly email: string; readonly kind: 'required' | 'optional' }[];
  /** Events: the series as asked for; null or absent for a single meeting. */
  readonly recurrence?: Recurrence | null;
  /** Planned as an event (its page is /events/:id); absent: a plain booking. */
  readonly isEvent?: boolean;
}

export interface NewPendingBooking {
  readonly id: string;
  readonly uid: string;
  readonly roomId: string;
  readonly start: Date;
  readonly end: Date;
  readonly subject: string;
  readonly description: string;
  readonly attendees: readonly string[];
  readonly isPrivate: boolean;
  readonly onlineMeetingUrl: string | null;
  readonly source: 'app' | 'display';
  /** Null for a booking made at a room's display. */
  readonly requestedBy: string | null;
  readonly booker: { readonly name: string; readonly email: string } | null;
  readonly organizer: OrganizerMailbox;
  readonly organizerEmail: string;
  readonly organizerName: string;
  /** Events: attendees who are asked, not required. */
  readonly optionalAttendees?: readonly string[];
  readonly recurrence?: Recurrence | null;
  readonly isEvent?: boolean;
}

export type InsertOutcome =
  { readonly ok: true; readonly booking: OwnBooking } | { readonly ok: false; readonly conflicts: readonly Interval[] };

export interface ExchangeLink {
  readonly organizer: OrganizerMailbox;
  readonly organizerEmail: string;
  readonly organizerName: string;
  readonly itemId: string;
  readonly changeKey: string;
  readonly cleanGlobalObjectId: string;
  readonly uid: string;
}

export type BookingOutcome =
  { readonly status: 'confirmed' } | { readonly status: 'declined' | 'cancelled'; readonly reason: string };

export interface BookingMove {
  readonly roomId: string;
  readonly start: Date;
  readonly end: Date;
  readonly subject: string;
  readonly attendees: readonly string[];
}

export interface BookingDetailsUpdate {
  readonly description?: string;
  readonly onlineMeetingUrl?: string | null;
  readonly isPrivate?: boolean;
  /** The people afterwards, by kind (the room stays). */
  readonly people?: { readonly required: readonly string[]; readonly optional: readonly string[] };
  /** A series moved to other days: its pattern now. */
  readonly recurrence?: Recurrence;
}

export interface BookingRepository {
  room(id: string): Promise<BookingRoom | undefined>;
  /** Active rooms connected to Exchange, for alternatives. */
  connectedRooms(): Promise<BookingRoom[]>;
  /**
   * Pending and confirmed bookings of these rooms overlapping the window. One booking may be left
   * out, and every row of one meeting (`exceptUid`: an event's series, whose occurrences the sync stores).
   */
  occupying(
    roomIds: readonly string[],
    window: Interval,
    exceptBookingId?: string,
    exceptUid?: string,
  ): Promise<Array<Interval & { readonly roomId: string }>>;
  /**
   * Inserts the booking as pending unless a pending or confirmed booking of the room overlaps it.
   * Serialised per room (a transaction-scoped advisory lock), so two requests never both succeed.
   */
  insertPending(booking: NewPendingBooking): Promise<InsertOutcome>;
  /** Records the organizer's item. False when the booking is no longer pending (the repair sweep gave it up). */
  linkExchange(bookingId: string, link: ExchangeLink): Promise<boolean>;
  /** Settles a pending booking; false when it was settled already. */
  settle(bookingId: string, outcome: BookingOutcome): Promise<boolean>;
  /**
   * Applies a change the room accepted, confirmed, in place of what the sync made of the change's
   * echoes meanwhile; false when another confirmed booking is in the way locally, or the meeting
   * was cancelled.
   */
  applyMove(bookingId: string, move: BookingMove): Promise<boolean>;
  /** Stores an event's details after Exchange took them (the organizer's copy stays the source). */
  saveDetails(bookingId: string, details: BookingDetailsUpdate): Promise<void>;
  /** Gives a booking up while its meeting stays in Exchange (a declined move that could not be undone). */
  cancel(bookingId: string, reason: string): Promise<void>;
  /**
   * The booking's meeting was cancelled in Exchange through Roomserve: the booking is cancelled for
   * good, and the sync does not confirm it again from a room's copy that has not processed the
   * cancellation yet. A booking the room declined stays declined.
   */
  markMeetingCancelled(bookingId: string, reason: string): Promise<void>;
  /**
   * Puts a booking back at its earlier room and time, confirmed (the sync may have dropped it
   * meanwhile); never one whose meeting was cancelled.
   */
  restore(
    bookingId: string,
    original: { readonly roomId: string; readonly start: Date; readonly end: Date },
  ): Promise<void>;
  /** Removes a pending booking whose meeting never reached Exchange. */
  discard(bookingId: string): Promise<void>;
  get(bookingId: string): Promise<OwnBooking | undefined>;
  /** Of these bookings, the confirmed ones made in Roomserve for an external (booker set) that have not ended by `now`. */
  confirmedForExternals(bookingIds: readonly string[], now: Date): Promise<OwnBooking[]>;
  listMine(userId: string, from: Date): Promise<OwnBooking[]>;
  /** Roomserve bookings pending since before `before`, oldest first. */
  stalePending(before: Date, limit: number): Promise<OwnBooking[]>;
  settings(): Promise<BookingSettingsRecord>;
  saveSettings(settings: BookingSettingsRecord): Promise<BookingSettingsRecord>;
  saveRules(roomId: string, rules: RoomBookingRules): Promise<RoomBookingRules | undefined>;
}
