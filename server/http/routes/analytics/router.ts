import { analyticsEndpoints as endpoints } from '../../../../shared/api/analytics';
import type { AnalyticsQuery } from '../../../../shared/schemas/analytics';
import type { AnalyticsService } from '../../../services/analytics';
import type { WeeklyReportJob } from '../../../services/analytics/weeklyReport';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount } from '../../route';
import { tableCsv, tablesXlsx } from './exports';
import { presentOverview, presentRecommendations, presentRoom } from './present';
import { allTables, tableOf, type AnalyticsData } from './tables';

export interface AnalyticsRouterDeps {
  readonly analytics: AnalyticsService;
  readonly weeklyReport: WeeklyReportJob;
}

async function dataFor(analytics: AnalyticsService, query: AnalyticsQuery): Promise<AnalyticsData> {
  const all = await analytics.everything(query);
  return {
    rooms: all.report.rooms.map(presentRoom),
    overview: presentOverview(all.report, all.catering),
    heatmap: { cells: all.heat },
    recommendations: presentRecommendations(all.recommendations),
  };
}

const fileName = (q: AnalyticsQuery, ext: string): string => `analytics-${q.from}-to-${q.to}.${ext}`;

export function analyticsRouter({ analytics, weeklyReport }: AnalyticsRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/analytics');
  mount(routes, endpoints.analyticsRooms, async ({ query }) => ({
    items: (await analytics.rooms(query)).map(presentRoom),
  }));
  mount(routes, endpoints.analyticsOverview, async ({ query }) => {
    const { report, catering } = await analytics.overview(query);
    return presentOverview(report, catering);
  });
  mount(routes, endpoints.analyticsHeatmap, async ({ query }) => ({ cells: await analytics.heatmap(query) }));
  mount(routes, endpoints.analyticsRecommendations, async ({ query }) =>
    presentRecommendations(await analytics.recommendations(query)),
  );
  mount(routes, endpoints.analyticsExportCsv, async ({ query, res }) => {
    const table = tableOf(query.view, await dataFor(analytics, query));
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(fileName(query, `${query.view}.csv`))
      .send(tableCsv(table));
  });
  mount(routes, endpoints.analyticsExportXlsx, async ({ query, res }) => {
    const workbook = await tablesXlsx(allTables(await dataFor(analytics, query)));
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(fileName(query, 'xlsx'))
      .send(workbook);
  });
  mount(routes, endpoints.analyticsSettings, () => analytics.settings());
  mount(routes, endpoints.saveAnalyticsSettings, ({ body }) => analytics.saveSettings(body));
  mount(routes, endpoints.analyticsReport, async () => ({ recipients: await analytics.reportRecipients() }));
  mount(routes, endpoints.saveAnalyticsReport, async ({ body }) => ({
    recipients: await analytics.saveReportRecipients(body.recipients),
  }));
  mount(routes, endpoints.previewAnalyticsReport, async ({ body, actor }) => {
    const to = body.to ?? (actor ? [actor.email] : []);
    return { queued: await weeklyReport.preview(to), to };
  });
  return routes;
}
