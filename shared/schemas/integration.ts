import { z } from 'zod';
import { instantSchema, uuidSchema } from './common';

export const STREAM_STATES = ['none', 'connecting', 'streaming', 'reconnecting', 'pull', 'polling'] as const;
export const SYNC_RUN_ROOM_STATES = ['queued', 'running', 'done', 'failed', 'elsewhere'] as const;

export const syncErrorSchema = z
  .object({
    code: z.string(),
    message: z.string().describe('What went wrong, in words, for the admin.'),
    at: instantSchema,
  })
  .meta({ id: 'SyncError' });

export const integrationRoomSchema = z
  .object({
    roomId: uuidSchema,
    name: z.string(),
    email: z.string(),
    active: z.boolean(),
    verification: z.object({
      state: z.enum(['unconnected', 'verifying', 'verified', 'failed']),
      checkedAt: instantSchema.nullable(),
      error: z.string().nullable(),
    }),
    subscription: z
      .enum(STREAM_STATES)
      .describe(
        'Notifications: streaming; pull when streaming was refused and pull subscriptions are polled; polling when only the periodic safety sync runs.',
      ),
    syncing: z.boolean().describe('A sync of this room is running in this server instance now.'),
    lastSuccessfulSyncAt: instantSchema.nullable(),
    lastFullSyncAt: instantSchema.nullable(),
    nextSyncAt: instantSchema.nullable(),
    bookingsInHorizon: z.int().nonnegative(),
    detailsPending: z
      .int()
      .nonnegative()
      .describe(
        "Bookings written by phase 1 of the first sync (times and free/busy from the room's calendar) still waiting for phase 2 to fill in the organizer's details.",
      ),
    lastError: syncErrorSchema.nullable(),
  })
  .meta({ id: 'IntegrationRoom' });

const phaseProgressSchema = z.object({
  done: z.int().nonnegative(),
  total: z.int().nonnegative(),
});

export const firstSyncProgressSchema = z
  .object({
    phase1: phaseProgressSchema.describe(
      'Verified, active rooms whose bookings are written from their calendars: searchable with correct availability.',
    ),
    phase2: phaseProgressSchema
      .extend({ bookingsPending: z.int().nonnegative() })
      .describe(
        "Of those rooms, the ones whose bookings also carry the organizers' details (subject, organizer, attendees, private flag, online link).",
      ),
  })
  .meta({ id: 'FirstSyncProgress' });

export const integrationOverviewSchema = z
  .object({
    exchangeConfigured: z.boolean(),
    simulatedExchange: z.boolean(),
    horizon: z.object({ start: instantSchema, end: instantSchema }),
    rooms: z.array(integrationRoomSchema),
    firstSync: firstSyncProgressSchema,
    totals: z.object({
      rooms: z.int().nonnegative(),
      verified: z.int().nonnegative(),
      failedVerification: z.int().nonnegative(),
      streaming: z.int().nonnegative(),
      pull: z
        .int()
        .nonnegative()
        .describe('Rooms whose notifications come from polled pull subscriptions (streaming refused).'),
      syncedOnce: z.int().nonnegative(),
      withErrors: z.int().nonnegative(),
      bookingsInHorizon: z.int().nonnegative(),
    }),
  })
  .meta({ id: 'IntegrationOverview' });

export const syncRequestSchema = z
  .object({ roomId: uuidSchema.optional().describe('One room; all connected rooms when left out.') })
  .meta({ id: 'SyncRequest' });

export const syncRunSchema = z
  .object({
    id: uuidSchema,
    startedAt: instantSchema,
    finishedAt: instantSchema.nullable(),
    total: z.int().nonnegative(),
    completed: z.int().nonnegative(),
    failed: z.int().nonnegative(),
    rooms: z.array(
      z.object({
        roomId: uuidSchema,
        name: z.string(),
        state: z.enum(SYNC_RUN_ROOM_STATES).describe('elsewhere: another server instance syncs this room.'),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'SyncRun' });

export const serverInfoSchema = z
  .object({
    simulatedExchange: z
      .boolean()
      .describe('Roomserve runs against its built-in Exchange simulator, not a real Exchange.'),
    demo: z.boolean(),
  })
  .meta({ id: 'ServerInfo' });

export type IntegrationOverview = z.infer<typeof integrationOverviewSchema>;
export type IntegrationRoom = z.infer<typeof integrationRoomSchema>;
export type FirstSyncProgress = z.infer<typeof firstSyncProgressSchema>;
export type SyncRunView = z.infer<typeof syncRunSchema>;
export type ServerInfo = z.infer<typeof serverInfoSchema>;
