import {
  OfficeHostError,
  type AddinProperties,
  type AppointmentSnapshot,
  type HostFeatures,
  type OfficeHost,
  type Person,
} from './officeHost';

export interface FakeOfficeHostOptions {
  readonly appointment?: Partial<AppointmentSnapshot>;
  readonly features?: Partial<HostFeatures>;
  readonly properties?: AddinProperties;
  /** Where identity tokens come from, e.g. the Exchange simulator's POST /sim/identity-token. */
  readonly identityToken?: () => Promise<string>;
  /** The ItemId saveAsync hands out for a new item. */
  readonly savedItemId?: string;
}

/** Tomorrow 10:00–11:00 local time: a plausible meeting for the preview. */
function tomorrowAtTen(now: Date): { start: Date; end: Date } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0, 0, 0);
  return { start, end: new Date(start.getTime() + 60 * 60 * 1000) };
}

export function previewAppointment(now = new Date()): AppointmentSnapshot {
  return {
    ...tomorrowAtTen(now),
    requiredAttendees: [
      { name: 'Adele Vance', email: 'adele.vance@northwind.test' },
      { name: 'Lee Gu', email: 'lee.gu@northwind.test' },
    ],
    optionalAttendees: [{ name: 'Megan Bowen', email: 'megan.bowen@northwind.test' }],
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

  constructor(options: FakeOfficeHostOptions = {}) {
    this.appointment = { ...previewAppointment(), ...options.appointment };
    this.features = { save: true, dialog: true, closePane: true, ...options.features };
    this.properties = options.properties ?? {};
    this.tokenSource = options.identityToken;
    this.savedItemId = options.savedItemId ?? 'AAMkADfake-appointment-1';
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
    const itemId = this.appointment.itemId ?? this.savedItemId;
    this.change({ itemId });
    return Promise.resolve(itemId);
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
