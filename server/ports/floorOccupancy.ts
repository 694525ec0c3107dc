import type { BookingPrivacy } from '../domain/availability/bookingVisibility';
import type { Interval } from '../domain/availability/interval';
import type { RoomDisplaySettingsView } from '../../shared/schemas/displays';
import type { FloorPlan } from '../../shared/schemas/locations';
import type { ScheduledBooking } from './roomSearch';

export interface OccupancyFloor {
  readonly id: string;
  readonly name: string;
  readonly buildingId: string;
  readonly buildingName: string;
  readonly timeZone: string;
  readonly plan: FloorPlan | null;
}

export interface OccupancyRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly tags: readonly string[];
  readonly images: readonly { readonly url: string; readonly alt: string }[];
  readonly shape: readonly (readonly [number, number])[] | null;
  readonly active: boolean;
  readonly bookableInternal: boolean;
  readonly bookableExternal: boolean;
  /** The room's own display settings (check-in); null fields follow the installation's. */
  readonly displayOverrides: RoomDisplaySettingsView;
}

export interface FloorBooking extends ScheduledBooking {
  readonly roomId: string;
  readonly checkedIn: boolean;
}

export interface FloorRelease {
  readonly roomId: string;
  readonly bookingId: string | null;
  readonly span: Interval;
  readonly subject: string;
  readonly organizerName: string;
  readonly organizerEmail: string;
  readonly isPrivate: boolean;
}

/** A floor of a building, for "nearest" (by level). */
export interface BuildingFloor {
  readonly id: string;
  readonly level: number;
}

/** Reads for the live plan, a floor at a time (one query per kind, not one per room). */
export interface FloorOccupancyRepository {
  floor(floorId: string): Promise<OccupancyFloor | undefined>;
  /** The floor's rooms, by name. */
  rooms(floorId: string): Promise<OccupancyRoom[]>;
  /** The building's floors (none for an unknown building). */
  buildingFloors(buildingId: string): Promise<BuildingFloor[]>;
  /** Pending and confirmed bookings of these rooms overlapping `window`, with whether someone checked in. */
  bookings(roomIds: readonly string[], window: Interval): Promise<FloorBooking[]>;
  /** Meetings of these rooms released because nobody checked in, overlapping `window`. */
  releases(roomIds: readonly string[], window: Interval): Promise<FloorRelease[]>;
}

/** The installation's privacy settings (who sees organizer names and subjects). */
export interface PrivacySettingsRepository {
  /** Undefined until an admin saves them. */
  get(): Promise<BookingPrivacy | undefined>;
  save(settings: BookingPrivacy, at: Date): Promise<void>;
}
