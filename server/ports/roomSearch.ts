import type { OpeningHours } from '../../shared/schemas/locations';
import type { RoomSearchResult } from '../../shared/schemas/search';
import type { Interval } from '../domain/availability/interval';
import type { Attendee } from '../domain/availability/bookingVisibility';

export interface RoomSearchCriteria {
  /** When set, rooms are ranked by availability in it and `busy` is filled in. */
  readonly window?: Interval;
  readonly minCapacity?: number;
  /** Every tag must be on the room. */
  readonly tags: readonly string[];
  readonly buildingId?: string;
  readonly floorId?: string;
  /** Only rooms opened to external users (what an external may book). */
  readonly bookableExternalOnly?: boolean;
  /** Each word must occur (case-insensitively) in the room's name, description, tags, floor or building name. */
  readonly words: readonly string[];
  /**
   * Buildings closed during (part of) the window: their rooms rank after the busy ones and are
   * left out with onlyAvailable. Decided by the service (domain/availability/openingHours.ts).
   */
  readonly closedBuildingIds?: readonly string[];
  /** Only rooms with no pending or confirmed booking overlapping the window (and not in a closed building). */
  readonly onlyAvailable: boolean;
  readonly offset: number;
  readonly limit: number;
}

export type SearchedRoom = Omit<RoomSearchResult, 'availability'>;

export interface RoomSearchHit {
  readonly room: SearchedRoom;
  /** Spans of pending and confirmed bookings inside the window; undefined without a window. */
  readonly busy?: readonly Interval[];
}

export interface RoomSearchHits {
  readonly hits: readonly RoomSearchHit[];
  /** Matching rooms over all pages. */
  readonly total: number;
}

export interface ScheduledBooking {
  readonly id: string;
  readonly span: Interval;
  readonly subject: string;
  readonly organizer: Attendee;
  readonly attendees: readonly Attendee[];
  readonly isPrivate: boolean;
  readonly status: 'pending' | 'confirmed';
  readonly source: 'exchange' | 'app' | 'display';
}

/** A building's time zone and opening hours: what deciding when its rooms are closed needs. */
export interface BuildingHours {
  readonly buildingId: string;
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
}

export interface ScheduleRoom extends Omit<BuildingHours, 'buildingId'> {
  readonly bookableExternal: boolean;
}

/**
 * Reads for room search and room timelines. Implementations filter, rank and paginate in the
 * database: ranking by availability needs every matching room's bookings in the window.
 */
export interface RoomSearchRepository {
  /** Best fit first (see domain/availability/bestFit.ts), then paginated. */
  search(criteria: RoomSearchCriteria): Promise<RoomSearchHits>;
  /** The room's building time zone and hours and whether externals may book it; undefined when there is no such room. */
  scheduleRoom(roomId: string): Promise<ScheduleRoom | undefined>;
  /** Every building's time zone and opening hours. */
  buildingHours(): Promise<BuildingHours[]>;
  /** Pending and confirmed bookings of the room overlapping `window`, by start. */
  bookingsOf(roomId: string, window: Interval): Promise<ScheduledBooking[]>;
  /** bookingsOf for several rooms in one read, by room id (rooms without bookings are absent). */
  bookingsOfRooms(roomIds: readonly string[], window: Interval): Promise<ReadonlyMap<string, ScheduledBooking[]>>;
}
