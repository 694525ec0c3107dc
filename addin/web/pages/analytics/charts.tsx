import { HeatMapChart, VerticalBarChart } from '@fluentui/react-charts';
import type { AnalyticsHeatmap, AnalyticsOverview } from '../../../../shared/schemas/analytics';
import { hh } from './format';
import { analyticsStrings as text } from './strings';

/**
 * The analytics charts (Fluent v9 charts). This module is its own lazy chunk: @fluentui/react-charts
 * is loaded only when someone opens the analytics page, and the tables under the charts render
 * without waiting for it.
 */

const HEIGHT = 260;

export function TrendChart({ trend }: { trend: AnalyticsOverview['trend'] }) {
  return (
    <VerticalBarChart
      chartTitle={text.trend}
      height={HEIGHT}
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
  return (
    <VerticalBarChart
      chartTitle={text.leadTime}
      height={HEIGHT}
      data={leadTime.buckets.map((b) => ({ x: b.label, y: b.bookings, legend: b.label }))}
      hideLegend
    />
  );
}

export function PeakHoursChart({ cells }: { cells: AnalyticsHeatmap['cells'] }) {
  const open = cells.filter((c) => c.openMinutes > 0);
  return (
    <HeatMapChart
      chartTitle={text.heatmap}
      height={HEIGHT + 60}
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
