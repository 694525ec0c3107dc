import { z } from 'zod';
import { roomHolderSchema } from './search';
import { instantSchema, uuidSchema } from './common';

/** Bookings made in Roomserve (issue 5): requests, the booking as it stands, and the booking rules. */

export const BOOKING_STATUSES = ['pending', 'confirmed', 'declined', 'cancelled'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES).meta({ id: 'BookingStatus' });
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

const subjectSchema = z.string().trim().min(1).max(255);
const attendeesSchema = z.array(z.email().max(254)).max(100);

export const bookingInputSchema = z
  .object({
    roomId: uuidSchema,
    start: instantSchema,
    end: instantSchema,
    subject: subjectSchema,
    attendees: attendeesSchema.default([]),
    description: z.string().max(10_000).default(''),
    private: z.boolean().default(false),
    onlineMeetingUrl: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .nullable()
      .default(null),
  })
  .strict()
  .meta({ id: 'BookingInput' });
export type BookingInput = z.infer<typeof bookingInputSchema>;

export const bookingPatchSchema = z
  .object({
    roomId: uuidSchema,
    start: instantSchema,
    end: instantSchema,
    subject: subjectSchema,
    attendees: attendeesSchema,
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Change at least one field' })
  .refine((p) => (p.start === undefined) === (p.end === undefined), { message: 'Move with both start and end' })
  .meta({ id: 'BookingPatch' });
export type BookingPatch = z.infer<typeof bookingPatchSchema>;

export const bookingSchema = z
  .object({
    id: uuidSchema,
    roomId: uuidSchema,
    roomName: z.string(),
    /** The room's building's IANA zone, for showing its wall-clock time beside the browser's. */
    timeZone: z.string(),
    start: instantSchema,
    end: instantSchema,
    subject: z.string(),
    description: z.string(),
    attendees: z.array(z.string()),
    private: z.boolean(),
    onlineMeetingUrl: z.string().nullable(),
    /** pending until the room's booking attendant in Exchange answered. */
    status: bookingStatusSchema,
    /** Why Exchange declined it (or why Roomserve gave it up); null otherwise. */
    declinedReason: z.string().nullable(),
    organizerEmail: z.string(),
    /** Someone without a mailbox for whom the booking mailbox organises the meeting. */
    booker: z.object({ name: z.string(), email: z.string() }).nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

/** A booking in My bookings: with the event page it belongs to, where its organizer may open it. */
export const myBookingSchema = bookingSchema
  .extend({
    /**
     * The event (`/events/:id`, GET /api/events/:id) when the booking was planned as one and the
     * installation is in events mode; null otherwise (plain bookings, external users, simple mode).
     */
    eventId: uuidSchema.nullable(),
  })
  .meta({ id: 'MyBooking' });
export type MyBooking = z.infer<typeof myBookingSchema>;

export const bookingAlternativeSchema = z
  .object({
    kind: z.enum(['other-room', 'other-time']),
    roomId: uuidSchema,
    roomName: z.string(),
    start: instantSchema,
    end: instantSchema,
  })
  .meta({ id: 'BookingAlternative' });
export type BookingAlternative = z.infer<typeof bookingAlternativeSchema>;

/** `error.details` of a 409 answer to POST /api/bookings (and to a PATCH into a taken slot). */
export const bookingConflictSchema = z
  .object({
    conflicts: z.array(z.object({ start: instantSchema, end: instantSchema })),
    alternatives: z.array(bookingAlternativeSchema).max(3),
    /** Who holds the room at that time, as the reader may see it (the privacy settings); known bookings only. */
    heldBy: z.array(roomHolderSchema).optional(),
  })
  .meta({ id: 'BookingConflict' });
export type BookingConflict = z.infer<typeof bookingConflictSchema>;

export const bookingWaitQuerySchema = z
  .object({ wait: z.coerce.number().int().min(0).max(30).default(0) })
  .meta({ id: 'BookingWaitQuery' });

export const BOOKING_MODES = ['simple', 'events'] as const;
export const bookingModeSchema = z.enum(BOOKING_MODES).meta({ id: 'BookingMode' });
export type BookingMode = z.infer<typeof bookingModeSchema>;

export const bookingSettingsSchema = z
  .object({
    /** Booking in Roomserve switched off for the whole installation; everything stays synced and visible. */
    readOnly: z.boolean(),
    /** Organizer mailbox for bookers without a mailbox; null: the service account's own mailbox. */
    bookingMailbox: z.email().nullable(),
    /** simple: a room, a time and a subject; events: event management (attendees, description, link, private). */
    mode: bookingModeSchema,
  })
  .meta({ id: 'BookingSettings' });
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;
export const bookingSettingsInputSchema = bookingSettingsSchema
  .extend({ mode: bookingModeSchema.default('simple') })
  .strict()
  .meta({ id: 'BookingSettingsInput' });

export const roomBookingRulesSchema = z
  .object({
    maxDurationMinutes: z.number().int().min(5).max(1440),
    bookingWindowDays: z.number().int().min(0).max(1080),
    minNoticeMinutes: z.number().int().min(0).max(10_080),
    readOnly: z.boolean(),
  })
  .meta({ id: 'RoomBookingRules' });
export type RoomBookingRulesView = z.infer<typeof roomBookingRulesSchema>;
export const roomBookingRulesInputSchema = roomBookingRulesSchema.strict().meta({ id: 'RoomBookingRulesInput' });
