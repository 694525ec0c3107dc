import { formatClock, formatDay } from '../../../ui/time';
import { bookingStrings } from './strings';

/** "Monday, 4 May, 09:00–10:00" in the browser's clock. */
export function formatWhen(start: string | Date, end: string | Date): string {
  return bookingStrings.my.when(formatDay(new Date(start)), formatClock(start), formatClock(end));
}
