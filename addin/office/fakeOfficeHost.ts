import {
  OfficeHostError,
  type AddinProperties,
  type AppointmentSnapshot,
  type HostFeatures,
  type OfficeHost,
  type Person,
} from './officeHost';

/**
 * Outlook's own part of the item, outside the add-in: where saving puts it and what Send does.
 * The preview in the demo passes one that saves into the signed-in user's mailbox in the bundled
 * Exchange simulator (through Roomserve's API); without one, saving only hands out `savedItemId`.
 */
export interface PreviewMailbox {
  /** Saves the item (new, or the changes of `itemId`) without sending it; returns its EWS ItemId. */
  save(appointment: AppointmentSnapshot, itemId: string | undefined): Promise<string>;
  /** Outlook's Send: the attendees and rooms on the item get the meeting request. */
  send(appointment: AppointmentSnapshot, itemId: string): Promise<void>;
}

export interface FakeOfficeHostOptions {
  readonly appointment?: Partial<AppointmentSnapshot>;
  readonly features?: Partial<HostFeatures>;
  readonly properties?: AddinProperties;
  /** Where identity tokens come from, e.g. the Exchange simulator's POST /sim/identity-token. */
  readonly identityToken?: () => Promise<string>;
  /** The ItemId saveAsync hands out for a new item (when there is no mailbox). */
  readonly savedItemId?: string;
  readonly mailbox?: PreviewMailbox;
}

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * The next working day (Monday to Friday) 10:00–11:00 local time: a plausible meeting for the
 * preview, when buildings are open and caterers deliver, whatever day someone tries it.
 */
export function nextWorkingDayAtTen(now: Date): { start: Date; end: Date } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0, 0, 0);
  while (start.getDay() === SATURDAY || start.getDay() === SUNDAY) start.setDate(start.getDate() + 1);
  return { start, end: new Date(start.getTime() + 60 * 60 * 1000) };
}

export function previewAppointment(now = new Date()): AppointmentSnapshot {
  return {
    ...nextWorkingDayAtTen(now),
    // People of the demo organisation, so that sending the preview's meeting reaches real mailboxes there.
    requiredAttendees: [
      { name: 'Lukas Meyer', email: 'lukas.meyer@northwind.test' },
      { name: 'Sophie Wagner', email: 'sophie.wagner@northwind.test' },
    ],
    optionalAttendees: [{ name: 'Jonas Becker', email: 'jonas.becker@northwind.test' }],
    location: '',
    organizer: { name: 'Eve Employee', email: 'eve.employee@northwind.test' },
    itemId: undefined,
    mode: 'organizer',
  };
}

/**
 * An Outlook appointment in memory. Tests read `appointment`, `properties` and `calls` back to see
 * what the pane did to the item, and in which order.
 */
export class FakeOfficeHost implements OfficeHost {
  readonly features: HostFeatures;
  readonly calls: string[] = [];
  appointment: AppointmentSnapshot;
  properties: AddinProperties;
  closed = false;
  private readonly tokenSource: (() => Promise<string>) | undefined;
  private readonly savedItemId: string;
  private readonly mailbox: PreviewMailbox | undefined;

  constructor(options: FakeOfficeHostOptions = {}) {
    this.appointment = { ...previewAppointment(), ...options.appointment };
    this.features = { save: true, dialog: true, closePane: true, ...options.features };
    this.properties = options.properties ?? {};
    this.tokenSource = options.identityToken;
    this.savedItemId = options.savedItemId ?? 'AAMkADfake-appointment-1';
    this.mailbox = options.mailbox;
  }

  /** Something outside the pane changed the item (the user moved the meeting, say). */
  change(change: Partial<AppointmentSnapshot>): void {
    this.appointment = { ...this.appointment, ...change };
  }

  async readAppointment(): Promise<AppointmentSnapshot> {
    this.calls.push('readAppointment');
    return Promise.resolve(this.appointment);
  }

  async addRequiredAttendee(person: Person): Promise<void> {
    this.calls.push('addRequiredAttendee');
    const known = this.appointment.requiredAttendees.some((p) => p.email.toLowerCase() === person.email.toLowerCase());
    if (!known) this.change({ requiredAttendees: [...this.appointment.requiredAttendees, person] });
    return Promise.resolve();
  }

  async setLocation(location: string): Promise<void> {
    this.calls.push('setLocation');
    this.change({ location });
    return Promise.resolve();
  }

  /**
   * Like Outlook's saveAsync: the item gets its id and lands on the organizer's calendar, and
   * nothing is sent — a new appointment reaches its attendees and rooms only when the user presses
   * Send, which is outside the add-in (tests send it through EWS, SendToAllAndSaveCopy).
   */
  async save(): Promise<string> {
    this.calls.push('save');
    if (!this.features.save) throw new OfficeHostError('unsupported', 'saveAsync needs Mailbox 1.3');
    const itemId = this.mailbox
      ? await this.mailbox.save(this.appointment, this.appointment.itemId)
      : (this.appointment.itemId ?? this.savedItemId);
    this.change({ itemId });
    return itemId;
  }

  /** Whether this Outlook can send the item (a preview with a mailbox behind it). */
  get canSend(): boolean {
    return this.mailbox !== undefined;
  }

  /** The user presses Send in Outlook (not something an add-in can do): saved first, then sent. */
  async send(): Promise<void> {
    this.calls.push('send');
    if (!this.mailbox) throw new OfficeHostError('unsupported', 'This fake Outlook has no mailbox to send from');
    const itemId = await this.save();
    await this.mailbox.send(this.appointment, itemId);
  }

  async loadProperties(): Promise<AddinProperties> {
    this.calls.push('loadProperties');
    return Promise.resolve(this.properties);
  }

  async saveProperties(properties: AddinProperties): Promise<void> {
    this.calls.push('saveProperties');
    this.properties = properties;
    return Promise.resolve();
  }

  async identityToken(): Promise<string> {
    this.calls.push('identityToken');
    if (!this.tokenSource) throw new OfficeHostError('unsupported', 'This fake Outlook mints no identity tokens');
    return this.tokenSource();
  }

  closePane(): void {
    this.calls.push('closePane');
    this.closed = true;
  }
}
