import {
  analyticsExportQuerySchema,
  analyticsHeatmapSchema,
  analyticsOverviewSchema,
  analyticsQuerySchema,
  analyticsRecommendationsSchema,
  analyticsRoomsSchema,
  analyticsReportPreviewBodySchema,
  analyticsReportPreviewSchema,
  analyticsReportSchema,
  analyticsSettingsBodySchema,
  analyticsSettingsSchema,
} from '../schemas/analytics';
import { endpoint } from './endpoint';

const TAG = 'Analytics';
const RANGE =
  'Inclusive dates read in each building’s zone (2 years at most); optional buildingId, floorId, roomId narrow it ' +
  '(404 when unknown). Rates are fractions 0–1; definitions in docs/analytics.md.';

/** Room analytics for admins and analysts. */
export const analyticsEndpoints = {
  analyticsRooms: endpoint({
    method: 'get',
    path: '/analytics/rooms',
    summary: `Figures per room. ${RANGE}`,
    tag: TAG,
    access: 'analytics',
    query: analyticsQuerySchema,
    response: analyticsRoomsSchema,
  }),
  analyticsOverview: endpoint({
    method: 'get',
    path: '/analytics/overview',
    summary: `Totals, buildings, floors, lead time, weekly trend, busiest and least used rooms, catering. ${RANGE}`,
    tag: TAG,
    access: 'analytics',
    query: analyticsQuerySchema,
    response: analyticsOverviewSchema,
  }),
  analyticsHeatmap: endpoint({
    method: 'get',
    path: '/analytics/heatmap',
    summary: `Booked share of open room time per weekday (0 = Monday) and hour of the building’s clock. ${RANGE}`,
    tag: TAG,
    access: 'analytics',
    query: analyticsQuerySchema,
    response: analyticsHeatmapSchema,
  }),
  analyticsRecommendations: endpoint({
    method: 'get',
    path: '/analytics/recommendations',
    summary: `Plain sentences with the figure behind each; thresholds from the analytics settings. ${RANGE}`,
    tag: TAG,
    access: 'analytics',
    query: analyticsQuerySchema,
    response: analyticsRecommendationsSchema,
  }),
  analyticsExportCsv: endpoint({
    method: 'get',
    path: '/analytics/export.csv',
    summary: `One view (\`view\`, default rooms) as CSV (text/csv). ${RANGE}`,
    tag: TAG,
    access: 'analytics',
    query: analyticsExportQuerySchema,
  }),
  analyticsExportXlsx: endpoint({
    method: 'get',
    path: '/analytics/export.xlsx',
    summary: `Every view (rooms, floors, buildings, heat map, trend, lead time, recommendations, catering) as an XLSX workbook. ${RANGE}`,
    tag: TAG,
    access: 'analytics',
    query: analyticsExportQuerySchema,
  }),
  analyticsSettings: endpoint({
    method: 'get',
    path: '/analytics/settings',
    summary: 'The recommendations’ thresholds, the anonymisation age in days and the works-council switch.',
    tag: TAG,
    access: 'analytics',
    response: analyticsSettingsSchema,
  }),
  saveAnalyticsSettings: endpoint({
    method: 'put',
    path: '/analytics/settings',
    summary: 'Change the thresholds and, when given, the anonymisation age and the works-council switch (admins).',
    tag: TAG,
    access: 'admin',
    body: analyticsSettingsBodySchema,
    response: analyticsSettingsSchema,
  }),
  analyticsReport: endpoint({
    method: 'get',
    path: '/analytics/report',
    summary: 'Who gets the weekly analytics email: the last finished week’s key figures and recommendations (admins).',
    tag: TAG,
    access: 'admin',
    response: analyticsReportSchema,
  }),
  saveAnalyticsReport: endpoint({
    method: 'put',
    path: '/analytics/report',
    summary: 'Replace the weekly email’s recipients (50 addresses at most; duplicates kept once) (admins).',
    tag: TAG,
    access: 'admin',
    body: analyticsReportSchema,
    response: analyticsReportSchema,
  }),
  previewAnalyticsReport: endpoint({
    method: 'post',
    path: '/analytics/report/preview',
    summary: 'Queue the weekly email for the last finished week now, to the given addresses or the caller (admins).',
    tag: TAG,
    access: 'admin',
    body: analyticsReportPreviewBodySchema,
    response: analyticsReportPreviewSchema,
  }),
};
