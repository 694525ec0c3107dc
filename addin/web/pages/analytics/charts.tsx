import { HeatMapChart, VerticalBarChart } from '@fluentui/react-charts';
import type { AnalyticsHeatmap, AnalyticsOverview } from '../../../../shared/schemas/analytics';
import { useChartWidth } from './chartWidth';
import { hh } from './format';
import { analyticsStrings as text } from './strings';

/**
 * The analytics charts (Fluent v9 charts). This module is its own lazy chunk: @fluentui/react-charts
 * is loaded only when someone opens the analytics page, and the tables under the charts render
 * without waiting for it.
 */

const HEIGHT = 260;

export function TrendChart({ trend }: { trend: AnalyticsOverview['trend'] }) {
  const width = useChartWidth();
  return (
    <VerticalBarChart
      chartTitle={text.trend}
      height={HEIGHT}
      width={width}
      data={trend.map((w) => ({
        x: w.weekStart,
        y: Math.round((w.bookedUtilisation ?? 0) * 100),
        legend: text.columns.booked,
        yAxisCalloutData: `${Math.round((w.bookedUtilisation ?? 0) * 100)}%`,
      }))}
      hideLegend
    />
  );
}

export function LeadTimeChart({ leadTime }: { leadTime: AnalyticsOverview['leadTime'] }) {
  const width = useChartWidth();
  return (
    <VerticalBarChart
      chartTitle={text.leadTime}
      height={HEIGHT}
      width={width}
      data={leadTime.buckets.map((b) => ({ x: b.label, y: b.bookings, legend: b.label }))}
      hideLegend
    />
  );
}

export function PeakHoursChart({ cells }: { cells: AnalyticsHeatmap['cells'] }) {
  const open = cells.filter((c) => c.openMinutes > 0);
  const width = useChartWidth();
  return (
    <HeatMapChart
      chartTitle={text.heatmap}
      height={HEIGHT + 60}
      width={width}
      data={[
        {
          legend: text.columns.booked,
          value: 1,
          data: open.map((c) => ({
            x: hh(c.hour),
            y: text.weekdays[c.weekday] ?? '',
            value: Math.round((c.bookedShare ?? 0) * 100),
            rectText: `${Math.round((c.bookedShare ?? 0) * 100)}`,
          })),
        },
      ]}
      domainValuesForColorScale={[0, 50, 100]}
      rangeValuesForColorScale={['#e8f1fb', '#5b9bd5', '#0b3d70']}
      hideLegend
    />
  );
}
