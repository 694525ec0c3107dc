import { z } from 'zod';
import { instantSchema, uuidSchema } from './common';

/**
 * Meeting-room displays (issue 14): a tablet beside a room's door, paired once with a short code
 * and then calling /api/display/* with its own device token, scoped to that one room.
 */

/** Letters and digits nobody confuses on a tablet keyboard or a label: no 0/O, 1/I/L. */
export const PAIRING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_CODE_TTL_MINUTES = 15;
/** The header the display app sends its build version in; admins see it per display. */
export const DISPLAY_VERSION_HEADER = 'X-Display-Version';
/** The header a display sends its PIN in, on every action while the display has one. */
export const DISPLAY_PIN_HEADER = 'X-Display-Pin';

export const displayCreateSchema = z.object({ roomId: uuidSchema }).strict();

export const displayCreatedSchema = z
  .object({
    id: uuidSchema,
    /** Shown once; the server keeps only its hash. Typed with or without the dash. */
    pairingCode: z.string().meta({ example: 'K7QM-XW3P' }),
    /** Opens the display page with the code filled in (for the QR code). */
    pairingUrl: z.url(),
    expiresAt: instantSchema,
  })
  .meta({ id: 'DisplayCreated' });

export const displayStatusSchema = z.enum(['awaiting-pairing', 'pairing-expired', 'paired']);

export const displaySchema = z
  .object({
    id: uuidSchema,
    roomId: uuidSchema,
    roomName: z.string(),
    status: displayStatusSchema,
    /** Seen within the last few polls; always false before pairing. */
    online: z.boolean(),
    lastSeenAt: instantSchema.nullable(),
    appVersion: z.string().nullable(),
    createdAt: instantSchema,
    pairedAt: instantSchema.nullable(),
    /** When the pairing code stops working; null once paired. */
    pairingExpiresAt: instantSchema.nullable(),
    /** Actions on this display need its PIN (the PIN itself is stored hashed and never shown). */
    pinSet: z.boolean(),
  })
  .meta({ id: 'Display' });

/** 4 to 8 digits, or null to remove the PIN. */
export const displayPinSchema = z
  .object({
    pin: z
      .string()
      .regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits')
      .nullable()
      .meta({ example: '4711' }),
  })
  .strict();
export type Display = z.infer<typeof displaySchema>;

export const displayListSchema = z.object({ items: z.array(displaySchema) });

export const pairRequestSchema = z
  .object({ code: z.string().trim().min(1).max(32).meta({ example: 'K7QM-XW3P' }) })
  .strict();

export const pairResponseSchema = z
  .object({
    /** The device token: send it as `Authorization: Bearer <token>` to /api/display/*. Shown once. */
    token: z.string(),
    roomId: uuidSchema,
  })
  .meta({ id: 'DisplayPairing' });

export const displayStateWordSchema = z.enum(['free', 'starting-soon', 'busy', 'awaiting-check-in', 'ending-soon']);
export type DisplayStateWord = z.infer<typeof displayStateWordSchema>;

/** A "book now" choice: minutes from now, or until the next meeting (or closing time). */
export const bookNowMinutesSchema = z.union([z.literal(15), z.literal(30), z.literal(60), z.literal('until-next')]);
export type BookNowMinutes = z.infer<typeof bookNowMinutesSchema>;

export const displayMeetingSchema = z.object({
  start: instantSchema,
  end: instantSchema,
  /** The subject, or "Booked" when subjects are hidden; never a private meeting's subject. */
  title: z.string(),
  /** Null when organizer names are hidden (or the meeting is private). */
  organizer: z.string().nullable(),
  status: z.enum(['pending', 'confirmed']),
  checkedIn: z.boolean(),
  /** Released (nobody checked in): shown greyed in `today`, but the room is no longer busy. */
  released: z.boolean(),
});
export type DisplayMeeting = z.infer<typeof displayMeetingSchema>;

export const nearbyFreeRoomSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  capacity: z.number().int(),
  floorName: z.string(),
  buildingName: z.string(),
  sameFloor: z.boolean(),
});

export const displayStateSchema = z
  .object({
    now: instantSchema,
    room: z.object({
      id: uuidSchema,
      name: z.string(),
      capacity: z.number().int(),
      tags: z.array(z.string()),
      floorName: z.string(),
      buildingName: z.string(),
      timeZone: z.string(),
    }),
    state: displayStateWordSchema,
    current: displayMeetingSchema.nullable(),
    /** Minutes until the current meeting ends, or until the next one starts when free; null when nothing follows today. */
    minutesLeft: z.number().int().nullable(),
    next: z.array(displayMeetingSchema),
    /** Every meeting of the room's local day. */
    today: z.array(displayMeetingSchema),
    /** When busy: rooms free for the next 30 minutes, same floor first, then the same building. */
    nearestFree: z.array(nearbyFreeRoomSchema),
    /** The "book now" choices that fit right now (before the next meeting and closing time); empty when the room is taken. */
    bookNowOptions: z.array(bookNowMinutesSchema),
    /** Whether this room needs a check-in (the effective setting). */
    checkInRequired: z.boolean(),
    /** The room's check-in window around a meeting's start, so the device can tell "awaiting check-in" on its own clock. */
    checkInWindow: z.object({ beforeMinutes: z.number().int(), afterMinutes: z.number().int() }),
    /** Actions on this display need the PIN (header X-Display-Pin). */
    pinRequired: z.boolean(),
  })
  .meta({ id: 'DisplayState' });
export type DisplayState = z.infer<typeof displayStateSchema>;

/** A fresh id per tap; the same id again (a double tap, a retry) acts once. */
const requestIdSchema = uuidSchema.meta({ description: 'Client-chosen id; a repeated id acts once.' });

export const bookNowSchema = z
  .object({
    minutes: bookNowMinutesSchema,
    requestId: requestIdSchema,
  })
  .strict();

export const extendSchema = z
  .object({ minutes: z.union([z.literal(15), z.literal(30)]), requestId: requestIdSchema })
  .strict();

export const displayActionSchema = z.object({ requestId: requestIdSchema }).strict();

export const displayActionResultSchema = z
  .object({
    requestId: uuidSchema,
    /** `pending` until the room's attendant answers; the state shows the outcome. */
    outcome: z.enum(['confirmed', 'pending']),
    state: displayStateSchema,
  })
  .meta({ id: 'DisplayActionResult' });

const checkInMinutesSchema = z.number().int().min(0).max(60);

/** What displays show and whether meetings need a check-in, for the whole installation. */
export const displaySettingsSchema = z
  .object({
    showSubjects: z.boolean(),
    showOrganizers: z.boolean(),
    checkInRequired: z.boolean(),
    /** The check-in window opens this many minutes before a meeting's start … */
    checkInWindowBeforeMinutes: checkInMinutesSchema,
    /** … and closes this many minutes after it. */
    checkInWindowAfterMinutes: checkInMinutesSchema.min(1),
    /** Minutes after a meeting's start without a check-in before the room releases it. */
    releaseAfterMinutes: z.number().int().min(1).max(60),
    /** What "book now" offers on the display. */
    bookNowOptions: z.array(bookNowMinutesSchema).min(1).max(4),
  })
  .strict()
  .meta({ id: 'DisplaySettings' });
export type DisplaySettingsView = z.infer<typeof displaySettingsSchema>;

/** One room's overrides; null (or left out) follows the installation's setting. */
export const roomDisplaySettingsSchema = z
  .object({
    showSubjects: z.boolean().nullable().default(null),
    showOrganizers: z.boolean().nullable().default(null),
    checkInRequired: z.boolean().nullable().default(null),
    checkInWindowBeforeMinutes: checkInMinutesSchema.nullable().default(null),
    checkInWindowAfterMinutes: checkInMinutesSchema.min(1).nullable().default(null),
    releaseAfterMinutes: z.number().int().min(1).max(60).nullable().default(null),
    bookNowOptions: z.array(bookNowMinutesSchema).min(1).max(4).nullable().default(null),
  })
  .strict()
  .meta({ id: 'RoomDisplaySettings' });
export type RoomDisplaySettingsView = z.infer<typeof roomDisplaySettingsSchema>;

/** The demo's paired display (demo only): its page with the device token in the fragment. */
export const demoDisplayLinkSchema = z.object({ url: z.url() }).meta({ id: 'DemoDisplayLink' });
