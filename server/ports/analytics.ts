import type { Interval } from '../domain/availability/interval';
import type { OrderFact } from '../domain/analytics/catering';
import type { RecommendationThresholds } from '../domain/analytics/recommendations';
import type { RollupDay, RollupRange, RollupWeekSums, RoomHours } from '../domain/analytics/rollup';
import type { AnalyticsRoom, BookingFact } from '../domain/analytics/types';

/** Which rooms a request looks at; all rooms when empty. */
export interface AnalyticsScope {
  readonly buildingId?: string | undefined;
  readonly floorId?: string | undefined;
  readonly roomId?: string | undefined;
  /** Only these rooms (the rollup's listener reads the rooms of a batch of changes at once). */
  readonly roomIds?: readonly string[] | undefined;
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
  privacy(): Promise<AnalyticsPrivacy>;
  /** Changes only what is given. */
  savePrivacy(change: Partial<AnalyticsPrivacy>): Promise<void>;
  /** Who gets the weekly analytics email. */
  reportRecipients(): Promise<string[]>;
  saveReportRecipients(recipients: readonly string[]): Promise<void>;
}

/** The weekly analytics emails, through the outbox the catering and externals emails use. */
export interface AnalyticsReportMailbox {
  /** Which of these dedupe keys are queued or sent already. */
  queued(dedupeKeys: readonly string[]): Promise<Set<string>>;
  /** Queues one email; false when its dedupe key was queued before (by this or another instance). */
  enqueue(message: {
    readonly dedupeKey: string;
    readonly to: string;
    readonly subject: string;
    readonly text: string;
    readonly html: string;
  }): Promise<boolean>;
}

export interface AnalyticsPrivacy {
  /** null: the installation's default (the compose option, else 90 days). */
  readonly anonymiseAfterDays: number | null;
  readonly worksCouncil: boolean;
}

/** The daily rollup (analytics_room_days, summed per week in analytics_room_weeks) and the UTC dates it covers for every room. */
export interface AnalyticsRollupStore {
  coverage(): Promise<{ readonly from: string; readonly to: string } | undefined>;
  setCoverage(coverage: { readonly from: string; readonly to: string }): Promise<void>;
  /**
   * The rooms' days from `from` to `to` as `rangeOfDays` gives them: each room's sums (its whole
   * weeks as one span, the cut weeks at the edges apart) and its weeks' counters.
   */
  rangeSums(roomIds: readonly string[], from: string, to: string): Promise<RollupRange>;
  /**
   * Each room's hour cells (the heat map's figures) from `from` to `to` as `hoursOfDays` gives
   * them; undefined when some of those rows were computed before the hours were kept.
   */
  rangeHours(roomIds: readonly string[], from: string, to: string): Promise<RoomHours[] | undefined>;
  /** Replaces these rooms' days and weeks (one transaction); each week sums all of its stored days. */
  save(days: readonly RollupDay[], weeks: readonly RollupWeekSums[]): Promise<void>;
  /** The (room, day) rows a booking was counted in. */
  daysOfBookings(bookingIds: readonly string[]): Promise<{ roomId: string; day: string }[]>;
  /** Where these bookings are now. */
  bookingSpans(bookingIds: readonly string[]): Promise<{ roomId: string; start: number; end: number }[]>;
  /** The first day any booking starts on (UTC date), if any. */
  firstBookingDay(): Promise<string | undefined>;
}

/**
 * What the rollup's listener reports for metrics: one batch of the sync's booking changes applied
 * (or failed), how many listener calls and distinct bookings it held, and how long it took.
 */
export interface AnalyticsRollupObserver {
  changesApplied(event: {
    readonly changes: number;
    readonly bookings: number;
    readonly durationMs: number;
    readonly outcome: 'ok' | 'error';
  }): void;
}

/** Removes what names people from bookings that ended before an instant; the figures survive. */
export interface BookingAnonymiser {
  anonymiseBefore(before: Date): Promise<number>;
}
