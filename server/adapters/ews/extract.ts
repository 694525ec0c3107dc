import * as ews from 'ews-javascript-api';
import {
  base64OfBinary,
  type RawAppointment,
  type RawAttendee,
  type RawItemType,
  type RawResponse,
  type RawSensitivity,
} from './mapping';

/** Reads an ews-javascript-api Appointment into plain data; the library throws for unloaded properties. */

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
    name: a.Name ?? null,
    address: a.Address ?? null,
    response: enumName(
      ews.MeetingResponseType as unknown as Record<number, string>,
      loaded(() => a.ResponseType),
      RESPONSES,
    ),
  }));
}

function cleanGlobalObjectIdOf(item: ews.Appointment): string | null {
  const props = loaded(() => item.ExtendedProperties.GetEnumerator()) ?? [];
  const found = props.find((p) => p.PropertyDefinition.Id === 35);
  return found ? base64OfBinary(found.Value) : null;
}

export function extractAppointment(item: ews.Appointment): RawAppointment {
  const start = toDate(loaded(() => item.Start));
  const end = toDate(loaded(() => item.End));
  const organizer = loaded(() => item.Organizer);
  return {
    itemId: item.Id.UniqueId,
    changeKey: item.Id.ChangeKey ?? '',
    cleanGlobalObjectId: cleanGlobalObjectIdOf(item),
    uid: loaded(() => item.ICalUid),
    type:
      enumName(
        ews.AppointmentType as unknown as Record<number, string>,
        loaded(() => item.AppointmentType),
        ITEM_TYPES,
      ) ?? 'Single',
    start: start ?? new Date(0),
    end: end ?? start ?? new Date(0),
    originalStart: toDate(loaded(() => item.OriginalStart)),
    isCancelled: loaded(() => item.IsCancelled) ?? false,
    subject: loaded(() => item.Subject),
    body: loaded(() => item.Body?.Text ?? null),
    location: loaded(() => item.Location),
    sensitivity: enumName(
      ews.Sensitivity as unknown as Record<number, string>,
      loaded(() => item.Sensitivity),
      SENSITIVITIES,
    ),
    organizer: organizer ? { name: organizer.Name ?? null, address: organizer.Address ?? null } : null,
    requiredAttendees: attendees(loaded(() => item.RequiredAttendees)),
    optionalAttendees: attendees(loaded(() => item.OptionalAttendees)),
    resources: attendees(loaded(() => item.Resources)),
    joinOnlineMeetingUrl: loaded(() => item.JoinOnlineMeetingUrl),
  };
}
