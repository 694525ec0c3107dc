import { dateText, localDate } from '../../../ui/time';
import { dayTimeline, type BusyInput, type PlacedInterval } from '../../../ui/timeline';

/** The date `days` days after `date` (both YYYY-MM-DD), across month ends and clock changes. */
export function addDays(date: string, days: number): string {
  const at = localDate(date, '12:00');
  at.setDate(at.getDate() + days);
  return dateText(at);
}

/** The instants a week's schedule is asked for: its first day 00:00 to 00:00 seven days later. */
export function weekWindow(first: string): { from: Date; to: Date } {
  return { from: localDate(first, '00:00'), to: localDate(addDays(first, 7), '00:00') };
}

export interface WeekDay {
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
  readonly busy: readonly PlacedInterval[];
}

/**
 * Seven days from `first`, each drawn over the room's usual day (07:00–20:00, widened by nothing:
 * the room page has no chosen window), with the bookings that fall on it.
 */
export function weekDays(first: string, busy: readonly BusyInput[]): WeekDay[] {
  return Array.from({ length: 7 }, (_unused, offset) => {
    const date = addDays(first, offset);
    // An empty window at the day's first hour leaves the usual drawn hours as they are.
    const opening = localDate(date, '07:00');
    const model = dayTimeline(date, { start: opening, end: opening }, busy);
    return { date, start: model.day.start, end: model.day.end, busy: model.busy };
  });
}
