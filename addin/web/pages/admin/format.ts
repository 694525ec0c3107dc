import { formatDateTime } from '../../../ui/time';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** An instant from the API on the browser's clock (24-hour, as everywhere), or `fallback` when there is none. */
export function formatInstant(iso: string | null, fallback = ''): string {
  if (iso === null) return fallback;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatDateTime(at);
}

export function formatDay(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : dayFormat.format(at);
}
