import { buildingTimeNote, formatClock, formatDay } from '../../../ui/time';
import { bookingStrings } from './strings';

/**
 * "Monday, 4 May, 09:00–10:00" on the browser's clock; with the room's building's zone, followed by
 * the building's time where its clocks differ ("… (15:00–16:00 Europe/Berlin)"), so the time
 * matches what the facility board and the room's own people read.
 */
export function formatWhen(start: string | Date, end: string | Date, timeZone?: string): string {
  const when = bookingStrings.my.when(formatDay(new Date(start)), formatClock(start), formatClock(end));
  const there = timeZone === undefined ? undefined : buildingTimeNote(start, end, timeZone);
  return there === undefined ? when : `${when} (${there})`;
}
