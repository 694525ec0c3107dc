import { figuresOf, type Figures } from './figures';
import { heatmap, type HeatCell } from './heatmap';
import { leadTimeDistribution, type LeadTimeDistribution } from './leadTime';
import { roomTotals, sumTotals, type Totals } from './roomTotals';
import { weeklyTrend, type CountersSource, type TrendWeek } from './trend';
import { bookingsByRoom } from './byRoom';
import type { AnalyticsRoom, BookingFact, DateRange } from './types';

export interface RoomReport {
  readonly room: AnalyticsRoom;
  readonly totals: Totals;
  readonly figures: Figures;
}

export interface GroupReport {
  readonly id: string;
  readonly name: string;
  readonly figures: Figures;
}

export interface AnalyticsReport {
  readonly rooms: readonly RoomReport[];
  readonly floors: readonly GroupReport[];
  readonly buildings: readonly GroupReport[];
  readonly overall: Figures;
  readonly leadTime: LeadTimeDistribution;
  readonly trend: readonly TrendWeek[];
  /** Rooms open in the range, most booked first. */
  readonly busiest: readonly RoomReport[];
  readonly leastUsed: readonly RoomReport[];
}

function groupBy(
  rooms: readonly RoomReport[],
  keyOf: (r: AnalyticsRoom) => { id: string; name: string },
): GroupReport[] {
  const groups = new Map<string, { name: string; totals: Totals[] }>();
  for (const r of rooms) {
    const { id, name } = keyOf(r.room);
    const group = groups.get(id) ?? { name, totals: [] };
    group.totals.push(r.totals);
    groups.set(id, group);
  }
  return [...groups.entries()].map(([id, g]) => ({ id, name: g.name, figures: figuresOf(sumTotals(g.totals)) }));
}

const RANKED = 5;

/** Where a room's totals for a range come from: the raw bookings, or the daily rollup and the bookings around it. */
export type TotalsSource = (room: AnalyticsRoom, range: DateRange) => Totals;

export function rawTotals(bookings: readonly BookingFact[]): TotalsSource {
  const byRoom = bookingsByRoom(bookings);
  return (room, range) => roomTotals(room, byRoom.get(room.id) ?? [], range);
}

export function roomReports(rooms: readonly AnalyticsRoom[], totalsOf: TotalsSource, range: DateRange): RoomReport[] {
  return rooms.map((room) => {
    const totals = totalsOf(room, range);
    return { room, totals, figures: figuresOf(totals) };
  });
}

/**
 * Every figure of docs/analytics.md for the rooms in scope over the range. `countersOf` gives the
 * trend's weeks (by default from `totalsOf`).
 */
export function analyticsReport(
  rooms: readonly AnalyticsRoom[],
  totalsOf: TotalsSource,
  range: DateRange,
  countersOf: CountersSource = totalsOf,
): AnalyticsReport {
  const reports = roomReports(rooms, totalsOf, range);
  const all = sumTotals(reports.map((r) => r.totals));
  const ranked = reports
    .filter((r) => r.figures.bookedUtilisation !== null)
    .sort(
      (a, b) =>
        (b.figures.bookedUtilisation ?? 0) - (a.figures.bookedUtilisation ?? 0) ||
        a.room.name.localeCompare(b.room.name),
    );
  return {
    rooms: reports,
    floors: groupBy(reports, (r) => ({ id: r.floorId, name: `${r.buildingName}, ${r.floorName}` })),
    buildings: groupBy(reports, (r) => ({ id: r.buildingId, name: r.buildingName })),
    overall: figuresOf(all),
    leadTime: leadTimeDistribution(all.leadMinutes),
    trend: weeklyTrend(rooms, countersOf, range),
    busiest: ranked.slice(0, RANKED),
    leastUsed: [...ranked].reverse().slice(0, RANKED),
  };
}

export type { HeatCell };
export { heatmap };
