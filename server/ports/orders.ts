import type { OpeningHours } from '../../shared/schemas/locations';
import type {
  AttentionReason,
  Delivery,
  OrderChangeKind,
  OrderHistoryEntry,
  OrderStatus,
} from '../../shared/schemas/orders';
import type { ItemAvailability } from '../domain/catering/ordersTiming';
import type { OutboxMessage } from '../domain/catering/ordersNotifications';

/** What orders need from the catalog: a narrow view, adapted from the catalog's own repositories. */
export interface OrderableItem {
  readonly id: string;
  readonly providerId: string;
  readonly name: string;
  readonly unit: 'per-person' | 'per-item';
  readonly priceMinor: number;
  readonly currency: string;
  readonly leadTimeHours: number;
  readonly changeCutoffHours: number;
  readonly availability: ItemAvailability | null;
  readonly active: boolean;
}

export interface OrderProvider {
  readonly id: string;
  readonly name: string;
  readonly contactEmail: string;
  readonly webhookUrl: string | null;
  readonly buildingIds: readonly string[];
  readonly workingHours: OpeningHours;
  readonly active: boolean;
}

export interface OrderCatalog {
  /** Items by id, whatever their state; unknown ids are simply missing. */
  itemsByIds(ids: readonly string[]): Promise<OrderableItem[]>;
  provider(id: string): Promise<OrderProvider | undefined>;
}

/** A room booking in the terms orders care about: when, where, who, which meeting. */
export interface MeetingBooking {
  readonly id: string;
  readonly status: 'pending' | 'confirmed' | 'declined' | 'cancelled';
  readonly start: Date;
  readonly end: Date;
  readonly roomId: string;
  readonly buildingId: string;
  readonly timeZone: string;
  readonly subject: string;
  readonly organizerEmail: string;
  readonly organizerName: string;
  readonly attendeeCount: number;
  readonly cleanGlobalObjectId: string | null;
  readonly uid: string | null;
  readonly originalStart: Date | null;
  readonly isOccurrence: boolean;
}

export interface MeetingIdentity {
  readonly cleanGlobalObjectId: string | null;
  readonly uid: string | null;
  readonly originalStart: Date | null;
}

/** Where a room is, for an order that waits for its meeting's booking there. */
export interface RoomPlace {
  readonly roomId: string;
  readonly buildingId: string;
  readonly timeZone: string;
  /** The room's mailbox (lower case), or null while it has none: it is not a person who eats. */
  readonly exchangeEmail: string | null;
}

export interface MeetingBookings {
  byId(id: string): Promise<MeetingBooking | undefined>;
  /** The room's building and zone; undefined for an unknown room. */
  roomPlace(roomId: string): Promise<RoomPlace | undefined>;
  /** Live (confirmed or pending) bookings of one meeting occurrence, in every room. */
  liveOfMeeting(identity: MeetingIdentity): Promise<MeetingBooking[]>;
  /** Live bookings of a meeting by clean global object id or UID, every room and occurrence. */
  liveByMeetingId(meetingId: string): Promise<MeetingBooking[]>;
  /** Live occurrences of a series in one room starting at or after `from`. */
  liveOccurrences(seriesId: string, roomId: string, from: Date): Promise<MeetingBooking[]>;
  /** The meeting identities of these bookings (any status). */
  identitiesOf(bookingIds: readonly string[]): Promise<MeetingIdentity[]>;
}

export interface OrderLineRecord {
  readonly itemId: string;
  readonly name: string;
  readonly unit: 'per-person' | 'per-item';
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly totalMinor: number;
}

/** The fields of an order that its writers set. */
export interface OrderFields {
  readonly bookingId: string | null;
  /**
   * The meeting was saved in Outlook but not sent: no room booking exists yet, so the order waits
   * for it (bookingId null) with the times of the organizer's copy (domain/catering/awaitingMeeting).
   */
  readonly awaitingMeeting: boolean;
  readonly meeting: MeetingIdentity;
  readonly subject: string;
  readonly eventStart: Date;
  readonly eventEnd: Date;
  readonly roomId: string;
  readonly providerId: string | null;
  readonly providerName: string;
  readonly status: OrderStatus;
  readonly attention: readonly AttentionReason[];
  readonly delivery: Delivery;
  readonly deliveryAt: Date;
  readonly headcount: number;
  readonly followAttendees: boolean;
  readonly costCenter: string;
  readonly notes: string;
  readonly dietaryRemarks: string;
  readonly currency: string;
  readonly totalMinor: number;
  readonly lines: readonly OrderLineRecord[];
  readonly orderer: { readonly email: string; readonly name: string };
  readonly placedBy: { readonly userId: string | null; readonly name: string };
  readonly seriesGroupId: string | null;
  readonly changeCutoffAt: Date;
  readonly cancelCheckAfter: Date | null;
}

export interface StoredOrder extends OrderFields {
  readonly id: string;
  /** The meeting's booking is private: its subject is for the orderer (and admins) only. */
  readonly meetingPrivate: boolean;
  readonly roomName: string;
  readonly buildingId: string;
  readonly buildingName: string;
  readonly timeZone: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface HistoryRecord {
  readonly kind: OrderChangeKind;
  readonly at: Date;
  readonly actor: { readonly userId: string | null; readonly name: string };
  readonly diff: OrderHistoryEntry['diff'];
}

export interface StoredHistory extends HistoryRecord {
  readonly id: string;
}

export interface OrderListFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly openOnly: boolean;
}

export interface BoardFilter {
  readonly from: Date;
  readonly to: Date;
  readonly buildingId?: string;
  readonly attentionOnly: boolean;
}

/** Writes inside one transaction: the order, its history and its outbox messages commit together. */
export interface OrderTransaction {
  /** Reads that must see (and wait for) this transaction: embedded engines have one connection. */
  readonly catalog: OrderCatalog;
  readonly bookings: MeetingBookings;
  /** Reads the order and locks it until the transaction ends. */
  lock(id: string): Promise<StoredOrder | undefined>;
  insert(order: OrderFields): Promise<string>;
  update(id: string, order: OrderFields): Promise<void>;
  /** Records that the order looked at its event now (and when to re-check a vanished event). */
  markFollowed(id: string, cancelCheckAfter: Date | null): Promise<void>;
  /** Returns the change id that outbox messages of this change are keyed on. */
  addHistory(orderId: string, entry: HistoryRecord): Promise<string>;
  /** Due from `at` (the change's time on the service clock). */
  enqueue(messages: readonly OutboxMessage[], at: Date): Promise<void>;
}

export interface OrderRepository {
  transaction<T>(work: (tx: OrderTransaction) => Promise<T>): Promise<T>;
  findById(id: string): Promise<StoredOrder | undefined>;
  history(id: string): Promise<StoredHistory[]>;
  listForOrderer(email: string, filter: OrderListFilter): Promise<StoredOrder[]>;
  listDelivering(filter: BoardFilter): Promise<StoredOrder[]>;
  /**
   * Every order of one meeting occurrence (by clean global object id, else UID, and original
   * start), or with `everyOccurrence` of all its occurrences; by delivery time.
   */
  ofMeeting(meeting: MeetingIdentity, everyOccurrence: boolean): Promise<StoredOrder[]>;
  /** Open orders on these bookings or on the meetings these identities name. */
  openOrdersOf(bookingIds: readonly string[], meetings: readonly MeetingIdentity[]): Promise<string[]>;
  /**
   * Open orders whose booking changed after they last followed it, whose booking is gone, or whose
   * settle delay after a vanished event has passed.
   */
  ordersToFollow(now: Date, limit: number): Promise<string[]>;
}

/** Signs up for order changes after they commit (the live board). */
export type OrderChangeSubscriber = (change: { readonly orderId: string; readonly kind: OrderChangeKind }) => void;
