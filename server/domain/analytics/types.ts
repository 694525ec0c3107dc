import type { OpeningHours } from '../../../shared/schemas/locations';

/** A room as analytics sees it: where it is, its building's clock and hours, and when it existed. */
export interface AnalyticsRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly floorId: string;
  readonly floorName: string;
  readonly buildingId: string;
  readonly buildingName: string;
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
  /** Epoch ms the room was added; its opening hours count from then. */
  readonly activeFrom: number;
  /** Epoch ms the room was deactivated, or null while it is active. */
  readonly activeUntil: number | null;
  /** The room's effective display setting: meetings in it need a check-in. */
  readonly checkInRequired: boolean;
}

export type BookingStatus = 'pending' | 'confirmed' | 'declined' | 'cancelled';

/** One booking with the facts that happened to it (check-in, end early, release). Times in epoch ms. */
export interface BookingFact {
  readonly id: string;
  readonly roomId: string;
  readonly start: number;
  readonly end: number;
  readonly status: BookingStatus;
  readonly source: 'exchange' | 'app' | 'display';
  /** When Roomserve first knew the booking (made here, or first seen by the sync). */
  readonly createdAt: number;
  /** People expected: attendees (not rooms) plus the organizer; 0 when unknown. */
  readonly attendeeCount: number;
  readonly recurring: boolean;
  readonly checkedInAt: number | null;
  readonly endedEarlyAt: number | null;
  readonly releasedAt: number | null;
}

/** Inclusive local dates (YYYY-MM-DD), read in each building's own time zone. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}
