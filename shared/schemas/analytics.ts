import { z } from 'zod';

const MAX_RANGE_DAYS = 731;
const DAY_MS = 86_400_000;

const dateSchema = z.iso.date().meta({ example: '2026-06-01' });
const shareSchema = z.number().min(0).max(1);
const nullableShare = shareSchema.nullable();

const queryFields = {
  from: dateSchema,
  to: dateSchema,
  buildingId: z.uuid().optional(),
  floorId: z.uuid().optional(),
  roomId: z.uuid().optional(),
};

function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`from` must not be after `to`' });
  else if (days > MAX_RANGE_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range may be 2 years at most' });
}

/** Inclusive dates, read in each building's own zone; at most 2 years, `from` not after `to`. */
export const analyticsQuerySchema = z.object(queryFields).superRefine(checkRange).meta({ id: 'AnalyticsQuery' });
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

export const figuresSchema = z
  .object({
    openHours: z.number(),
    bookedHours: z.number(),
    bookedUtilisation: nullableShare,
    checkedInUtilisation: nullableShare,
    noShowRate: nullableShare,
    releasedHours: z.number(),
    bookings: z.number().int(),
    averageMinutes: z.number().nullable(),
    medianMinutes: z.number().nullable(),
    recurringShare: nullableShare,
    underHalfCapacityShare: nullableShare,
    overCapacityShare: nullableShare,
  })
  .meta({ id: 'AnalyticsFigures' });
export type AnalyticsFigures = z.infer<typeof figuresSchema>;

export const roomFiguresSchema = figuresSchema
  .extend({
    roomId: z.uuid(),
    roomName: z.string(),
    capacity: z.number().int(),
    floorId: z.uuid(),
    floorName: z.string(),
    buildingId: z.uuid(),
    buildingName: z.string(),
  })
  .meta({ id: 'AnalyticsRoomFigures' });
export type AnalyticsRoomFigures = z.infer<typeof roomFiguresSchema>;

export const analyticsRoomsSchema = z.object({ items: z.array(roomFiguresSchema) }).meta({ id: 'AnalyticsRooms' });

const groupSchema = z.object({ id: z.uuid(), name: z.string(), figures: figuresSchema });
const rankedSchema = z.object({ roomId: z.uuid(), roomName: z.string(), bookedUtilisation: nullableShare });
const spendSchema = z.object({
  key: z.string(),
  name: z.string(),
  currency: z.string(),
  orders: z.number().int(),
  totalMinor: z.number().int(),
});

export const analyticsOverviewSchema = z
  .object({
    overall: figuresSchema,
    buildings: z.array(groupSchema),
    floors: z.array(groupSchema),
    leadTime: z.object({
      buckets: z.array(
        z.object({ key: z.string(), label: z.string(), bookings: z.number().int(), share: shareSchema }),
      ),
      medianHours: z.number().nullable(),
    }),
    trend: z.array(
      z.object({
        weekStart: dateSchema,
        bookedUtilisation: nullableShare,
        checkedInUtilisation: nullableShare,
        bookings: z.number().int(),
      }),
    ),
    busiest: z.array(rankedSchema),
    leastUsed: z.array(rankedSchema),
    catering: z.object({
      orders: z.number().int(),
      cancelled: z.number().int(),
      cancelledByEvent: z.number().int(),
      flagged: z.number().int(),
      spendByProvider: z.array(spendSchema),
      spendByBuilding: z.array(spendSchema),
    }),
  })
  .meta({ id: 'AnalyticsOverview' });
export type AnalyticsOverview = z.infer<typeof analyticsOverviewSchema>;

export const heatCellSchema = z.object({
  /** 0 = Monday. */
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  openMinutes: z.number(),
  bookedMinutes: z.number(),
  bookedShare: nullableShare,
});
export const analyticsHeatmapSchema = z.object({ cells: z.array(heatCellSchema) }).meta({ id: 'AnalyticsHeatmap' });
export type AnalyticsHeatmap = z.infer<typeof analyticsHeatmapSchema>;

export const recommendationSchema = z.object({
  kind: z.enum(['too-big', 'too-small', 'peak', 'no-shows', 'underused', 'ghost-bookings']),
  subject: z.object({ kind: z.enum(['room', 'floor']), id: z.uuid(), name: z.string() }),
  text: z.string(),
  figure: z.number(),
  figureName: z.string(),
});
export const analyticsRecommendationsSchema = z
  .object({ items: z.array(recommendationSchema) })
  .meta({ id: 'AnalyticsRecommendations' });
export type AnalyticsRecommendations = z.infer<typeof analyticsRecommendationsSchema>;

export const analyticsThresholdsSchema = z
  .object({
    minBookings: z.number().int().min(1).max(10_000),
    underHalfCapacityShare: shareSchema,
    overCapacityShare: shareSchema,
    peakBookedShare: shareSchema,
    noShowRate: shareSchema,
    lowUtilisation: shareSchema,
    ghostGap: shareSchema,
  })
  .meta({ id: 'AnalyticsThresholds' });
export type AnalyticsThresholds = z.infer<typeof analyticsThresholdsSchema>;

const privacyShape = {
  /** Bookings lose subject, organizer, attendees and description this many days after they ended. */
  anonymiseAfterDays: z.number().int().min(1).max(3650),
  /** For works councils: no figure about a single person is computed or exported. */
  worksCouncil: z.boolean(),
};
export const analyticsSettingsSchema = analyticsThresholdsSchema.extend(privacyShape).meta({ id: 'AnalyticsSettings' });
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;
/** The thresholds, plus the privacy settings when they change. */
export const analyticsSettingsBodySchema = analyticsThresholdsSchema
  .extend({ anonymiseAfterDays: privacyShape.anonymiseAfterDays.optional(), worksCouncil: z.boolean().optional() })
  .meta({ id: 'AnalyticsSettingsChange' });
export type AnalyticsSettingsChange = z.infer<typeof analyticsSettingsBodySchema>;

/** Who gets the weekly analytics email (admins). */
export const analyticsReportSchema = z
  .object({ recipients: z.array(z.email().max(254)).max(50) })
  .meta({ id: 'AnalyticsReportSubscription' });
export type AnalyticsReportSubscription = z.infer<typeof analyticsReportSchema>;
/** A preview of the weekly email, sent now; to the caller when no address is given. */
export const analyticsReportPreviewBodySchema = z
  .object({ to: z.array(z.email().max(254)).min(1).max(10).optional() })
  .meta({ id: 'AnalyticsReportPreview' });
export const analyticsReportPreviewSchema = z
  .object({ queued: z.number().int(), to: z.array(z.string()) })
  .meta({ id: 'AnalyticsReportPreviewQueued' });

export const ANALYTICS_VIEWS = [
  'rooms',
  'floors',
  'buildings',
  'heatmap',
  'trend',
  'lead-time',
  'busiest',
  'recommendations',
  'catering',
] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];

/** An export: the CSV holds one view (default rooms); the XLSX holds every view, one sheet each. */
export const analyticsExportQuerySchema = z
  .object({ ...queryFields, view: z.enum(ANALYTICS_VIEWS).default('rooms') })
  .superRefine(checkRange)
  .meta({ id: 'AnalyticsExportQuery' });
