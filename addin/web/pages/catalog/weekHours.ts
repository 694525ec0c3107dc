import type { ItemAvailability } from '../../../../shared/schemas/catalog';
import { WEEKDAYS, type OpeningHours, type Weekday } from '../../../../shared/schemas/locations';

/**
 * Weekly hours edited as one line of text per weekday ("07:00-12:00, 13:00-18:00"), so any
 * number of intervals can be typed without a nested form. Empty means closed.
 */
export type WeekText = Record<Weekday, string>;

interface Interval {
  readonly start: string;
  readonly end: string;
}

const TIME = '([01]\\d|2[0-3]):[0-5]\\d';
const INTERVAL = new RegExp(`^(${TIME})\\s*[-–]\\s*(${TIME})$`);

function textOf(intervals: readonly Interval[] | undefined): string {
  return (intervals ?? []).map((i) => `${i.start}-${i.end}`).join(', ');
}

/** The intervals of one line, or undefined when any part is not HH:MM-HH:MM with start < end. */
export function parseDay(text: string): Interval[] | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const intervals: Interval[] = [];
  for (const part of parts) {
    const match = INTERVAL.exec(part);
    const start = match?.[1];
    const end = match?.[3];
    if (start === undefined || end === undefined || start >= end) return undefined;
    intervals.push({ start, end });
  }
  return intervals;
}

const weekOf = (line: (day: Weekday) => string): WeekText =>
  Object.fromEntries(WEEKDAYS.map((day) => [day, line(day)])) as WeekText;

export const emptyWeek = (): WeekText => weekOf(() => '');

export const weekTextOfHours = (hours: OpeningHours): WeekText =>
  weekOf((day) => textOf(hours[day]?.map((i) => ({ start: i.open, end: i.close }))));

export const weekTextOfAvailability = (availability: ItemAvailability | null): WeekText =>
  weekOf((day) => textOf(availability?.[day]?.map((i) => ({ start: i.from, end: i.to }))));

/** The weekdays whose line does not parse. */
export function invalidDays(week: WeekText): Weekday[] {
  return WEEKDAYS.filter((day) => parseDay(week[day]) === undefined);
}

function parsed(week: WeekText): [Weekday, Interval[]][] {
  return WEEKDAYS.flatMap((day): [Weekday, Interval[]][] => {
    const intervals = parseDay(week[day]) ?? [];
    return intervals.length > 0 ? [[day, intervals]] : [];
  });
}

export function hoursOfWeekText(week: WeekText): OpeningHours {
  return Object.fromEntries(
    parsed(week).map(([day, list]) => [day, list.map((i) => ({ open: i.start, close: i.end }))]),
  );
}

export function availabilityOfWeekText(week: WeekText): ItemAvailability {
  return Object.fromEntries(parsed(week).map(([day, list]) => [day, list.map((i) => ({ from: i.start, to: i.end }))]));
}
