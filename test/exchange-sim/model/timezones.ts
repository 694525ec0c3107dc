import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import type { EpochMs } from './api';
import { EwsError } from './errors';

/** Wall-clock parts in some zone. month 1..12, weekday 1 = Monday .. 7 = Sunday (ISO). */
export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const cache = new Map<string, string>();

/** IANA zone of a Windows zone id, via the CLDR windowsZones mapping (territory 001 first). */
export function windowsToIana(windowsZoneId: string): string {
  const cached = cache.get(windowsZoneId);
  if (cached) return cached;
  const iana = findIana(windowsZoneId, '001')[0] ?? findIana(windowsZoneId)[0];
  if (!iana || !DateTime.local({ zone: iana }).isValid) {
    throw new EwsError('ErrorTimeZone', `The time zone '${windowsZoneId}' is not a valid Windows time zone id.`);
  }
  cache.set(windowsZoneId, iana);
  return iana;
}

export function isKnownWindowsZone(windowsZoneId: string): boolean {
  try {
    windowsToIana(windowsZoneId);
    return true;
  } catch {
    return false;
  }
}

export function toLocal(ms: EpochMs, ianaZone: string): LocalParts {
  const dt = DateTime.fromMillis(ms, { zone: ianaZone });
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    millisecond: dt.millisecond,
  };
}

/** The instant of a wall-clock time; times in a DST gap move forward by the gap, as Exchange does. */
export function fromLocal(parts: LocalParts, ianaZone: string): EpochMs {
  return DateTime.fromObject(
    {
      year: parts.year,
      month: parts.month,
      day: parts.day,
      hour: parts.hour,
      minute: parts.minute,
      second: parts.second,
      millisecond: parts.millisecond,
    },
    { zone: ianaZone },
  ).toMillis();
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDateString(ms: EpochMs, ianaZone: string): string {
  return DateTime.fromMillis(ms, { zone: ianaZone }).toFormat('yyyy-MM-dd');
}
