import type { AnalyticsQuery } from '../../../shared/schemas/analytics';
import { cateringFigures, ordersInRange, type CateringFigures } from '../../domain/analytics/catering';
import { heatmap, type HeatCell } from '../../domain/analytics/heatmap';
import {
  recommendations,
  type FloorHeat,
  type Recommendation,
  type RecommendationThresholds,
} from '../../domain/analytics/recommendations';
import { analyticsReport, roomReports, type AnalyticsReport, type RoomReport } from '../../domain/analytics/report';
import type { AnalyticsRoom, BookingFact, DateRange } from '../../domain/analytics/types';
import type { Interval } from '../../domain/availability/interval';
import { notFound } from '../../domain/errors';
import type { AnalyticsFacts, AnalyticsScope, AnalyticsSettingsStore } from '../../ports/analytics';

export interface AnalyticsDeps {
  readonly facts: AnalyticsFacts;
  readonly settings: AnalyticsSettingsStore;
}

export interface AnalyticsService {
  rooms(query: AnalyticsQuery): Promise<RoomReport[]>;
  overview(query: AnalyticsQuery): Promise<{ report: AnalyticsReport; catering: CateringFigures }>;
  heatmap(query: AnalyticsQuery): Promise<HeatCell[]>;
  recommendations(query: AnalyticsQuery): Promise<Recommendation[]>;
  /** Every view at once (the exports), from one read of the facts. */
  everything(query: AnalyticsQuery): Promise<EveryView>;
  thresholds(): Promise<RecommendationThresholds>;
  saveThresholds(thresholds: RecommendationThresholds): Promise<RecommendationThresholds>;
}

export interface EveryView {
  readonly report: AnalyticsReport;
  readonly catering: CateringFigures;
  readonly heat: HeatCell[];
  readonly recommendations: Recommendation[];
}

interface Loaded {
  readonly rooms: AnalyticsRoom[];
  readonly bookings: BookingFact[];
  readonly range: DateRange;
  readonly window: Interval;
}

const DAY_MS = 86_400_000;

/**
 * Every instant any building's day of the range can hold: a day either side covers the zones from
 * UTC−12 to UTC+14; the domain clips to each building's own day.
 */
function widestWindow(range: DateRange): Interval {
  return { start: Date.parse(range.from) - DAY_MS, end: Date.parse(range.to) + 2 * DAY_MS };
}

const scopeOf = (q: AnalyticsQuery): AnalyticsScope => ({
  buildingId: q.buildingId,
  floorId: q.floorId,
  roomId: q.roomId,
});

export function createAnalyticsService(deps: AnalyticsDeps): AnalyticsService {
  async function load(query: AnalyticsQuery): Promise<Loaded> {
    const scope = scopeOf(query);
    const unknown = await deps.facts.unknownPartOf(scope);
    if (unknown !== undefined)
      throw notFound(unknown === 'building' ? 'Building' : unknown === 'floor' ? 'Floor' : 'Room');
    const range = { from: query.from, to: query.to };
    const window = widestWindow(range);
    const rooms = await deps.facts.rooms(scope);
    const bookings = await deps.facts.bookings(
      rooms.map((r) => r.id),
      window,
    );
    return { rooms, bookings, range, window };
  }

  function floorHeat(loaded: Loaded): FloorHeat[] {
    const floors = new Map<string, { name: string; rooms: AnalyticsRoom[] }>();
    for (const room of loaded.rooms) {
      const floor = floors.get(room.floorId) ?? { name: `${room.buildingName}, ${room.floorName}`, rooms: [] };
      floor.rooms.push(room);
      floors.set(room.floorId, floor);
    }
    return [...floors.entries()].map(([floorId, f]) => ({
      floorId,
      name: f.name,
      cells: heatmap(f.rooms, loaded.bookings, loaded.range),
    }));
  }

  async function cateringOf(loaded: Loaded): Promise<CateringFigures> {
    const orders = await deps.facts.orders(
      loaded.rooms.map((r) => r.id),
      loaded.window,
    );
    return cateringFigures(ordersInRange(orders, loaded.rooms, loaded.range));
  }

  async function recommend(loaded: Loaded, reports: readonly RoomReport[]): Promise<Recommendation[]> {
    return recommendations(reports, floorHeat(loaded), await deps.settings.thresholds());
  }

  return {
    async rooms(query) {
      const loaded = await load(query);
      return roomReports(loaded.rooms, loaded.bookings, loaded.range);
    },
    async overview(query) {
      const loaded = await load(query);
      return {
        report: analyticsReport(loaded.rooms, loaded.bookings, loaded.range),
        catering: await cateringOf(loaded),
      };
    },
    async heatmap(query) {
      const loaded = await load(query);
      return heatmap(loaded.rooms, loaded.bookings, loaded.range);
    },
    async recommendations(query) {
      const loaded = await load(query);
      return recommend(loaded, roomReports(loaded.rooms, loaded.bookings, loaded.range));
    },
    async everything(query) {
      const loaded = await load(query);
      const report = analyticsReport(loaded.rooms, loaded.bookings, loaded.range);
      return {
        report,
        catering: await cateringOf(loaded),
        heat: heatmap(loaded.rooms, loaded.bookings, loaded.range),
        recommendations: await recommend(loaded, report.rooms),
      };
    },
    thresholds: () => deps.settings.thresholds(),
    async saveThresholds(thresholds) {
      await deps.settings.saveThresholds(thresholds);
      return deps.settings.thresholds();
    },
  };
}
