import { localDate } from '../../../ui/time';

/** Delivery times are read on the building's clocks, not the browser's. */
export function clockIn(at: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(at));
  } catch {
    // An unknown zone name must not take the board down; the browser's clock is the next best.
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(at),
    );
  }
}

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
