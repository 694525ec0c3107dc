/// <reference types="office-js" />
import { z } from 'zod';
import {
  OfficeHostError,
  type AddinProperties,
  type AppointmentSnapshot,
  type HostFeatures,
  type OfficeHost,
  type Person,
} from './officeHost';

/** What an older or foreign version of the add-in may have left on the item is checked, not trusted. */
const storedPropertiesSchema = z.object({
  room: z.object({ roomId: z.string(), roomName: z.string(), roomEmail: z.string(), chosenAt: z.string() }).optional(),
  orderIds: z.array(z.string()).optional(),
});

/** The one custom property the add-in keeps on an item (Outlook stores all of them as JSON in cecp-<add-in id>). */
const PROPERTY_NAME = 'roomserve';

type Compose = Office.AppointmentCompose;
type Read = Office.AppointmentRead;
type AnyItem = NonNullable<typeof Office.context.mailbox.item>;

/** Turns an Office callback API into a promise; a failure becomes an OfficeHostError with Office's message. */
function settle<T>(run: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    run((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new OfficeHostError('failed', result.error.message));
    });
  });
}

/** Compose-mode properties are objects with getAsync; in read mode they are plain values. */
function isCompose(item: AnyItem): boolean {
  const start: unknown = item.start;
  return typeof start === 'object' && start !== null && !(start instanceof Date);
}

function person(details: Office.EmailAddressDetails): Person {
  return { name: details.displayName, email: details.emailAddress };
}

export function detectFeatures(): HostFeatures {
  const supports = (version: string) => Office.context.requirements.isSetSupported('Mailbox', version);
  return { save: supports('1.3'), dialog: supports('1.4'), closePane: supports('1.5') };
}

/** Outlook through Office.js. Create it after Office.onReady. */
export class OfficeJsHost implements OfficeHost {
  readonly features = detectFeatures();
  /** saveAsync's answer: compose mode before Mailbox 1.8 has no other way to learn the item's id. */
  private savedItemId: string | undefined;
  private properties: Office.CustomProperties | undefined;

  private get item(): AnyItem {
    const item = Office.context.mailbox.item;
    if (!item) throw new OfficeHostError('unsupported', 'No Outlook item is open');
    return item;
  }

  async readAppointment(): Promise<AppointmentSnapshot> {
    const item = this.item;
    return isCompose(item) ? this.readCompose(item) : Promise.resolve(this.readRead(item));
  }

  private async readCompose(item: Compose): Promise<AppointmentSnapshot> {
    const [start, end, required, optional, location] = await Promise.all([
      settle<Date>((cb) => item.start.getAsync(cb)),
      settle<Date>((cb) => item.end.getAsync(cb)),
      settle<Office.EmailAddressDetails[]>((cb) => item.requiredAttendees.getAsync(cb)),
      settle<Office.EmailAddressDetails[]>((cb) => item.optionalAttendees.getAsync(cb)),
      settle<string>((cb) => item.location.getAsync(cb)),
    ]);
    const profile = Office.context.mailbox.userProfile;
    return {
      start,
      end,
      requiredAttendees: required.map(person),
      optionalAttendees: optional.map(person),
      location,
      organizer: { name: profile.displayName, email: profile.emailAddress },
      itemId: this.savedItemId,
      mode: 'organizer',
    };
  }

  private readRead(item: Read): AppointmentSnapshot {
    return {
      start: item.start,
      end: item.end,
      requiredAttendees: item.requiredAttendees.map(person),
      optionalAttendees: item.optionalAttendees.map(person),
      location: item.location,
      organizer: person(item.organizer),
      itemId: item.itemId,
      mode: 'attendee',
    };
  }

  private composeItem(): Compose {
    const item = this.item;
    if (!isCompose(item)) throw new OfficeHostError('unsupported', 'The meeting can only be changed by its organizer');
    return item;
  }

  async addRequiredAttendee(attendee: Person): Promise<void> {
    const item = this.composeItem();
    await settle<void>((cb) =>
      item.requiredAttendees.addAsync([{ displayName: attendee.name, emailAddress: attendee.email }], cb),
    );
  }

  async setLocation(location: string): Promise<void> {
    const item = this.composeItem();
    await settle<void>((cb) => item.location.setAsync(location, cb));
  }

  async save(): Promise<string> {
    if (!this.features.save) throw new OfficeHostError('unsupported', 'Saving needs Mailbox 1.3');
    const item = this.composeItem();
    const itemId = await settle<string>((cb) => item.saveAsync(cb));
    this.savedItemId = itemId;
    return itemId;
  }

  private async customProperties(): Promise<Office.CustomProperties> {
    const item = this.item;
    this.properties ??= await settle<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
    return this.properties;
  }

  async loadProperties(): Promise<AddinProperties> {
    const stored: unknown = (await this.customProperties()).get(PROPERTY_NAME);
    if (typeof stored !== 'string') return {};
    try {
      const parsed = storedPropertiesSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  async saveProperties(properties: AddinProperties): Promise<void> {
    const custom = await this.customProperties();
    custom.set(PROPERTY_NAME, JSON.stringify(properties));
    await settle<void>((cb) => custom.saveAsync(cb));
  }

  identityToken(): Promise<string> {
    return settle<string>((cb) => Office.context.mailbox.getUserIdentityTokenAsync(cb));
  }

  closePane(): void {
    Office.context.ui.closeContainer();
  }
}
