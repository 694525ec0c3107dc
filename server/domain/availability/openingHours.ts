import { DateTime } from 'luxon';
import { WEEKDAYS, type OpeningHours } from '../../../shared/schemas/locations';
import { clipTo, mergeIntervals, type Interval } from './interval';

/**
 * When a building is open, in its own time zone. The one rule both the booking checks
 * (domain/bookings/rules.ts) and the room search use, so that a room the search shows as open is
 * one the booking accepts, and one it shows as closed is one the booking refuses.
 */

/** A building without any opening hours configured is always open. */
export function hasOpeningHours(openingHours: OpeningHours): boolean {
  return Object.values(openingHours).some((list) => list !== undefined && list.length > 0);
}

/** The instant of wall time `hhmm` on `day` (set, not added: a DST day is not 24 hours). */
const wallTime = (day: DateTime, hhmm: string): number => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour: hour ?? 0, minute: minute ?? 0 }).toMillis();
};

/**
 * The building's open stretches inside `window`: per local day the window touches, that
 * weekday's intervals as instants (wall times through luxon, so a DST day has its real length),
 * clipped to the window and merged; touching intervals (08–12 and 12–18) are one open stretch.
 */
export function openingIntervals(window: Interval, timeZone: string, openingHours: OpeningHours): Interval[] {
  if (!hasOpeningHours(openingHours)) return [window];
  const open: Interval[] = [];
  const last = DateTime.fromMillis(window.end, { zone: timeZone });
  for (
    let day = DateTime.fromMillis(window.start, { zone: timeZone }).startOf('day');
    day < last;
    day = day.plus({ days: 1 })
  ) {
    for (const hours of openingHours[WEEKDAYS[day.weekday - 1] ?? 'mon'] ?? []) {
      const from = wallTime(day, hours.open);
      const to = wallTime(day, hours.close);
      const clipped = to > from ? clipTo({ start: from, end: to }, window) : undefined;
      if (clipped) open.push(clipped);
    }
  }
  return mergeIntervals(open);
}

/** The parts of `window` when the building is closed, in time order; empty when open throughout. */
export function closedStretches(window: Interval, timeZone: string, openingHours: OpeningHours): Interval[] {
  const closed: Interval[] = [];
  let cursor = window.start;
  for (const open of openingIntervals(window, timeZone, openingHours)) {
    if (open.start > cursor) closed.push({ start: cursor, end: open.start });
    cursor = Math.max(cursor, open.end);
  }
  if (cursor < window.end) closed.push({ start: cursor, end: window.end });
  return closed;
}
