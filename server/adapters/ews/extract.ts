import * as ews from 'ews-javascript-api';
import {
  base64OfBinary,
  detached,
  type RawAppointment,
  type RawAttendee,
  type RawItemType,
  type RawResponse,
  type RawSensitivity,
} from './mapping';

/**
 * Reads an ews-javascript-api Appointment into plain data; the library throws for unloaded
 * properties. Every string is `detached` from the response text it was parsed out of, so what the
 * sync keeps (caches, queues) costs its own size and not the whole answer's.
 */

export const CLEAN_GLOBAL_OBJECT_ID = new ews.ExtendedPropertyDefinition(
  new ews.Guid('6ED8DA90-450B-101B-98DA-00AA003F1305'),
  35,
  ews.MapiPropertyType.Binary,
);

function loaded<T>(read: () => T): T | null {
  try {
    const value = read();
    return value === undefined ? null : value;
  } catch {
    return null;
  }
}

/** The library's property bag, which its typings keep internal. */
interface WithPropertyBag {
  readonly PropertyBag: { Contains(definition: ews.PropertyDefinitionBase): boolean };
}

/**
 * A property the response did not carry. Asking the library for it builds (and throws) an
 * exception with a stack trace, which cost a tenth of a first sync's CPU; the bag answers cheaply.
 */
function present<T>(item: ews.Appointment, definition: ews.PropertyDefinitionBase, read: () => T): T | null {
  if (!(item as unknown as WithPropertyBag).PropertyBag.Contains(definition)) return null;
  return loaded(read);
}

const text = (value: string | null | undefined): string | null => detached(value ?? null);

const toDate = (value: ews.DateTime | null): Date | null => (value ? new Date(value.TotalMilliSeconds) : null);

function enumName<T extends string>(
  table: Record<number, string>,
  value: number | null,
  allowed: readonly T[],
): T | null {
  if (value === null) return null;
  const name = table[value];
  return allowed.find((a) => a === name) ?? null;
}

const ITEM_TYPES: readonly RawItemType[] = ['Single', 'Occurrence', 'Exception', 'RecurringMaster'];
const RESPONSES: readonly RawResponse[] = [
  'Unknown',
  'Organizer',
  'Tentative',
  'Accept',
  'Decline',
  'NoResponseReceived',
];
const SENSITIVITIES: readonly RawSensitivity[] = ['Normal', 'Personal', 'Private', 'Confidential'];

function attendees(collection: ews.AttendeeCollection | null): RawAttendee[] {
  if (!collection) return [];
  return collection.GetEnumerator().map((a) => ({
    name: detached(a.Name ?? null),
    address: detached(a.Address ?? null),
    response: enumName(
      ews.MeetingResponseType as unknown as Record<number, string>,
      loaded(() => a.ResponseType),
      RESPONSES,
    ),
  }));
}

function cleanGlobalObjectIdOf(item: ews.Appointment): string | null {
  const props = present(item, ews.ItemSchema.ExtendedProperties, () => item.ExtendedProperties.GetEnumerator()) ?? [];
  const found = props.find((p) => p.PropertyDefinition.Id === 35);
  return found ? base64OfBinary(found.Value) : null;
}

export function extractAppointment(item: ews.Appointment): RawAppointment {
  const start = toDate(present(item, ews.AppointmentSchema.Start, () => item.Start));
  const end = toDate(present(item, ews.AppointmentSchema.End, () => item.End));
  const organizer = present(item, ews.AppointmentSchema.Organizer, () => item.Organizer);
  return {
    itemId: detached(item.Id.UniqueId),
    changeKey: detached(item.Id.ChangeKey ?? ''),
    cleanGlobalObjectId: cleanGlobalObjectIdOf(item),
    uid: text(present(item, ews.AppointmentSchema.ICalUid, () => item.ICalUid)),
    type:
      enumName(
        ews.AppointmentType as unknown as Record<number, string>,
        present(item, ews.AppointmentSchema.AppointmentType, () => item.AppointmentType),
        ITEM_TYPES,
      ) ?? 'Single',
    start: start ?? new Date(0),
    end: end ?? start ?? new Date(0),
    originalStart: toDate(present(item, ews.AppointmentSchema.OriginalStart, () => item.OriginalStart)),
    isCancelled: present(item, ews.AppointmentSchema.IsCancelled, () => item.IsCancelled) ?? false,
    subject: text(present(item, ews.AppointmentSchema.Subject, () => item.Subject)),
    body: text(present(item, ews.AppointmentSchema.Body, () => item.Body?.Text ?? null)),
    location: text(present(item, ews.AppointmentSchema.Location, () => item.Location)),
    sensitivity: enumName(
      ews.Sensitivity as unknown as Record<number, string>,
      present(item, ews.AppointmentSchema.Sensitivity, () => item.Sensitivity),
      SENSITIVITIES,
    ),
    organizer: organizer ? { name: text(organizer.Name), address: text(organizer.Address) } : null,
    requiredAttendees: attendees(present(item, ews.AppointmentSchema.RequiredAttendees, () => item.RequiredAttendees)),
    optionalAttendees: attendees(present(item, ews.AppointmentSchema.OptionalAttendees, () => item.OptionalAttendees)),
    resources: attendees(present(item, ews.AppointmentSchema.Resources, () => item.Resources)),
    joinOnlineMeetingUrl: text(
      present(item, ews.AppointmentSchema.JoinOnlineMeetingUrl, () => item.JoinOnlineMeetingUrl),
    ),
  };
}
