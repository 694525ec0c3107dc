import type { Interval } from '../domain/availability/interval';
import type { OrderFact } from '../domain/analytics/catering';
import type { RecommendationThresholds } from '../domain/analytics/recommendations';
import type { AnalyticsRoom, BookingFact } from '../domain/analytics/types';

/** Which rooms a request looks at; all rooms when empty. */
export interface AnalyticsScope {
  readonly buildingId?: string | undefined;
  readonly floorId?: string | undefined;
  readonly roomId?: string | undefined;
}

/** The facts analytics computes from: rooms, bookings with their check-ins and releases, orders. */
export interface AnalyticsFacts {
  /** Which named part of the scope does not exist, if any. */
  unknownPartOf(scope: AnalyticsScope): Promise<'building' | 'floor' | 'room' | undefined>;
  rooms(scope: AnalyticsScope): Promise<AnalyticsRoom[]>;
  /** Bookings of the rooms overlapping the window, in every status (the domain decides what counts). */
  bookings(roomIds: readonly string[], window: Interval): Promise<BookingFact[]>;
  /** Orders of the rooms whose meeting starts in the window. */
  orders(roomIds: readonly string[], window: Interval): Promise<OrderFact[]>;
}

export interface AnalyticsSettingsStore {
  thresholds(): Promise<RecommendationThresholds>;
  saveThresholds(thresholds: RecommendationThresholds): Promise<void>;
}
