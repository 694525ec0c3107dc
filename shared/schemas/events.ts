import { z } from 'zod';
import { bookingAlternativeSchema, bookingStatusSchema } from './bookings';
import { instantSchema, uuidSchema } from './common';

/**
 * Event management (issue 17): a meeting in a room with attendees from the directory, a
 * description, an online-meeting link, a private flag and a recurrence. Its organizer is the
 * employee's own mailbox; Exchange sends the invitations.
 */

export const directoryQuerySchema = z.object({ q: z.string().trim().min(1).max(100) }).meta({ id: 'DirectoryQuery' });

export const directoryPersonSchema = z.object({ name: z.string(), email: z.string() }).meta({ id: 'DirectoryPerson' });
export const directoryPeopleSchema = z
  .object({ items: z.array(directoryPersonSchema) })
  .meta({ id: 'DirectoryPeople' });
export type DirectoryPeople = z.infer<typeof directoryPeopleSchema>;

export const ATTENDEE_TYPES = ['required', 'optional'] as const;
export const attendeeTypeSchema = z.enum(ATTENDEE_TYPES).meta({ id: 'AttendeeType' });
export type AttendeeType = z.infer<typeof attendeeTypeSchema>;

/** More than this many attendees is refused (400). */
export const MAX_ATTENDEES = 500;
/** A recurrence with more occurrences than this is refused (400). */
export const MAX_OCCURRENCES = 500;

export const eventAttendeeInputSchema = z
  .object({ email: z.email().max(254), type: attendeeTypeSchema.default('required') })
  .strict()
  .meta({ id: 'EventAttendeeInput' });

const titleSchema = z.string().trim().min(1).max(255);
const attendeesSchema = z.array(eventAttendeeInputSchema).max(MAX_ATTENDEES);
/** Plain text, or HTML that the server sanitises before it reaches Exchange. */
const descriptionSchema = z.string().max(50_000);
/** Any http or https link the organizer gives: on-premise EWS cannot create Teams meetings. */
const onlineMeetingUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable();

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const weekdaySchema = z.enum(WEEKDAYS).meta({ id: 'Weekday' });
export type Weekday = z.infer<typeof weekdaySchema>;

const dateSchema = z.iso.date();

/**
 * daily: every `interval` days; weekly: on `daysOfWeek` every `interval` weeks; monthly-date: on
 * the start's day of the month; monthly-weekday: on the start's weekday of its week of the month
 * (e.g. the second Tuesday). It ends on `endDate` (the last day, in the building's zone) or after
 * `count` occurrences.
 */
export const recurrenceSchema = z
  .object({
    pattern: z.enum(['daily', 'weekly', 'monthly-date', 'monthly-weekday']),
    interval: z.number().int().min(1).max(99).default(1),
    daysOfWeek: z.array(weekdaySchema).min(1).max(7).optional(),
    endDate: dateSchema.optional(),
    count: z.number().int().min(1).max(MAX_OCCURRENCES).optional(),
  })
  .strict()
  .refine((r) => (r.endDate === undefined) !== (r.count === undefined), {
    message: 'End the recurrence with either endDate or count',
  })
  .refine((r) => r.pattern !== 'weekly' || (r.daysOfWeek?.length ?? 0) > 0, {
    message: 'A weekly recurrence needs daysOfWeek',
    path: ['daysOfWeek'],
  })
  .meta({ id: 'Recurrence' });
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const eventInputSchema = z
  .object({
    roomId: uuidSchema,
    start: instantSchema,
    end: instantSchema,
    title: titleSchema,
    attendees: attendeesSchema.default([]),
    description: descriptionSchema.default(''),
    onlineMeetingUrl: onlineMeetingUrlSchema.default(null),
    private: z.boolean().default(false),
    recurrence: recurrenceSchema.optional(),
  })
  .strict()
  .meta({ id: 'EventInput' });
export type EventInput = z.infer<typeof eventInputSchema>;

export const eventPatchSchema = z
  .object({
    roomId: uuidSchema,
    start: instantSchema,
    end: instantSchema,
    title: titleSchema,
    attendees: attendeesSchema,
    description: descriptionSchema,
    onlineMeetingUrl: onlineMeetingUrlSchema,
    private: z.boolean(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Change at least one field' })
  .refine((p) => (p.start === undefined) === (p.end === undefined), { message: 'Move with both start and end' })
  .meta({ id: 'EventPatch' });
export type EventPatch = z.infer<typeof eventPatchSchema>;

/**
 * `scope=occurrence` on a series names the occurrence by `occurrence`: its original start (as the
 * series first placed it, even when it was moved since). A single meeting has one occurrence.
 */
export const eventScopeQuerySchema = z
  .object({
    scope: z.enum(['occurrence', 'series']).default('series'),
    occurrence: instantSchema.optional(),
  })
  .refine((q) => q.occurrence === undefined || q.scope === 'occurrence', {
    message: 'occurrence is only used with scope=occurrence',
    path: ['occurrence'],
  })
  .meta({ id: 'EventScopeQuery' });
export type EventScopeQuery = z.infer<typeof eventScopeQuerySchema>;

export const ATTENDEE_RESPONSES = ['accepted', 'tentative', 'declined', 'none'] as const;

export const eventAttendeeSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    type: attendeeTypeSchema,
    /** As Exchange reports it on the organizer's copy. */
    response: z.enum(ATTENDEE_RESPONSES),
  })
  .meta({ id: 'EventAttendee' });
export type EventAttendee = z.infer<typeof eventAttendeeSchema>;

export const eventSchema = z
  .object({
    id: uuidSchema,
    roomId: uuidSchema,
    roomName: z.string(),
    timeZone: z.string(),
    start: instantSchema,
    end: instantSchema,
    title: z.string(),
    /** Sanitised HTML when `descriptionIsHtml`, else plain text. */
    description: z.string(),
    descriptionIsHtml: z.boolean(),
    onlineMeetingUrl: z.string().nullable(),
    private: z.boolean(),
    status: bookingStatusSchema,
    declinedReason: z.string().nullable(),
    organizerEmail: z.string(),
    attendees: z.array(eventAttendeeSchema),
    recurrence: recurrenceSchema.nullable(),
    /**
     * A series' occurrences where its pattern places them (their original starts name them for
     * scope=occurrence; one moved since is listed at its original start, one cancelled since is left
     * out); empty for a single meeting.
     */
    occurrences: z.array(z.object({ start: instantSchema, end: instantSchema })),
  })
  .meta({ id: 'Event' });
export type EventView = z.infer<typeof eventSchema>;

/** Before sending: who is busy when, per occurrence, and where else the room's part could go. */
export const eventAvailabilityInputSchema = z
  .object({
    roomId: uuidSchema,
    start: instantSchema,
    end: instantSchema,
    attendees: attendeesSchema.default([]),
    recurrence: recurrenceSchema.optional(),
  })
  .strict()
  .meta({ id: 'EventAvailabilityInput' });
export type EventAvailabilityInput = z.infer<typeof eventAvailabilityInputSchema>;

export const occurrenceConflictSchema = z
  .object({
    start: instantSchema,
    end: instantSchema,
    /** The room is taken then. */
    roomBusy: z.boolean(),
    /** Attendees whose free/busy shows them busy then. */
    busyAttendees: z.array(z.string()),
    alternatives: z.array(bookingAlternativeSchema).max(3),
  })
  .meta({ id: 'OccurrenceConflict' });

export const eventAvailabilitySchema = z
  .object({
    occurrences: z.number().int(),
    conflicts: z.array(occurrenceConflictSchema),
  })
  .meta({ id: 'EventAvailability' });
export type EventAvailability = z.infer<typeof eventAvailabilitySchema>;

export const favouriteRoomsSchema = z.object({ roomIds: z.array(uuidSchema) }).meta({ id: 'FavouriteRooms' });
