import { z } from 'zod';
import { instantSchema, uuidSchema } from './common';
import { floorPlanSchema, polygonSchema, roomImageSchema } from './locations';

/** Who sees organizer names of other people's meetings (external users never do). */
export const ORGANIZER_NAME_AUDIENCES = ['signed-in', 'employees', 'nobody'] as const;
/** Whose subjects are shown: never, or those of meetings not marked private. */
export const SUBJECT_VISIBILITIES = ['never', 'non-private'] as const;

export const privacySettingsSchema = z
  .object({
    organizerNames: z.enum(ORGANIZER_NAME_AUDIENCES),
    subjects: z.enum(SUBJECT_VISIBILITIES),
  })
  .strict()
  .meta({ id: 'PrivacySettings' });
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

/** What a room is doing at the plan's instant; each has a colour, a pattern and a word on the plan. */
export const PLAN_STATES = [
  'free',
  'starting-soon',
  'busy',
  'awaiting-check-in',
  'checked-in',
  'released',
  'ending-soon',
  'not-bookable',
] as const;
export const planStateSchema = z.enum(PLAN_STATES).meta({ id: 'PlanState' });
export type PlanState = z.infer<typeof planStateSchema>;

const plannedMeetingShape = {
  start: instantSchema,
  end: instantSchema,
  organizer: z.string().nullable(),
  subject: z.string().nullable(),
};

/**
 * A later meeting as the reader may see it: when, and who has it (organizer and subject are null
 * where the privacy rules hide them). Attendees and status are told for the holder only: the page
 * lists the next meetings by time and holder, and every open plan reads them again on each change.
 */
export const planNextMeetingSchema = z.object(plannedMeetingShape).meta({ id: 'PlanNextMeeting' });
export type PlanNextMeeting = z.infer<typeof planNextMeetingSchema>;

/** The meeting holding a room, as the reader may see it. */
export const planMeetingSchema = z
  .object({
    ...plannedMeetingShape,
    /** Attendees besides the organizer; null where the reader may not know. */
    attendeeCount: z.number().int().nullable(),
    status: z.enum(['pending', 'confirmed']),
  })
  .meta({ id: 'PlanMeeting' });
export type PlanMeeting = z.infer<typeof planMeetingSchema>;

export const planRoomSchema = z
  .object({
    id: uuidSchema,
    name: z.string(),
    capacity: z.number().int(),
    tags: z.array(z.string()),
    images: z.array(roomImageSchema),
    shape: polygonSchema.nullable(),
    state: planStateSchema,
    /** The meeting holding the room at the instant (for "released": the meeting that was released). */
    current: planMeetingSchema.nullable(),
    /** The next meetings after the instant (up to 3). */
    next: z.array(planNextMeetingSchema),
    /** Whether the reader may book it in Roomserve. */
    bookable: z.boolean(),
  })
  .meta({ id: 'PlanRoom' });
export type PlanRoom = z.infer<typeof planRoomSchema>;

export const floorOccupancySchema = z
  .object({
    at: instantSchema,
    floor: z.object({
      id: uuidSchema,
      name: z.string(),
      buildingId: uuidSchema,
      buildingName: z.string(),
      timeZone: z.string(),
      plan: floorPlanSchema.nullable(),
    }),
    /** What `at` may be: from the start of today (in the building's zone) to 7 days later. */
    horizon: z.object({ from: instantSchema, to: instantSchema }),
    rooms: z.array(planRoomSchema),
  })
  .meta({ id: 'FloorOccupancy' });
export type FloorOccupancy = z.infer<typeof floorOccupancySchema>;

export const floorOccupancyQuerySchema = z
  .object({
    /** The instant to show; now when left out. */
    at: instantSchema.optional(),
  })
  .strict();
export type FloorOccupancyQuery = z.infer<typeof floorOccupancyQuerySchema>;
