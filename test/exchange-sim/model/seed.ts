/**
 * Seed files for the simulator. A seed is JSON:
 *
 * {
 *   "accounts": [                       // every mailbox of the organisation
 *     { "email": "svc-roomserve@northwind.test",   // primary SMTP address
 *       "username": "NORTHWIND\\svc-roomserve",     // logon; DOMAIN\user, user@domain or bare
 *       "password": "…",
 *       "displayName": "Roomserve Service",
 *       "kind": "user" | "room" | "service",
 *       "impersonation": true,                       // ApplicationImpersonation granted (default false)
 *       "calendarDefaultPermission": "AvailabilityOnly" // optional: None | AvailabilityOnly |
 *                                                   // LimitedDetails | Reviewer. Defaults: users and
 *                                                   // services AvailabilityOnly, rooms LimitedDetails
 *       "identityTokenUid": "mailboxGuid"            // optional: the msexchuid of its identity tokens,
 *                                                   // "mailboxGuid" (default; ResolveNames finds it) or
 *                                                   // "mailboxGuidAtServer" (`<guid>@<server host>`, the
 *                                                   // form of Microsoft's documented example, which
 *                                                   // ResolveNames does not find)
 *     } ],
 *   "roomLists": [ { "name": "Harbour House", "email": "harbour-house@northwind.test",
 *                    "rooms": ["room…@northwind.test"] } ],
 *   "attendant": {                       // Set-CalendarProcessing per room; omitted keys keep
 *     "room…@northwind.test": {          // Exchange's defaults (AutomateProcessing AutoAccept,
 *       "automateProcessing": "AutoUpdate", // BookingWindowInDays 180, …, see DEFAULT_CALENDAR_PROCESSING)
 *       "allowConflicts": false, "bookingWindowInDays": 180, "enforceSchedulingHorizon": true,
 *       "maximumDurationInMinutes": 1440, "allowRecurringMeetings": true,
 *       "conflictPercentageAllowed": 0, "maximumConflictInstances": 0,
 *       "deleteSubject": true, "addOrganizerToSubject": true, "deleteComments": true,
 *       "removePrivateProperty": true, "addNewRequestsTentatively": true,
 *       "resourceDelegates": ["frieda.facility@northwind.test"] } },
 *   "faults": [ { "kind": "serverBusy", "backOffMilliseconds": 5000, "count": 1 } ],  // optional, FaultSpec
 *   "concurrencyLimit": 27,              // optional, per-account EWSMaxConcurrency
 *   "items": [                           // optional: items written straight into a calendar
 *     { "mailbox": "room…@northwind.test", "subject": "Blocked", "start": "2026-01-05T09:00:00Z",
 *       "end": "2026-01-05T10:00:00Z", "timeZone": "W. Europe Standard Time", "location": "…",
 *       "body": { "type": "Text", "value": "…" }, "sensitivity": "Normal",
 *       "recurrence": { "pattern": { "kind": "Weekly", "interval": 1, "daysOfWeek": ["Monday"] },
 *                       "range": { "kind": "Numbered", "startDate": "2026-01-05", "numberOfOccurrences": 10 } },
 *       "extendedProperties": [ { "key": { "distinguishedPropertySetId": "PublicStrings",
 *           "propertyName": "cecp-…", "propertyType": "String" }, "value": "{…}" } ] } ],
 *   "meetings": [                        // optional: meetings as they stand after the attendants
 *     { "organizer": "emma.schmidt@northwind.test", // answered: organizer copy, accepted room copies
 *       "requiredAttendees": ["lukas.meyer@northwind.test"],  // (stripped per settings), tentative
 *       "optionalAttendees": [], "rooms": ["room…@northwind.test"],   // attendee copies; no
 *       "subject": "…", "start": "…", "end": "…", "timeZone": "…", "recurrence": { … } } ] // conflict checks
 * }
 *
 * `test/exchange-sim/seeds/demo.json` is the demo organisation, written from Roomserve's demo plug-in
 * (`npm run demo:simulator-seed`); edit the organisation there, not the file. Start and end are ISO instants.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const dayOfWeek = z.enum(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
const dayOfWeekSpec = z.union([dayOfWeek, z.enum(['Day', 'Weekday', 'WeekendDay'])]);
const dayOfWeekIndex = z.enum(['First', 'Second', 'Third', 'Fourth', 'Last']);
const month = z.enum([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// An explicit Z or offset keeps the seed independent of the process time zone.
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO date-time with Z or an offset')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date-time');

const recurrenceSchema = z.object({
  pattern: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('Daily'), interval: z.number().int() }),
    z.object({
      kind: z.literal('Weekly'),
      interval: z.number().int(),
      daysOfWeek: z.array(dayOfWeek),
      firstDayOfWeek: dayOfWeek.optional(),
    }),
    z.object({ kind: z.literal('AbsoluteMonthly'), interval: z.number().int(), dayOfMonth: z.number().int() }),
    z.object({
      kind: z.literal('RelativeMonthly'),
      interval: z.number().int(),
      daysOfWeek: dayOfWeekSpec,
      dayOfWeekIndex,
    }),
    z.object({ kind: z.literal('AbsoluteYearly'), dayOfMonth: z.number().int(), month }),
    z.object({ kind: z.literal('RelativeYearly'), daysOfWeek: dayOfWeekSpec, dayOfWeekIndex, month }),
  ]),
  range: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('NoEnd'), startDate: date }),
    z.object({ kind: z.literal('EndDate'), startDate: date, endDate: date }),
    z.object({ kind: z.literal('Numbered'), startDate: date, numberOfOccurrences: z.number().int() }),
  ]),
});

const extendedPropertySchema = z.object({
  key: z.object({
    distinguishedPropertySetId: z
      .enum([
        'Meeting',
        'Appointment',
        'Common',
        'PublicStrings',
        'Address',
        'InternetHeaders',
        'CalendarAssistant',
        'UnifiedMessaging',
        'Task',
        'Sharing',
      ])
      .optional(),
    propertySetId: z.string().optional(),
    propertyName: z.string().optional(),
    propertyId: z.number().int().optional(),
    propertyTag: z.number().int().optional(),
    propertyType: z.enum([
      'Binary',
      'BinaryArray',
      'Boolean',
      'CLSID',
      'CLSIDArray',
      'Currency',
      'CurrencyArray',
      'Double',
      'DoubleArray',
      'Float',
      'FloatArray',
      'Integer',
      'IntegerArray',
      'Long',
      'LongArray',
      'Short',
      'ShortArray',
      'SystemTime',
      'SystemTimeArray',
      'String',
      'StringArray',
      'ApplicationTime',
      'ApplicationTimeArray',
      'Error',
      'Null',
      'Object',
      'ObjectArray',
    ]),
  }),
  value: z.string().optional(),
  values: z.array(z.string()).optional(),
});

const email = z
  .string()
  .regex(/^[^@\s]+@[^@\s]+$/, 'an email address')
  .transform((s) => s.toLowerCase());

const itemFields = {
  subject: z.string().default(''),
  start: instant,
  end: instant,
  timeZone: z.string().default('UTC'),
  location: z.string().optional(),
  body: z.object({ type: z.enum(['HTML', 'Text']), value: z.string() }).optional(),
  sensitivity: z.enum(['Normal', 'Personal', 'Private', 'Confidential']).optional(),
  recurrence: recurrenceSchema.optional(),
  extendedProperties: z.array(extendedPropertySchema).optional(),
};

const settingsSchema = z
  .object({
    automateProcessing: z.enum(['AutoAccept', 'AutoUpdate', 'None']),
    allowConflicts: z.boolean(),
    bookingWindowInDays: z.number().int().min(0).max(1080),
    enforceSchedulingHorizon: z.boolean(),
    maximumDurationInMinutes: z.number().int().min(0),
    allowRecurringMeetings: z.boolean(),
    conflictPercentageAllowed: z.number().int().min(0).max(100),
    maximumConflictInstances: z.number().int().min(0),
    deleteSubject: z.boolean(),
    addOrganizerToSubject: z.boolean(),
    deleteComments: z.boolean(),
    deleteAttachments: z.boolean(),
    removePrivateProperty: z.boolean(),
    addNewRequestsTentatively: z.boolean(),
    processExternalMeetingMessages: z.boolean(),
    resourceDelegates: z.array(email),
  })
  .partial()
  .strict();

const faultMatch = z
  .object({ operation: z.string().optional(), account: z.string().optional(), mailbox: z.string().optional() })
  .optional();
const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('serverBusy'),
    backOffMilliseconds: z.number().int().min(0),
    match: faultMatch,
    count: z.number().int().min(1).optional(),
  }),
  z.object({ kind: z.literal('http503'), match: faultMatch, count: z.number().int().min(1).optional() }),
  z.object({
    kind: z.literal('latency'),
    latencyMs: z.number().int().min(0),
    match: faultMatch,
    count: z.number().int().min(1).optional(),
  }),
  z.object({ kind: z.literal('mailboxMoveInProgress'), match: faultMatch, count: z.number().int().min(1).optional() }),
  z.object({ kind: z.literal('dropStream'), match: faultMatch, count: z.number().int().min(1).optional() }),
]);

export const seedSchema = z
  .object({
    accounts: z.array(
      z
        .object({
          email,
          username: z.string().min(1),
          password: z.string(),
          displayName: z.string().min(1),
          kind: z.enum(['user', 'room', 'service']),
          impersonation: z.boolean().default(false),
          calendarDefaultPermission: z.enum(['None', 'AvailabilityOnly', 'LimitedDetails', 'Reviewer']).optional(),
          identityTokenUid: z.enum(['mailboxGuid', 'mailboxGuidAtServer']).default('mailboxGuid'),
        })
        .strict(),
    ),
    roomLists: z.array(z.object({ name: z.string().min(1), email, rooms: z.array(email) }).strict()).default([]),
    attendant: z.record(z.string(), settingsSchema).default({}),
    faults: z.array(faultSchema).default([]),
    concurrencyLimit: z.number().int().min(1).optional(),
    items: z.array(z.object({ mailbox: email, uid: z.string().optional(), ...itemFields }).strict()).default([]),
    meetings: z
      .array(
        z
          .object({
            organizer: email,
            requiredAttendees: z.array(email).default([]),
            optionalAttendees: z.array(email).default([]),
            rooms: z.array(email).default([]),
            ...itemFields,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type SeedFile = z.infer<typeof seedSchema>;
export type SeedAccount = SeedFile['accounts'][number];
export type SeedItem = SeedFile['items'][number];
export type SeedMeeting = SeedFile['meetings'][number];

/** Thrown for a seed that does not parse; `code` is stable. */
export class SeedError extends Error {
  readonly code = 'SEED_INVALID';
}

/** Validates a parsed JSON value as a seed, including cross references. */
export function parseSeed(json: unknown): SeedFile {
  const result = seedSchema.safeParse(json);
  if (!result.success) {
    throw new SeedError(
      `invalid seed: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const seed = result.data;
  const kinds = new Map(seed.accounts.map((a) => [a.email, a.kind] as const));
  if (kinds.size !== seed.accounts.length) throw new SeedError('invalid seed: duplicate account email');
  const requireKind = (address: string, kind: string | undefined, where: string): void => {
    const actual = kinds.get(address);
    if (actual === undefined || (kind !== undefined && actual !== kind)) {
      throw new SeedError(`invalid seed: ${where} names ${address}, which is not a ${kind ?? 'known'} account`);
    }
  };
  for (const list of seed.roomLists)
    for (const room of list.rooms) requireKind(room, 'room', `room list ${list.email}`);
  for (const room of Object.keys(seed.attendant)) requireKind(room.toLowerCase(), 'room', 'attendant');
  for (const item of seed.items) requireKind(item.mailbox, undefined, 'an item');
  for (const m of seed.meetings) {
    requireKind(m.organizer, undefined, 'a meeting');
    for (const room of m.rooms) requireKind(room, 'room', 'a meeting');
  }
  return seed;
}

/** Loads `demo` (seeds/demo.json) or a path to a seed JSON file. */
export function loadSeedFile(nameOrPath: string): SeedFile {
  const file = nameOrPath === 'demo' ? path.join(__dirname, '..', 'seeds', 'demo.json') : nameOrPath;
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SeedError(`invalid seed ${file}: ${(e as Error).message}`);
  }
  return parseSeed(json);
}
