import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import { ProtocolError } from './responses';

/** Date-time conversions between EWS text and epoch milliseconds. */

const HAS_ZONE = /(Z|[+-]\d{2}:\d{2})$/i;

export function ianaForWindowsZone(windowsId: string): string | undefined {
  if (windowsId === 'UTC') return 'UTC';
  return findIana(windowsId)[0];
}

/**
 * An xs:dateTime as a request gives it. A value without offset is wall-clock time in `windowsZone`
 * (the item's StartTimeZone or the request's TimeZoneContext), else UTC, as Exchange reads it.
 */
export function parseEwsDateTime(text: string, windowsZone?: string): number {
  const value = text.trim();
  if (HAS_ZONE.test(value)) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new ProtocolError('ErrorInvalidRequest', `'${value}' is not a valid dateTime.`);
    return ms;
  }
  const zone = (windowsZone && ianaForWindowsZone(windowsZone)) ?? 'UTC';
  const dt = DateTime.fromISO(value, { zone });
  if (!dt.isValid) throw new ProtocolError('ErrorInvalidRequest', `'${value}' is not a valid dateTime.`);
  return dt.toMillis();
}

/** Local `YYYY-MM-DD` of an xs:date (an offset suffix such as `Z` or `-08:00` is ignored). */
export function parseEwsDate(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(text.trim());
  if (!m?.[1]) throw new ProtocolError('ErrorInvalidRequest', `'${text}' is not a valid date.`);
  return m[1];
}

/** Exchange writes dates of recurrence ranges with the zone offset of the item's start zone. */
export function formatRangeDate(date: string, windowsZone: string): string {
  const zone = ianaForWindowsZone(windowsZone);
  if (!zone) return `${date}Z`;
  const dt = DateTime.fromISO(date, { zone });
  const offset = dt.isValid ? dt.toFormat('ZZ') : '+00:00';
  return offset === '+00:00' ? `${date}Z` : `${date}${offset}`;
}

export function formatDurationMs(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(totalSeconds / 86400);
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const time = h || m || s ? `T${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}` : '';
  return `P${days ? `${days}D` : ''}${time || (days ? '' : 'T0S')}`;
}
