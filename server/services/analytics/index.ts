import type { AnalyticsQuery, AnalyticsSettings, AnalyticsSettingsChange } from '../../../shared/schemas/analytics';
import { cateringFigures, ordersInRange, type CateringFigures } from '../../domain/analytics/catering';
import { heatmap, type HeatCell } from '../../domain/analytics/heatmap';
import {
  recommendations,
  type FloorHeat,
  type Recommendation,
  type RecommendationThresholds,
} from '../../domain/analytics/recommendations';
import {
  analyticsReport,
  rawTotals,
  roomReports,
  type AnalyticsReport,
  type RoomReport,
  type TotalsSource,
} from '../../domain/analytics/report';
import { rollupCountersSource, rollupTotalsSource, splitByCoverage } from '../../domain/analytics/rollup';
import type { CountersSource } from '../../domain/analytics/trend';
import type { AnalyticsRoom, BookingFact, DateRange } from '../../domain/analytics/types';
import type { Interval } from '../../domain/availability/interval';
import { notFound } from '../../domain/errors';
import { DEFAULT_ANONYMISE_AFTER_DAYS } from './privacy';
import type {
  AnalyticsFacts,
  AnalyticsRollupStore,
  AnalyticsScope,
  AnalyticsSettingsStore,
} from '../../ports/analytics';

export interface AnalyticsDeps {
  readonly facts: AnalyticsFacts;
  readonly settings: AnalyticsSettingsStore;
  /** The daily rollup; without it every figure is computed from the raw bookings. */
  readonly rollup?: AnalyticsRollupStore | undefined;
  /** The anonymisation age when the installation has not set one. */
  readonly defaultAnonymiseAfterDays?: number | undefined;
}

export interface EveryView {
  readonly report: AnalyticsReport;
  readonly catering: CateringFigures;
  readonly heat: HeatCell[];
  readonly recommendations: Recommendation[];
}

export interface AnalyticsService {
  rooms(query: AnalyticsQuery): Promise<RoomReport[]>;
  overview(query: AnalyticsQuery): Promise<{ report: AnalyticsReport; catering: CateringFigures }>;
  heatmap(query: AnalyticsQuery): Promise<HeatCell[]>;
  recommendations(query: AnalyticsQuery): Promise<Recommendation[]>;
  /** Every view at once (the exports), from one read of the facts. */
  everything(query: AnalyticsQuery): Promise<EveryView>;
  thresholds(): Promise<RecommendationThresholds>;
  /** The thresholds, the anonymisation age and the works-council switch. */
  settings(): Promise<AnalyticsSettings>;
  saveSettings(change: AnalyticsSettingsChange): Promise<AnalyticsSettings>;
  /** Who gets the weekly email. */
  reportRecipients(): Promise<string[]>;
  /** Replaces them (each address once, whatever its case); returns the list kept. */
  saveReportRecipients(recipients: readonly string[]): Promise<string[]>;
}

interface Scope {
  readonly rooms: AnalyticsRoom[];
  readonly range: DateRange;
}

const DAY_MS = 86_400_000;

/**
 * Every instant any building's day of the range can hold: a day either side covers the zones from
 * UTC−12 to UTC+14; the domain clips to each building's own day.
 */
export function widestWindow(range: DateRange): Interval {
  return { start: Date.parse(range.from) - DAY_MS, end: Date.parse(range.to) + 2 * DAY_MS };
}

const scopeOf = (q: AnalyticsQuery): AnalyticsScope => ({
  buildingId: q.buildingId,
  floorId: q.floorId,
  roomId: q.roomId,
});

export function createAnalyticsService(deps: AnalyticsDeps): AnalyticsService {
  async function scope(query: AnalyticsQuery): Promise<Scope> {
    const unknown = await deps.facts.unknownPartOf(scopeOf(query));
    if (unknown !== undefined)
      throw notFound(unknown === 'building' ? 'Building' : unknown === 'floor' ? 'Floor' : 'Room');
    return { rooms: await deps.facts.rooms(scopeOf(query)), range: { from: query.from, to: query.to } };
  }

  const bookingsIn = (s: Scope, range: DateRange): Promise<BookingFact[]> =>
    deps.facts.bookings(
      s.rooms.map((r) => r.id),
      widestWindow(range),
    );

  /** Rollup inside its coverage, raw bookings only for the parts of the range outside it. */
  async function totalsSource(s: Scope): Promise<{ totals: TotalsSource; counters?: CountersSource }> {
    const coverage = deps.rollup ? await deps.rollup.coverage() : undefined;
    const { covered, outside } = splitByCoverage(s.range, coverage);
    if (!deps.rollup || !covered) return { totals: rawTotals(await bookingsIn(s, s.range)) };
    const read = await deps.rollup.rangeSums(
      s.rooms.map((r) => r.id),
      covered.from,
      covered.to,
    );
    const bookings: BookingFact[] = [];
    for (const part of outside) for (const b of await bookingsIn(s, part)) bookings.push(b);
    return {
      totals: rollupTotalsSource(read.spans, bookings, coverage),
      counters: rollupCountersSource(read.weeks, bookings, coverage),
    };
  }

  function floorHeat(s: Scope, bookings: readonly BookingFact[]): FloorHeat[] {
    const floors = new Map<string, { name: string; rooms: AnalyticsRoom[] }>();
    for (const room of s.rooms) {
      const floor = floors.get(room.floorId) ?? { name: `${room.buildingName}, ${room.floorName}`, rooms: [] };
      floor.rooms.push(room);
      floors.set(room.floorId, floor);
    }
    return [...floors.entries()].map(([floorId, f]) => ({
      floorId,
      name: f.name,
      cells: heatmap(f.rooms, bookings, s.range),
    }));
  }

  async function cateringOf(s: Scope): Promise<CateringFigures> {
    const orders = await deps.facts.orders(
      s.rooms.map((r) => r.id),
      widestWindow(s.range),
    );
    return cateringFigures(ordersInRange(orders, s.rooms, s.range));
  }

  async function recommend(s: Scope, bookings: readonly BookingFact[], reports: readonly RoomReport[]) {
    return recommendations(reports, floorHeat(s, bookings), await deps.settings.thresholds());
  }

  async function settings(): Promise<AnalyticsSettings> {
    const [thresholds, privacy] = await Promise.all([deps.settings.thresholds(), deps.settings.privacy()]);
    return {
      ...thresholds,
      anonymiseAfterDays: privacy.anonymiseAfterDays ?? deps.defaultAnonymiseAfterDays ?? DEFAULT_ANONYMISE_AFTER_DAYS,
      worksCouncil: privacy.worksCouncil,
    };
  }

  return {
    async rooms(query) {
      const s = await scope(query);
      return roomReports(s.rooms, (await totalsSource(s)).totals, s.range);
    },
    async overview(query) {
      const s = await scope(query);
      const source = await totalsSource(s);
      return {
        report: analyticsReport(s.rooms, source.totals, s.range, source.counters),
        catering: await cateringOf(s),
      };
    },
    async heatmap(query) {
      const s = await scope(query);
      return heatmap(s.rooms, await bookingsIn(s, s.range), s.range);
    },
    async recommendations(query) {
      const s = await scope(query);
      const bookings = await bookingsIn(s, s.range);
      return recommend(s, bookings, roomReports(s.rooms, rawTotals(bookings), s.range));
    },
    async everything(query) {
      const s = await scope(query);
      const bookings = await bookingsIn(s, s.range);
      const report = analyticsReport(s.rooms, rawTotals(bookings), s.range);
      return {
        report,
        catering: await cateringOf(s),
        heat: heatmap(s.rooms, bookings, s.range),
        recommendations: await recommend(s, bookings, report.rooms),
      };
    },
    thresholds: () => deps.settings.thresholds(),
    reportRecipients: () => deps.settings.reportRecipients(),
    async saveReportRecipients(recipients) {
      const seen = new Set<string>();
      const kept = recipients.filter((r) => !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase()));
      await deps.settings.saveReportRecipients(kept);
      return kept;
    },
    settings,
    async saveSettings({ anonymiseAfterDays, worksCouncil, ...thresholds }) {
      await deps.settings.saveThresholds(thresholds);
      await deps.settings.savePrivacy({ anonymiseAfterDays, worksCouncil });
      return settings();
    },
  };
}
