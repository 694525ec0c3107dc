import { localDate } from './time';

/** The hours a room's day is drawn over, widened when the chosen window lies outside them. */
export const DAY_START_HOUR = 7;
export const DAY_END_HOUR = 20;

export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

export interface PlacedInterval extends Interval {
  /** Offset and width within the day, in percent. */
  readonly left: number;
  readonly width: number;
  readonly title?: string;
}

export interface DayTimelineModel {
  readonly day: Interval;
  readonly selection: PlacedInterval;
  readonly busy: readonly PlacedInterval[];
  /** When the room's building is closed (its opening hours). */
  readonly closed: readonly PlacedInterval[];
}

export interface BusyInput {
  readonly start: string;
  readonly end: string;
  readonly title?: string;
}

function floorHour(at: Date): Date {
  const hour = new Date(at);
  hour.setMinutes(0, 0, 0);
  return hour;
}

function ceilHour(at: Date): Date {
  const hour = floorHour(at);
  if (hour < at) hour.setHours(hour.getHours() + 1);
  return hour;
}

function dayRange(date: string, selection: Interval): Interval {
  const start = localDate(date, `${String(DAY_START_HOUR).padStart(2, '0')}:00`);
  const end = localDate(date, `${DAY_END_HOUR}:00`);
  return {
    start: selection.start < start ? floorHour(selection.start) : start,
    end: selection.end > end ? ceilHour(selection.end) : end,
  };
}

function place(day: Interval, interval: Interval, title?: string): PlacedInterval | undefined {
  const from = Math.max(interval.start.getTime(), day.start.getTime());
  const to = Math.min(interval.end.getTime(), day.end.getTime());
  if (to <= from) return undefined;
  const length = day.end.getTime() - day.start.getTime();
  const placed = {
    start: new Date(from),
    end: new Date(to),
    left: ((from - day.start.getTime()) / length) * 100,
    width: ((to - from) / length) * 100,
  };
  return title === undefined ? placed : { ...placed, title };
}

function placeAll(day: Interval, list: readonly BusyInput[]): PlacedInterval[] {
  return list
    .map((b) => place(day, { start: new Date(b.start), end: new Date(b.end) }, b.title))
    .filter((b): b is PlacedInterval => b !== undefined)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Where the busy blocks, the building's closed hours and the chosen window sit on the day's bar. */
export function dayTimeline(
  date: string,
  selection: Interval,
  busy: readonly BusyInput[],
  closed: readonly BusyInput[] = [],
): DayTimelineModel {
  const day = dayRange(date, selection);
  const chosen = place(day, selection) ?? { ...selection, left: 0, width: 0 };
  return { day, selection: chosen, busy: placeAll(day, busy), closed: placeAll(day, closed) };
}
