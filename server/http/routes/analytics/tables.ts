import type {
  AnalyticsFigures,
  AnalyticsHeatmap,
  AnalyticsOverview,
  AnalyticsRecommendations,
  AnalyticsRoomFigures,
  AnalyticsView,
} from '../../../../shared/schemas/analytics';

/** One view as a table: what the CSV holds and each sheet of the XLSX. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface AnalyticsData {
  readonly rooms: readonly AnalyticsRoomFigures[];
  readonly overview: AnalyticsOverview;
  readonly heatmap: AnalyticsHeatmap;
  readonly recommendations: AnalyticsRecommendations;
}

const FIGURE_COLUMNS = [
  'openHours',
  'bookedHours',
  'bookedUtilisation',
  'checkedInUtilisation',
  'noShowRate',
  'releasedHours',
  'bookings',
  'averageMinutes',
  'medianMinutes',
  'recurringShare',
  'underHalfCapacityShare',
  'overCapacityShare',
] as const satisfies readonly (keyof AnalyticsFigures)[];

const figureCells = (f: AnalyticsFigures): (number | null)[] => FIGURE_COLUMNS.map((c) => f[c]);
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const BUILDERS: Readonly<Record<AnalyticsView, (d: AnalyticsData) => Table>> = {
  rooms: (d) => ({
    title: 'Rooms',
    columns: ['building', 'floor', 'room', 'capacity', ...FIGURE_COLUMNS],
    rows: d.rooms.map((r) => [r.buildingName, r.floorName, r.roomName, r.capacity, ...figureCells(r)]),
  }),
  floors: (d) => ({
    title: 'Floors',
    columns: ['floor', ...FIGURE_COLUMNS],
    rows: d.overview.floors.map((f) => [f.name, ...figureCells(f.figures)]),
  }),
  buildings: (d) => ({
    title: 'Buildings',
    columns: ['building', ...FIGURE_COLUMNS],
    rows: d.overview.buildings.map((b) => [b.name, ...figureCells(b.figures)]),
  }),
  heatmap: (d) => ({
    title: 'Peak hours',
    columns: ['weekday', 'hour', 'openMinutes', 'bookedMinutes', 'bookedShare'],
    rows: d.heatmap.cells
      .filter((c) => c.openMinutes > 0)
      .map((c) => [WEEKDAYS[c.weekday] ?? '', c.hour, c.openMinutes, c.bookedMinutes, c.bookedShare]),
  }),
  trend: (d) => ({
    title: 'Trend',
    columns: ['weekStart', 'bookedUtilisation', 'checkedInUtilisation', 'bookings'],
    rows: d.overview.trend.map((w) => [w.weekStart, w.bookedUtilisation, w.checkedInUtilisation, w.bookings]),
  }),
  'lead-time': (d) => ({
    title: 'Lead time',
    columns: ['leadTime', 'bookings', 'share'],
    rows: d.overview.leadTime.buckets.map((b) => [b.label, b.bookings, b.share]),
  }),
  busiest: (d) => ({
    title: 'Busiest and least used',
    columns: ['rank', 'room', 'bookedUtilisation'],
    rows: [
      ...d.overview.busiest.map((r) => ['busiest', r.roomName, r.bookedUtilisation]),
      ...d.overview.leastUsed.map((r) => ['least used', r.roomName, r.bookedUtilisation]),
    ],
  }),
  recommendations: (d) => ({
    title: 'Recommendations',
    columns: ['recommendation', 'figure', 'value'],
    rows: d.recommendations.items.map((r) => [r.text, r.figureName, r.figure]),
  }),
  catering: (d) => {
    const c = d.overview.catering;
    return {
      title: 'Catering',
      columns: ['what', 'name', 'currency', 'orders', 'totalMinor'],
      rows: [
        ['orders', '', '', c.orders, null],
        ['cancelled', '', '', c.cancelled, null],
        ['cancelled by event', '', '', c.cancelledByEvent, null],
        ['flagged', '', '', c.flagged, null],
        ...c.spendByProvider.map((s) => ['spend by provider', s.name, s.currency, s.orders, s.totalMinor]),
        ...c.spendByBuilding.map((s) => ['spend by building', s.name, s.currency, s.orders, s.totalMinor]),
      ],
    };
  },
};

export const tableOf = (view: AnalyticsView, data: AnalyticsData): Table => BUILDERS[view](data);
export const allTables = (data: AnalyticsData): Table[] => Object.values(BUILDERS).map((build) => build(data));
