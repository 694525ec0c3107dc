import type { AnalyticsQuery, AnalyticsSettings, AnalyticsSettingsChange } from '../../../shared/schemas/analytics';
import { cateringFigures, ordersInRange, type CateringFigures } from '../../domain/analytics/catering';
import { bookingsByRoom } from '../../domain/analytics/byRoom';
import { heatOfHours, roomHours, type HeatCell, type HourCells } from '../../domain/analytics/heatmap';
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

/** The part of a range the rollup covers (if any) and the raw bookings of the parts outside it. */
interface Split {
  readonly rollup?: {
    readonly store: AnalyticsRollupStore;
    readonly covered: DateRange;
    readonly coverage: DateRange;
  };
  readonly outside: readonly DateRange[];
  readonly bookings: readonly BookingFact[];
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

  /** The part of the scope's range the rollup covers, and the raw bookings of the parts outside it. */
  async function readSplit(s: Scope): Promise<Split> {
    const coverage = deps.rollup ? await deps.rollup.coverage() : undefined;
    const { covered, outside } = splitByCoverage(s.range, coverage);
    if (!deps.rollup || !covered || !coverage) return { outside: [s.range], bookings: await bookingsIn(s, s.range) };
    const bookings: BookingFact[] = [];
    for (const part of outside) for (const b of await bookingsIn(s, part)) bookings.push(b);
    return { rollup: { store: deps.rollup, covered, coverage }, outside, bookings };
  }

  /** Rollup inside its coverage, raw bookings only for the parts of the range outside it. */
  async function totalsSource(s: Scope, split: Split): Promise<{ totals: TotalsSource; counters?: CountersSource }> {
    if (!split.rollup) return { totals: rawTotals(split.bookings) };
    const { store, covered, coverage } = split.rollup;
    const read = await store.rangeSums(
      s.rooms.map((r) => r.id),
      covered.from,
      covered.to,
    );
    return {
      totals: rollupTotalsSource(read.spans, split.bookings, coverage),
      counters: rollupCountersSource(read.weeks, split.bookings, coverage),
    };
  }

  /**
   * Each room's hour cells over the range: the rollup's inside its coverage (unless some of its
   * rows predate the hours, then the raw bookings'), the raw bookings' outside it.
   */
  async function hoursOf(s: Scope, split: Split): Promise<Map<string, HourCells[]>> {
    const parts = new Map<string, HourCells[]>(s.rooms.map((r) => [r.id, []]));
    const raw: { range: DateRange; bookings: readonly BookingFact[] }[] = split.outside.map((range) => ({
      range,
      bookings: split.bookings,
    }));
    if (split.rollup) {
      const { store, covered } = split.rollup;
      const read = await store.rangeHours(
        s.rooms.map((r) => r.id),
        covered.from,
        covered.to,
      );
      if (read) for (const r of read) parts.get(r.roomId)?.push(r.hours);
      else raw.push({ range: covered, bookings: await bookingsIn(s, covered) });
    }
    for (const { range, bookings } of raw) {
      const byRoom = bookingsByRoom(bookings);
      for (const room of s.rooms) parts.get(room.id)?.push(roomHours(room, byRoom.get(room.id) ?? [], range));
    }
    return parts;
  }

  function floorHeat(s: Scope, hours: ReadonlyMap<string, HourCells[]>): FloorHeat[] {
    const floors = new Map<string, { name: string; hours: HourCells[] }>();
    for (const room of s.rooms) {
      const floor = floors.get(room.floorId) ?? { name: `${room.buildingName}, ${room.floorName}`, hours: [] };
      floor.hours.push(...(hours.get(room.id) ?? []));
      floors.set(room.floorId, floor);
    }
    return [...floors.entries()].map(([floorId, f]) => ({ floorId, name: f.name, cells: heatOfHours(f.hours) }));
  }

  async function cateringOf(s: Scope): Promise<CateringFigures> {
    const orders = await deps.facts.orders(
      s.rooms.map((r) => r.id),
      widestWindow(s.range),
    );
    return cateringFigures(ordersInRange(orders, s.rooms, s.range));
  }

  async function recommend(s: Scope, hours: ReadonlyMap<string, HourCells[]>, reports: readonly RoomReport[]) {
    return recommendations(reports, floorHeat(s, hours), await deps.settings.thresholds());
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
      return roomReports(s.rooms, (await totalsSource(s, await readSplit(s))).totals, s.range);
    },
    async overview(query) {
      const s = await scope(query);
      const source = await totalsSource(s, await readSplit(s));
      return {
        report: analyticsReport(s.rooms, source.totals, s.range, source.counters),
        catering: await cateringOf(s),
      };
    },
    async heatmap(query) {
      const s = await scope(query);
      return heatOfHours([...(await hoursOf(s, await readSplit(s))).values()].flat());
    },
    async recommendations(query) {
      const s = await scope(query);
      const split = await readSplit(s);
      const [source, hours] = await Promise.all([totalsSource(s, split), hoursOf(s, split)]);
      return recommend(s, hours, roomReports(s.rooms, source.totals, s.range));
    },
    async everything(query) {
      const s = await scope(query);
      const split = await readSplit(s);
      const [source, hours] = await Promise.all([totalsSource(s, split), hoursOf(s, split)]);
      const report = analyticsReport(s.rooms, source.totals, s.range, source.counters);
      return {
        report,
        catering: await cateringOf(s),
        heat: heatOfHours([...hours.values()].flat()),
        recommendations: await recommend(s, hours, report.rooms),
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
