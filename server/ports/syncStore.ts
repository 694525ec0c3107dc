import type { BookingCancellation, ReconcilePlan, StoredBooking, SyncedBookingFields } from '../domain/sync/reconcile';
import type { TimeWindow } from './calendarGateway';

/** A room whose Exchange mailbox was verified: the sync engine keeps its bookings in step. */
export interface ConnectedRoom {
  readonly roomId: string;
  readonly name: string;
  readonly mailbox: string;
}

/** `pull`: streaming was refused and pull subscriptions carry the notifications; `polling`: only the safety sync runs. */
export type StreamState = 'none' | 'connecting' | 'streaming' | 'reconnecting' | 'pull' | 'polling';

export interface RoomSyncRecord {
  readonly roomId: string;
  readonly mailbox: string;
  /** Null before the first sync, and after Exchange declared it invalid. */
  readonly syncState: string | null;
  readonly lastSuccessAt: Date | null;
  readonly lastFullSyncAt: Date | null;
  readonly nextSyncAt: Date | null;
  readonly lastError: string | null;
  readonly lastErrorCode: string | null;
  readonly lastErrorAt: Date | null;
  readonly consecutiveFailures: number;
  readonly streamState: StreamState;
}

export interface AppliedPlan {
  readonly created: number;
  readonly updated: number;
  readonly cancelled: number;
  /** Meetings Exchange holds that overlap another confirmed booking: stored as pending. */
  readonly conflicts: number;
  /** The bookings the plan's creates became: inserted, or our own booking adopted as the meeting's echo. */
  readonly createdBookingIds: readonly string[];
}

/** Phase 2 of a first sync: the organizer's details for a booking phase 1 wrote from headers. */
export interface DetailsFill {
  readonly bookingId: string;
  /**
   * The room copy's ChangeKey the details were read for. A booking a live change rewrote meanwhile
   * (new ChangeKey, details no longer pending) keeps what that change wrote.
   */
  readonly ewsChangeKey: string;
  readonly fields: SyncedBookingFields;
}

/** Writes inside one transaction: bookings and the sync state they bring the room to commit together. */
export interface SyncTransaction {
  /** The room's Exchange-linked bookings (any status) of these meetings that touch the window. */
  bookingsOfMeetings(
    roomId: string,
    cleanGlobalObjectIds: readonly string[],
    window: TimeWindow,
  ): Promise<StoredBooking[]>;
  /** Every Exchange-linked booking of the room that touches the window. */
  bookingsInWindow(roomId: string, window: TimeWindow): Promise<StoredBooking[]>;
  /** The room's live bookings whose own ItemId or series master ItemId is one of these. */
  bookingsOfItems(roomId: string, itemIds: readonly string[]): Promise<StoredBooking[]>;
  applyPlan(roomId: string, plan: ReconcilePlan): Promise<AppliedPlan>;
  /** The room's live bookings whose details phase 1 left pending. */
  bookingsAwaitingDetails(roomId: string): Promise<StoredBooking[]>;
  /** Writes the details (subject, body, privacy, attendees, online link) and clears pending; the ids written. */
  fillDetails(roomId: string, fills: readonly DetailsFill[]): Promise<string[]>;
  cancelBookings(cancellations: readonly BookingCancellation[]): Promise<number>;
  /** Stores where the change feed stands; `full` also records a full reconciliation. */
  saveSyncState(
    roomId: string,
    mailbox: string,
    syncState: string | null,
    options: { at: Date; full: boolean },
  ): Promise<void>;
}

/** A room with an Exchange email, whatever its verification state (for the integration overview). */
export interface ExchangeRoom {
  readonly roomId: string;
  readonly name: string;
  readonly mailbox: string;
  readonly verification: 'unconnected' | 'verifying' | 'verified' | 'failed';
  readonly checkedAt: Date | null;
  readonly verificationError: string | null;
  readonly active: boolean;
}

export interface SyncStore {
  listExchangeRooms(): Promise<ExchangeRoom[]>;
  /** Active rooms with a verified Exchange mailbox. */
  listConnectedRooms(): Promise<ConnectedRoom[]>;
  findConnectedRoom(roomId: string): Promise<ConnectedRoom | undefined>;
  /** The room's record, or null when it never synced (or its mailbox changed since). */
  roomSync(roomId: string, mailbox: string): Promise<RoomSyncRecord | null>;
  allRoomSync(): Promise<RoomSyncRecord[]>;
  transaction<T>(work: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  recordFailure(roomId: string, mailbox: string, failure: { code: string; message: string; at: Date }): Promise<void>;
  scheduleNext(roomId: string, mailbox: string, at: Date | null): Promise<void>;
  /** Records the subscription state, creating the room's row when its first sync has not run yet. */
  setStreamState(rooms: readonly Pick<ConnectedRoom, 'roomId' | 'mailbox'>[], state: StreamState): Promise<void>;
  /** Live bookings of each room inside the window (for the integration overview). */
  countLiveBookings(window: TimeWindow): Promise<Map<string, number>>;
  /** Live bookings of each room still waiting for phase 2 (rooms without any left out). */
  countDetailsPending(): Promise<Map<string, number>>;
}
