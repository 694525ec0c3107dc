import { z } from 'zod';
import { uuidSchema, wallTimeSchema } from './common';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

const openingIntervalSchema = z
  .object({ open: wallTimeSchema, close: wallTimeSchema })
  .refine((i) => i.open < i.close, { message: 'open must be before close' });

/** Per weekday, the intervals the building is open; a weekday left out is closed. */
export const openingHoursSchema = z
  .partialRecord(weekdaySchema, z.array(openingIntervalSchema).max(4))
  .meta({ id: 'OpeningHours', example: { mon: [{ open: '07:00', close: '19:00' }] } });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

const ianaZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone.includes('/') || zone === 'UTC';
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Berlin' },
);

const nameSchema = z.string().trim().min(1).max(120);

export const buildingSchema = z
  .object({
    id: uuidSchema,
    name: z.string(),
    address: z.string(),
    timeZone: z.string(),
    openingHours: openingHoursSchema,
  })
  .meta({ id: 'Building' });
export type Building = z.infer<typeof buildingSchema>;

export const buildingInputSchema = z
  .object({
    name: nameSchema,
    address: z.string().trim().max(300).default(''),
    timeZone: ianaZoneSchema,
    openingHours: openingHoursSchema.default({}),
  })
  .strict()
  .meta({ id: 'BuildingInput' });
export const buildingPatchSchema = buildingInputSchema.partial().strict().meta({ id: 'BuildingPatch' });

export const floorPlanSchema = z
  .object({ url: z.string(), width: z.number().int().positive(), height: z.number().int().positive() })
  .meta({ id: 'FloorPlan' });
export type FloorPlan = z.infer<typeof floorPlanSchema>;

export const floorSchema = z
  .object({
    id: uuidSchema,
    buildingId: uuidSchema,
    name: z.string(),
    level: z.number().int(),
    plan: floorPlanSchema.nullable(),
  })
  .meta({ id: 'Floor' });
export type Floor = z.infer<typeof floorSchema>;

export const floorInputSchema = z
  .object({
    buildingId: uuidSchema,
    name: nameSchema,
    level: z.number().int().min(-20).max(300),
    /** An uploaded image (POST /api/files) to use as the floor plan; its size is taken from the file. */
    planFileId: uuidSchema.nullable().optional(),
  })
  .strict()
  .meta({ id: 'FloorInput' });
export const floorPatchSchema = floorInputSchema
  .omit({ buildingId: true })
  .partial()
  .strict()
  .meta({ id: 'FloorPatch' });

const pointSchema = z.tuple([z.number().finite().min(0).max(100_000), z.number().finite().min(0).max(100_000)]);
/** A room's outline on its floor plan, in the plan's pixel coordinates. */
export const polygonSchema = z.array(pointSchema).min(3).max(200).meta({ id: 'Polygon' });

export const tagSchema = z.string().trim().min(1).max(40);

export const EXCHANGE_STATES = ['unconnected', 'verifying', 'verified', 'failed'] as const;
export const exchangeConnectionSchema = z
  .object({
    email: z.string().nullable(),
    state: z.enum(EXCHANGE_STATES),
    checkedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'ExchangeConnection' });

export const roomImageSchema = z.object({ url: z.string(), alt: z.string() }).meta({ id: 'RoomImage' });

export const roomSchema = z
  .object({
    id: uuidSchema,
    floorId: uuidSchema,
    buildingId: uuidSchema,
    name: z.string(),
    description: z.string(),
    capacity: z.number().int(),
    tags: z.array(z.string()),
    images: z.array(roomImageSchema),
    shape: polygonSchema.nullable(),
    exchange: exchangeConnectionSchema,
    bookableInternal: z.boolean(),
    bookableExternal: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'Room' });
export type Room = z.infer<typeof roomSchema>;

export const roomInputSchema = z
  .object({
    floorId: uuidSchema,
    name: nameSchema,
    description: z.string().trim().max(2000).default(''),
    capacity: z.number().int().min(1).max(10_000),
    tags: z.array(tagSchema).max(30).default([]),
    /** Uploaded image file ids in display order. */
    imageFileIds: z.array(uuidSchema).max(10).default([]),
    shape: polygonSchema.nullable().default(null),
    exchangeEmail: z.email().max(254).nullable().default(null),
    bookableInternal: z.boolean().default(true),
    bookableExternal: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'RoomInput' });
export const roomPatchSchema = roomInputSchema
  .extend({
    description: z.string().trim().max(2000),
    tags: z.array(tagSchema).max(30),
    imageFileIds: z.array(uuidSchema).max(10),
    shape: polygonSchema.nullable(),
    exchangeEmail: z.email().max(254).nullable(),
    bookableInternal: z.boolean(),
    bookableExternal: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .meta({ id: 'RoomPatch' });
