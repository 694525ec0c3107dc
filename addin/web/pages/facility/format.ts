import { localDate } from '../../../ui/time';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** A YYYY-MM-DD day as people read it, e.g. "Monday, 4 May". */
export function dayLabel(date: string): string {
  const at = localDate(date, '12:00');
  return Number.isNaN(at.getTime()) ? date : dayFormat.format(at);
}

export function shortDayLabel(date: string): string {
  const at = localDate(date, '12:00');
  return Number.isNaN(at.getTime()) ? date : shortDayFormat.format(at);
}
