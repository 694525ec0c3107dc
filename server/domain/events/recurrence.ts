import { DateTime } from 'luxon';
import type { Recurrence, Weekday } from '../../../shared/schemas/events';
import { MAX_OCCURRENCES } from '../../../shared/schemas/events';

/**
 * The occurrences of an event's recurrence, as Exchange expands it: wall-clock times in the
 * building's zone (so a 09:00 meeting stays at 09:00 across a DST change), weeks starting on Sunday
 * (Exchange's default FirstDayOfWeek), a monthly date past the month's end falling on its last day,
 * and the fifth weekday of a month meaning the last one.
 */

export interface Occurrence {
  readonly start: Date;
  readonly end: Date;
}

export type ExpansionProblem =
  { readonly kind: 'too-many'; readonly limit: number } | { readonly kind: 'no-occurrence' };

export type Expansion =
  | { readonly ok: true; readonly occurrences: Occurrence[] }
  | { readonly ok: false; readonly problem: ExpansionProblem };

const LUXON_WEEKDAY: Readonly<Record<Weekday, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** Sunday of the week holding `day` (Sunday-first weeks). */
const weekStart = (day: DateTime): DateTime => day.minus({ days: day.weekday % 7 }).startOf('day');

/** 1..4 for the first to fourth such weekday of the month, 5 for a fifth (Exchange's "Last"). */
export function weekOfMonth(day: DateTime): number {
  return Math.ceil(day.day / 7);
}

function nthWeekday(year: number, month: number, weekday: number, nth: number, zone: string): DateTime | undefined {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone });
  const offset = (weekday - first.weekday + 7) % 7;
  const days: DateTime[] = [];
  for (let d = first.plus({ days: offset }); d.month === month; d = d.plus({ days: 7 })) days.push(d);
  return nth >= 5 ? days[days.length - 1] : days[nth - 1];
}

/** The days (in the zone, at midnight) the pattern puts a meeting on, from the first one on. */
function* days(rec: Recurrence, first: DateTime): Generator<DateTime> {
  const zone = first.zoneName ?? 'UTC';
  if (rec.pattern === 'daily') {
    for (let d = first; ; d = d.plus({ days: rec.interval })) yield d;
  }
  if (rec.pattern === 'weekly') {
    const wanted = [...new Set((rec.daysOfWeek ?? []).map((w) => LUXON_WEEKDAY[w] % 7))].sort((a, b) => a - b);
    for (let week = weekStart(first); ; week = week.plus({ weeks: rec.interval })) {
      for (const dow of wanted) {
        const day = week.plus({ days: dow });
        if (day >= first) yield day;
      }
    }
  }
  if (rec.pattern === 'monthly-date') {
    for (let m = 0; ; m += rec.interval) {
      const month = first.startOf('month').plus({ months: m });
      yield month.set({ day: Math.min(first.day, month.daysInMonth ?? 28) });
    }
  }
  if (rec.pattern === 'monthly-weekday') {
    const nth = weekOfMonth(first);
    for (let m = 0; ; m += rec.interval) {
      const month = first.startOf('month').plus({ months: m });
      const day = nthWeekday(month.year, month.month, first.weekday, nth, zone);
      if (day && day >= first) yield day;
    }
  }
}

/**
 * Every occurrence of the event starting at `start` (lasting until `end`) under `rec`, in `zone`.
 * Refused when there would be more than MAX_OCCURRENCES, or none at all.
 */
export function expandRecurrence(rec: Recurrence, start: Date, end: Date, zone: string): Expansion {
  const localStart = DateTime.fromJSDate(start, { zone });
  const durationMs = end.getTime() - start.getTime();
  const firstDay = localStart.startOf('day');
  const lastDay = rec.endDate ? DateTime.fromISO(rec.endDate, { zone }).startOf('day') : undefined;
  const limit = rec.count ?? Number.POSITIVE_INFINITY;
  const out: Occurrence[] = [];
  for (const day of days(rec, firstDay)) {
    if (lastDay && day > lastDay) break;
    if (out.length >= limit) break;
    if (out.length >= MAX_OCCURRENCES) return { ok: false, problem: { kind: 'too-many', limit: MAX_OCCURRENCES } };
    const occStart = day.set({
      hour: localStart.hour,
      minute: localStart.minute,
      second: localStart.second,
      millisecond: 0,
    });
    out.push({ start: occStart.toJSDate(), end: new Date(occStart.toMillis() + durationMs) });
  }
  if (out.length === 0) return { ok: false, problem: { kind: 'no-occurrence' } };
  return { ok: true, occurrences: out };
}
