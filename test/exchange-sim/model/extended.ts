import type { DistinguishedPropertySetId, ExtendedPropertyKey } from './api';

/** GUIDs of the distinguished property sets, so either spelling of a key finds the same property. */
const SET_GUIDS: Record<DistinguishedPropertySetId, string> = {
  Meeting: '6ED8DA90-450B-101B-98DA-00AA003F1305',
  Appointment: '00062002-0000-0000-C000-000000000046',
  Common: '00062008-0000-0000-C000-000000000046',
  PublicStrings: '00020329-0000-0000-C000-000000000046',
  Address: '00062004-0000-0000-C000-000000000046',
  InternetHeaders: '00020386-0000-0000-C000-000000000046',
  CalendarAssistant: '11000E07-B51B-40D6-AF21-CAA85EDAB1D0',
  UnifiedMessaging: '4442858E-A9E3-4E80-B900-317A210CC15B',
  Task: '00062003-0000-0000-C000-000000000046',
  Sharing: '00062040-0000-0000-C000-000000000046',
};

/**
 * Canonical string of a key. Named-property names compare case-sensitively as MAPI does for
 * string names; the type is part of the key, as in EWS.
 */
export function extendedKeyString(key: ExtendedPropertyKey): string {
  if (key.propertyTag !== undefined) return `tag:${key.propertyTag}:${key.propertyType}`;
  const set = (
    key.distinguishedPropertySetId ? SET_GUIDS[key.distinguishedPropertySetId] : (key.propertySetId ?? '')
  ).toUpperCase();
  const name = key.propertyName !== undefined ? `name:${key.propertyName}` : `id:${key.propertyId ?? ''}`;
  return `${set}:${name}:${key.propertyType}`;
}

export function isValidExtendedKey(key: ExtendedPropertyKey): boolean {
  const hasSet = key.distinguishedPropertySetId !== undefined || key.propertySetId !== undefined;
  const hasName = key.propertyName !== undefined || key.propertyId !== undefined;
  if (key.propertyTag !== undefined) return !hasSet && !hasName;
  return hasSet && hasName && !(key.propertyName !== undefined && key.propertyId !== undefined);
}
