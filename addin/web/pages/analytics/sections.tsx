import { Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useRef, type ReactNode } from 'react';
import type { AnalyticsHeatmap, AnalyticsOverview, AnalyticsRoomFigures } from '../../../../shared/schemas/analytics';
import { ChartBoundary } from './ChartBoundary';
import { ChartWidth, useMeasuredWidth } from './chartWidth';
import { DataTable } from './DataTable';
import { hh, minutes, money, percent } from './format';
import { analyticsStrings as text } from './strings';

const charts = () => import(/* webpackChunkName: "analytics-charts" */ './charts.js');
const TrendChart = lazy(async () => ({ default: (await charts()).TrendChart }));
const LeadTimeChart = lazy(async () => ({ default: (await charts()).LeadTimeChart }));
const PeakHoursChart = lazy(async () => ({ default: (await charts()).PeakHoursChart }));

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  chart: { minHeight: '120px', maxWidth: '960px', minWidth: 0, overflow: 'hidden' },
  scroll: { overflowX: 'auto' },
});

function Section({
  id,
  title,
  chart,
  children,
}: {
  id: string;
  title: string;
  chart?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const chartBox = useRef<HTMLDivElement>(null);
  const chartWidth = useMeasuredWidth(chartBox);
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Subtitle1 as="h2" id={id}>
        {title}
      </Subtitle1>
      {chart ? (
        <div className={styles.chart} ref={chartBox}>
          <ChartWidth value={chartWidth}>
            <ChartBoundary>
              <Suspense fallback={<Spinner size="tiny" label={text.chartsLoading} />}>{chart}</Suspense>
            </ChartBoundary>
          </ChartWidth>
        </div>
      ) : null}
      <div className={styles.scroll}>{children}</div>
    </section>
  );
}

const c = text.columns;

export function TrendSection({ trend }: { trend: AnalyticsOverview['trend'] }) {
  return (
    <Section id="analytics-trend" title={text.trend} chart={<TrendChart trend={trend} />}>
      <DataTable
        caption={text.trend}
        columns={[c.week, c.booked, c.checkedIn, c.bookings]}
        rows={trend.map((w) => [
          w.weekStart,
          percent(w.bookedUtilisation),
          percent(w.checkedInUtilisation),
          String(w.bookings),
        ])}
      />
    </Section>
  );
}

export function PeakHoursSection({ cells }: { cells: AnalyticsHeatmap['cells'] }) {
  const hours = [...new Set(cells.filter((x) => x.openMinutes > 0).map((x) => x.hour))].sort((a, b) => a - b);
  const share = (weekday: number, hour: number) =>
    percent(cells.find((x) => x.weekday === weekday && x.hour === hour)?.bookedShare ?? null);
  return (
    <Section
      id="analytics-heatmap"
      title={text.heatmap}
      chart={hours.length > 0 ? <PeakHoursChart cells={cells} /> : null}
    >
      <DataTable
        caption={text.heatmap}
        columns={[c.weekday, ...hours.map(hh)]}
        rows={text.weekdays.map((day, weekday) => [day, ...hours.map((hour) => share(weekday, hour))])}
      />
    </Section>
  );
}

export function LeadTimeSection({ leadTime }: { leadTime: AnalyticsOverview['leadTime'] }) {
  return (
    <Section id="analytics-lead-time" title={text.leadTime} chart={<LeadTimeChart leadTime={leadTime} />}>
      <DataTable
        caption={text.leadTime}
        columns={[c.leadTime, c.bookings, c.share]}
        rows={leadTime.buckets.map((b) => [b.label, String(b.bookings), percent(b.share)])}
      />
    </Section>
  );
}

export function RoomsSection({ rooms }: { rooms: readonly AnalyticsRoomFigures[] }) {
  return (
    <Section id="analytics-rooms" title={text.rooms}>
      <DataTable
        caption={text.rooms}
        columns={[
          c.room,
          c.building,
          c.floor,
          c.seats,
          c.booked,
          c.checkedIn,
          c.noShows,
          c.released,
          c.bookings,
          c.median,
          c.underHalf,
          c.overCapacity,
        ]}
        rows={rooms.map((r) => [
          r.roomName,
          r.buildingName,
          r.floorName,
          String(r.capacity),
          percent(r.bookedUtilisation),
          percent(r.checkedInUtilisation),
          percent(r.noShowRate),
          text.hours(r.releasedHours),
          String(r.bookings),
          minutes(r.medianMinutes),
          percent(r.underHalfCapacityShare),
          percent(r.overCapacityShare),
        ])}
      />
    </Section>
  );
}

export function RankingSection({ overview }: { overview: AnalyticsOverview }) {
  return (
    <Section id="analytics-ranking" title={text.busiest}>
      <DataTable
        caption={text.busiest}
        columns={[c.rank, c.room, c.booked]}
        rows={[
          ...overview.busiest.map((r) => [text.busiestLabel, r.roomName, percent(r.bookedUtilisation)]),
          ...overview.leastUsed.map((r) => [text.leastUsedLabel, r.roomName, percent(r.bookedUtilisation)]),
        ]}
      />
    </Section>
  );
}

export function CateringSection({ catering }: { catering: AnalyticsOverview['catering'] }) {
  const r = text.cateringRows;
  return (
    <Section id="analytics-catering" title={text.catering}>
      <DataTable
        caption={text.catering}
        columns={[c.what, c.orders, c.spend]}
        rows={[
          [r.orders, String(catering.orders), ''],
          [r.cancelled, String(catering.cancelled), ''],
          [r.cancelledByEvent, String(catering.cancelledByEvent), ''],
          [r.flagged, String(catering.flagged), ''],
          ...catering.spendByProvider.map((s) => [
            text.providerSpend(s.name),
            String(s.orders),
            money(s.totalMinor, s.currency),
          ]),
          ...catering.spendByBuilding.map((s) => [
            text.buildingSpend(s.name),
            String(s.orders),
            money(s.totalMinor, s.currency),
          ]),
        ]}
      />
    </Section>
  );
}
