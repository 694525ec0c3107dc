import { z } from 'zod';
import { instantSchema, uuidSchema } from './common';

/** Catering and facility service orders, linked to a meeting occurrence and its room booking. */

export const ORDER_LIMITS = {
  maxQuantity: 10_000,
  maxHeadcount: 10_000,
  maxLines: 100,
  /** Offsets of before/after-start deliveries: at most a day. */
  maxOffsetMinutes: 24 * 60,
  textLength: 2000,
  costCenterLength: 60,
} as const;

export const ORDER_STATUSES = [
  'requested',
  'accepted',
  'in-preparation',
  'delivered',
  'declined',
  'cancelled',
  'cancelled-by-event',
] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES).meta({ id: 'OrderStatus' });
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** The statuses the facility team sets (POST /facility/orders/:id/status). */
export const FACILITY_STATUSES = ['accepted', 'in-preparation', 'delivered', 'declined', 'cancelled'] as const;
export const facilityStatusSchema = z.enum(FACILITY_STATUSES);

/**
 * Why an order needs attention: its event changed in a way the order could not follow on its own.
 * The order keeps its last agreed delivery until someone resolves it.
 */
export const ATTENTION_REASONS = [
  'inside-lead-time',
  'outside-provider-hours',
  'item-unavailable',
  'building-not-served',
  'headcount-after-cutoff',
] as const;
export const attentionReasonSchema = z.enum(ATTENTION_REASONS).meta({ id: 'OrderAttentionReason' });
export type AttentionReason = z.infer<typeof attentionReasonSchema>;

export const DELIVERY_KINDS = ['at-start', 'before-start', 'after-start', 'at-end'] as const;
export const deliveryKindSchema = z.enum(DELIVERY_KINDS);
export type DeliveryKind = z.infer<typeof deliveryKindSchema>;

/** When to deliver, relative to the event: `minutes` only for before-start and after-start. */
export const deliverySchema = z
  .object({
    kind: deliveryKindSchema,
    minutes: z.number().int().min(1).max(ORDER_LIMITS.maxOffsetMinutes).optional(),
  })
  .strict()
  .refine((d) => (d.kind === 'before-start' || d.kind === 'after-start') === (d.minutes !== undefined), {
    message: 'minutes is required for before-start and after-start, and not allowed otherwise',
    path: ['minutes'],
  })
  .meta({ id: 'OrderDelivery', example: { kind: 'before-start', minutes: 15 } });
export type Delivery = z.infer<typeof deliverySchema>;

export const orderLineInputSchema = z
  .object({
    itemId: uuidSchema,
    /** Pieces for per-item articles; servings per person for per-person articles. */
    quantity: z.number().int().min(1).max(ORDER_LIMITS.maxQuantity),
  })
  .strict();

const linesSchema = z
  .array(orderLineInputSchema)
  .min(1)
  .max(ORDER_LIMITS.maxLines)
  .refine((lines) => new Set(lines.map((l) => l.itemId)).size === lines.length, 'must not list an item twice');

const textSchema = z.string().trim().max(ORDER_LIMITS.textLength);
const headcountSchema = z.number().int().min(1).max(ORDER_LIMITS.maxHeadcount);

/**
 * An EWS ItemId as the Outlook add-in gets it (saveAsync, or item.itemId in read mode): base64, in
 * Outlook on the web sometimes with the URL-safe alphabet. Real ids are about 150–250 characters
 * (occurrence ids are longer); the bound only keeps absurd input out.
 */
export const ewsItemIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9+/=_-]+$/, 'must be an EWS item id (base64)')
  .meta({ id: 'EwsItemId', example: 'AAMkAGI2TG93AAA=' });

/**
 * The meeting an order is for: a stored booking, the meeting's identity (clean global object id or
 * UID), or the Outlook item the add-in shows (its EWS ItemId in the ordering person's mailbox; the
 * server reads the meeting's identity through EWS).
 */
export const orderTargetSchema = z.union([
  z.object({ bookingId: uuidSchema }).strict(),
  z
    .object({
      meeting: z
        .object({
          /** CleanGlobalObjectId (base64) or iCalendar UID. */
          id: z.string().trim().min(1).max(500),
          /** The occurrence's original start; omit for a single meeting. */
          originalStart: instantSchema.optional(),
        })
        .strict(),
      /** Needed only when the meeting has more than one room. */
      roomId: uuidSchema.optional(),
    })
    .strict(),
  z
    .object({
      /** In the orderer's mailbox: the signed-in user's, or the onBehalfOf person's. */
      itemId: ewsItemIdSchema,
      /**
       * The room the add-in put in the meeting. Needed when the meeting has more than one room; with
       * it, an order on a meeting that was saved but not sent yet is accepted and waits for the
       * meeting (awaitingMeeting) instead of answering 409 meeting_not_synced.
       */
      roomId: uuidSchema.optional(),
    })
    .strict(),
]);

export const orderInputSchema = z
  .object({
    target: orderTargetSchema,
    lines: linesSchema,
    delivery: deliverySchema,
    /** Default: the meeting's attendee count. */
    headcount: headcountSchema.optional(),
    /** Keep the headcount equal to the attendee count when attendees change. */
    followAttendees: z.boolean().default(false),
    costCenter: z.string().trim().max(ORDER_LIMITS.costCenterLength).default(''),
    notes: textSchema.default(''),
    dietaryRemarks: textSchema.default(''),
    /** Admins and the facility team order for someone else: that person's email. */
    onBehalfOf: z.email().max(254).optional(),
    /** One order per occurrence of the series within the sync horizon. */
    repeatForSeries: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'OrderInput' });
export type OrderInput = z.infer<typeof orderInputSchema>;

export const orderPatchSchema = z
  .object({
    lines: linesSchema,
    delivery: deliverySchema,
    headcount: headcountSchema,
    followAttendees: z.boolean(),
    costCenter: z.string().trim().max(ORDER_LIMITS.costCenterLength),
    notes: textSchema,
    dietaryRemarks: textSchema,
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change')
  .meta({ id: 'OrderPatch' });
export type OrderPatch = z.infer<typeof orderPatchSchema>;

export const orderLineSchema = z
  .object({
    itemId: uuidSchema,
    name: z.string(),
    unit: z.enum(['per-person', 'per-item']),
    /** As ordered: pieces (per-item) or servings per person (per-person). */
    quantity: z.number().int(),
    /** What arrives: per-person servings × the order's headcount, per-item pieces as ordered. */
    quantityToDeliver: z.number().int(),
    unitPriceMinor: z.number().int(),
    totalMinor: z.number().int(),
  })
  .meta({ id: 'OrderLine' });

export const orderSchema = z
  .object({
    id: uuidSchema,
    status: orderStatusSchema,
    /** Empty unless the order needs attention. */
    attention: z.array(attentionReasonSchema),
    /** null while the order waits for its meeting to be sent (awaitingMeeting), or once the booking is deleted. */
    bookingId: uuidSchema.nullable(),
    /**
     * The meeting was saved in Outlook but not sent yet, so the room has no booking of it: the order
     * waits for it (times as the organizer's copy has them) and is not to be prepared until the
     * meeting is sent. It is cancelled by its event if the meeting starts without being sent.
     */
    awaitingMeeting: z.boolean(),
    meeting: z.object({
      cleanGlobalObjectId: z.string().nullable(),
      uid: z.string().nullable(),
      originalStart: instantSchema.nullable(),
      subject: z.string(),
    }),
    eventStart: instantSchema,
    eventEnd: instantSchema,
    delivery: deliverySchema,
    deliveryAt: instantSchema,
    roomId: uuidSchema,
    roomName: z.string(),
    buildingId: uuidSchema,
    buildingName: z.string(),
    /** The building's zone: delivery times are read on its wall clocks. */
    timeZone: z.string(),
    /** null once the provider was deleted from the catalog. */
    providerId: uuidSchema.nullable(),
    providerName: z.string(),
    lines: z.array(orderLineSchema),
    headcount: z.number().int(),
    followAttendees: z.boolean(),
    costCenter: z.string(),
    notes: z.string(),
    dietaryRemarks: z.string(),
    currency: z.string(),
    totalMinor: z.number().int(),
    orderer: z.object({ email: z.string(), name: z.string() }),
    placedBy: z.object({ userId: uuidSchema.nullable(), name: z.string() }),
    /** Orders created together by "repeat for every occurrence" share it. */
    seriesGroupId: uuidSchema.nullable(),
    /** Until then the orderer may edit or cancel. */
    changeCutoffAt: instantSchema,
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;

export const ordersOfItemQuerySchema = z
  .object({
    itemId: ewsItemIdSchema,
    /** Admins and the facility team: whose mailbox the item is in (default: their own). */
    mailbox: z.email().max(254).optional(),
  })
  .strict()
  .meta({ id: 'OrdersOfItemQuery' });

/**
 * An order as every attendee of its meeting may see it: what arrives, when and where, and how far
 * it is. No prices, cost center, notes or orderer's remarks: those stay with the orderer and the
 * facility team.
 */
export const attendeeOrderSchema = z
  .object({
    id: uuidSchema,
    status: orderStatusSchema,
    needsAttention: z.boolean(),
    delivery: deliverySchema,
    deliveryAt: instantSchema,
    roomName: z.string(),
    buildingName: z.string(),
    timeZone: z.string(),
    providerName: z.string(),
    headcount: z.number().int(),
    lines: z.array(
      z.object({
        name: z.string(),
        unit: z.enum(['per-person', 'per-item']),
        quantity: z.number().int(),
        quantityToDeliver: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'AttendeeOrder' });
export type AttendeeOrder = z.infer<typeof attendeeOrderSchema>;

export const ORDER_CHANGE_KINDS = [
  'created',
  'changed',
  'moved-by-event',
  'cancelled-by-event',
  'needs-attention',
  'attention-resolved',
  'status-change',
  /** A waiting order found its meeting's room booking: the organizer sent the meeting. */
  'meeting-sent',
] as const;
export const orderChangeKindSchema = z.enum(ORDER_CHANGE_KINDS);
export type OrderChangeKind = z.infer<typeof orderChangeKindSchema>;

export const orderHistoryEntrySchema = z
  .object({
    id: uuidSchema,
    at: instantSchema,
    kind: orderChangeKindSchema,
    /** Who: a user's name, or "event" for changes that followed the meeting. */
    actor: z.object({ userId: uuidSchema.nullable(), name: z.string() }),
    /** What changed: field → { from, to }. */
    diff: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: 'OrderHistoryEntry' });
export type OrderHistoryEntry = z.infer<typeof orderHistoryEntrySchema>;

export const orderWithHistorySchema = orderSchema
  .extend({ history: z.array(orderHistoryEntrySchema) })
  .meta({ id: 'OrderWithHistory' });

export const orderCreatedSchema = z
  .object({
    orders: z.array(orderSchema),
    /** Occurrences of a series that could not be ordered for, with the reason. */
    skipped: z.array(z.object({ bookingId: uuidSchema, start: instantSchema, reason: z.string() })),
  })
  .meta({ id: 'OrdersCreated' });

export const myOrdersQuerySchema = z
  .object({
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    includeClosed: z.enum(['true', 'false']).default('false'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .meta({ id: 'MyOrdersQuery' });

export const boardQuerySchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    buildingId: uuidSchema.optional(),
    needsAttention: z.enum(['true', 'false']).default('false'),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 24 * 3600_000, {
    message: 'at most 31 days',
    path: ['to'],
  })
  .meta({ id: 'OrderBoardQuery' });

/**
 * The board: orders grouped by delivery slot (same instant, same room), sorted by time then
 * building and room name. Each group names the local day and time in its building's zone.
 */
export const boardSchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    groups: z.array(
      z.object({
        deliveryAt: instantSchema,
        /** Day and time in the building's zone, e.g. 2026-05-04 and 09:45. */
        localDate: z.string(),
        localTime: z.string(),
        buildingId: uuidSchema,
        buildingName: z.string(),
        roomId: uuidSchema,
        roomName: z.string(),
        orders: z.array(orderSchema),
      }),
    ),
    counts: z.object({ total: z.number().int(), needsAttention: z.number().int() }),
  })
  .meta({ id: 'OrderBoard' });
export type Board = z.infer<typeof boardSchema>;

export const statusChangeSchema = z
  .object({ status: facilityStatusSchema, note: z.string().trim().max(500).optional() })
  .strict()
  .meta({ id: 'OrderStatusChange' });

/** follow-event: adopt the event's current time, room and headcount anyway; keep: leave the order as agreed. */
export const attentionResolutionSchema = z
  .object({ action: z.enum(['follow-event', 'keep']) })
  .strict()
  .meta({ id: 'OrderAttentionResolution' });

export const exportQuerySchema = z
  .object({ from: instantSchema, to: instantSchema, buildingId: uuidSchema.optional() })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 24 * 3600_000, {
    message: 'at most 92 days',
    path: ['to'],
  })
  .meta({ id: 'OrderExportQuery' });
