/**
 * The add-in's only view of Outlook. Components reach it through <OfficeHostProvider>; the real
 * implementation (officeJsHost.ts) wraps Office.js, the fake (fakeOfficeHost.ts) keeps an
 * in-memory appointment for tests and the browser preview.
 */

export interface Person {
  readonly name: string;
  readonly email: string;
}

/** What the pane knows about the appointment at one moment. */
export interface AppointmentSnapshot {
  readonly start: Date;
  readonly end: Date;
  readonly requiredAttendees: readonly Person[];
  readonly optionalAttendees: readonly Person[];
  readonly location: string;
  /** In compose mode (Mailbox 1.1–1.5) the organizer is the signed-in user. */
  readonly organizer: Person;
  /** The EWS ItemId once the item exists in the mailbox: read mode, or after saveAsync. */
  readonly itemId: string | undefined;
  /** Organizer (compose) or attendee (read) surface. */
  readonly mode: 'organizer' | 'attendee';
}

/** What the add-in records on the item (Office custom properties, one JSON property per add-in). */
export interface RoomChoice {
  readonly roomId: string;
  readonly roomName: string;
  readonly roomEmail: string;
  readonly chosenAt: string;
}

export interface AddinProperties {
  readonly room?: RoomChoice;
  /** Orders placed from this appointment, so they can be listed again in compose mode (no item id before 1.8). */
  readonly orderIds?: readonly string[];
}

/** Features that depend on the Mailbox requirement set the host supports (detected at run time). */
export interface HostFeatures {
  /** Mailbox 1.3: saveAsync, needed to order catering for a new appointment. */
  readonly save: boolean;
  /** Mailbox 1.4: Office dialogs (a larger floor plan). */
  readonly dialog: boolean;
  /** Mailbox 1.5: closing the task pane from code. */
  readonly closePane: boolean;
}

export interface OfficeHost {
  readonly features: HostFeatures;
  readAppointment(): Promise<AppointmentSnapshot>;
  /** Adds the room as a required attendee: compose mode on 1.1–1.5 has no resource attendees. */
  addRequiredAttendee(person: Person): Promise<void>;
  setLocation(location: string): Promise<void>;
  /** Saves the item (it lands on the organizer's calendar, no invitations sent) and returns its EWS ItemId. */
  save(): Promise<string>;
  loadProperties(): Promise<AddinProperties>;
  /** Stores the properties on the item (saveAsync on Office's custom properties). */
  saveProperties(properties: AddinProperties): Promise<void>;
  /** The Exchange identity token, sent to our API as a bearer token. */
  identityToken(): Promise<string>;
  /** Only when `features.closePane`. */
  closePane(): void;
}

/** Failures of the host, with a code the pane turns into a sentence. */
export class OfficeHostError extends Error {
  override readonly name = 'OfficeHostError';

  constructor(
    readonly code: 'unsupported' | 'failed' | 'not_saved',
    message: string,
  ) {
    super(message);
  }
}

export function isOfficeHostError(error: unknown): error is OfficeHostError {
  return error instanceof OfficeHostError;
}

/** Everyone the meeting is for: attendees plus the organizer, each once (rooms excluded by the caller). */
export function headcountOf(appointment: AppointmentSnapshot, roomEmails: ReadonlySet<string> = new Set()): number {
  const emails = new Set<string>();
  for (const person of [appointment.organizer, ...appointment.requiredAttendees, ...appointment.optionalAttendees]) {
    const email = person.email.toLowerCase();
    if (!roomEmails.has(email)) emails.add(email);
  }
  return Math.max(1, emails.size);
}
