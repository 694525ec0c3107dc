import { z } from 'zod';
import { instantSchema, pageOf, pageQuerySchema, uuidSchema } from './common';
import { roomSchema, tagSchema } from './locations';

/** The longest window a search or a schedule may span. */
export const MAX_WINDOW_DAYS = 31;
const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/**
 * An instant in a query string. A literal `+` in a URL query decodes to a space, so
 * `...T08:00:00 02:00` is read as the `+02:00` offset the client most likely sent unencoded.
 */
const queryInstantSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/^(\S+T[\d:.]+) (\d\d:\d\d)$/, '$1+$2') : value),
  instantSchema,
);

/** `tags=a&tags=b` and `tags=a,b` both mean "a and b". */
const tagListSchema = z.preprocess((value) => {
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts)) return parts;
  return parts.flatMap((part: unknown) =>
    typeof part === 'string'
      ? part
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== '')
      : [part],
  );
}, z.array(tagSchema).max(30));

const queryBooleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

interface WindowInput {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Checks a window given as two optional instants; `names` are the query parameters' names. */
function checkWindow(window: WindowInput, names: readonly [string, string], ctx: z.RefinementCtx): void {
  const [fromName, toName] = names;
  if ((window.from === undefined) !== (window.to === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [window.from === undefined ? fromName : toName],
      message: `${fromName} and ${toName} go together`,
    });
    return;
  }
  if (window.from === undefined || window.to === undefined) return;
  const length = Date.parse(window.to) - Date.parse(window.from);
  if (length <= 0) ctx.addIssue({ code: 'custom', path: [toName], message: `${toName} must be after ${fromName}` });
  else if (length > MAX_WINDOW_MS) {
    ctx.addIssue({ code: 'custom', path: [toName], message: `the window may span at most ${MAX_WINDOW_DAYS} days` });
  }
}

export const roomSearchQuerySchema = pageQuerySchema
  .extend({
    start: queryInstantSchema
      .optional()
      .meta({ description: 'Start of the window to rate availability in (ISO 8601 with offset); goes with end.' }),
    end: queryInstantSchema
      .optional()
      .meta({ description: `End of the window; after start, at most ${MAX_WINDOW_DAYS} days later.` }),
    minCapacity: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .meta({ description: 'Only rooms seating at least this many.' }),
    tags: tagListSchema
      .default([])
      .meta({ description: 'Tags the room must all have (exact match): tags=a&tags=b or tags=a,b.' }),
    building: uuidSchema.optional().meta({ description: 'Only rooms in this building (id).' }),
    floor: uuidSchema.optional().meta({ description: 'Only rooms on this floor (id).' }),
    q: z.string().trim().max(100).optional().meta({
      description:
        'Words that must all occur, case-insensitively, in the room name, description, tags, floor or building name.',
    }),
    onlyAvailable: queryBooleanSchema.meta({
      description:
        'Only rooms with no pending or confirmed booking in the window and whose building is open throughout it; needs start and end.',
    }),
    holders: queryBooleanSchema.optional().meta({
      description:
        'Also say who holds each busy or partly busy room (availability.heldBy), per the privacy settings; needs start and end.',
    }),
  })
  .superRefine((query, ctx) => {
    checkWindow({ from: query.start, to: query.end }, ['start', 'end'], ctx);
    if (query.onlyAvailable && query.start === undefined) {
      ctx.addIssue({ code: 'custom', path: ['onlyAvailable'], message: 'onlyAvailable needs start and end' });
    }
  })
  .meta({ id: 'RoomSearchQuery' });
export type RoomSearchQuery = z.infer<typeof roomSearchQuerySchema>;

export const busyIntervalSchema = z.object({ start: instantSchema, end: instantSchema }).meta({ id: 'BusyInterval' });

/** A booking holding the room in the window, as the reader may see it (the installation's privacy settings). */
export const roomHolderSchema = z
  .object({
    start: instantSchema,
    end: instantSchema,
    /** The organizer's name; null where the privacy settings hide it, and always for external users. */
    organizer: z.string().nullable(),
    /** Null for private meetings, where subjects are hidden, and for external users. */
    subject: z.string().nullable(),
  })
  .meta({ id: 'RoomHolder' });
export type RoomHolderView = z.infer<typeof roomHolderSchema>;

export const availabilitySchema = z
  .object({
    state: z.enum(['free', 'partial', 'busy', 'closed']).meta({
      description:
        'closed: the building is closed during (part of) the window, so the window cannot be booked; see closed.',
    }),
    /** Pending and confirmed bookings in the window, clipped to it and merged. */
    busy: z.array(busyIntervalSchema),
    /** When the building is closed inside the window (its opening hours, in its time zone); present when state is closed. */
    closed: z.array(busyIntervalSchema).optional(),
    /** Who holds the room in the window, by start; present with holders=true when the room is (partly) busy. */
    heldBy: z.array(roomHolderSchema).optional(),
  })
  .meta({ id: 'Availability' });
export type AvailabilityView = z.infer<typeof availabilitySchema>;

export const roomSearchResultSchema = roomSchema
  .extend({
    floorName: z.string(),
    buildingName: z.string(),
    /** The building's IANA time zone, for showing times as the room's users see them. */
    timeZone: z.string(),
    /** Present when the search had a window (start and end). */
    availability: availabilitySchema.optional(),
  })
  .meta({ id: 'RoomSearchResult' });
export type RoomSearchResult = z.infer<typeof roomSearchResultSchema>;

export const roomSearchPageSchema = pageOf(roomSearchResultSchema).meta({ id: 'RoomSearchPage' });
export type RoomSearchPage = z.infer<typeof roomSearchPageSchema>;

export const roomScheduleQuerySchema = z
  .object({ from: queryInstantSchema, to: queryInstantSchema })
  .superRefine((query, ctx) => checkWindow(query, ['from', 'to'], ctx))
  .meta({ id: 'RoomScheduleQuery' });
export type RoomScheduleQuery = z.infer<typeof roomScheduleQuerySchema>;

export const personSchema = z.object({ name: z.string(), email: z.string() }).meta({ id: 'Person' });

export const scheduleEntrySchema = z
  .object({
    id: uuidSchema,
    start: instantSchema,
    end: instantSchema,
    /** "Private meeting" for a private booking, "Booked" where the privacy settings hide subjects, "Busy" to external users; the real subject to its organizer and admins. */
    subject: z.string(),
    organizer: personSchema.nullable(),
    attendees: z.array(personSchema),
    isPrivate: z.boolean(),
    status: z.enum(['pending', 'confirmed']),
    source: z.enum(['exchange', 'app', 'display']),
  })
  .meta({ id: 'ScheduleEntry' });
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

export const roomScheduleSchema = z
  .object({
    roomId: uuidSchema,
    timeZone: z.string(),
    from: instantSchema,
    to: instantSchema,
    /** Pending and confirmed bookings overlapping the window, by start; not clipped. */
    entries: z.array(scheduleEntrySchema),
    /** When the room's building is closed inside the window (its opening hours), in time order. */
    closed: z.array(busyIntervalSchema).default([]),
  })
  .meta({ id: 'RoomSchedule' });
export type RoomSchedule = z.infer<typeof roomScheduleSchema>;
