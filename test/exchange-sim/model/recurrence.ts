import type {
  DayOfWeek,
  DayOfWeekIndex,
  DayOfWeekSpec,
  EpochMs,
  MonthName,
  Recurrence,
  RecurrencePattern,
} from './api';
import { EwsError } from './errors';
import { fromLocal, toLocal, type LocalParts } from './timezones';

/**
 * Recurrence expansion. Dates are handled as civil day numbers (days since 1970-01-01, no zone),
 * so the process time zone never matters; wall-clock times become instants in the item's own
 * IANA zone, which is where DST is honoured.
 */

const DAY_MS = 86_400_000;
const WEEKDAYS: readonly DayOfWeek[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS: readonly MonthName[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const INDEXES: readonly DayOfWeekIndex[] = ['First', 'Second', 'Third', 'Fourth', 'Last'];
/** Exchange refuses more than 999 numbered occurrences. */
export const MAX_NUMBERED_OCCURRENCES = 999;
const LAST_YEAR = 4500;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface Occurrence {
  /** 1-based position in the series (deleted occurrences keep their index). */
  readonly index: number;
  readonly originalStart: EpochMs;
  readonly originalEnd: EpochMs;
  readonly date: CivilDate;
}

export interface SeriesTiming {
  /** Start of the master (its wall-clock time of day is kept for every occurrence). */
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly ianaZone: string;
}

export function dayNumber(d: CivilDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

export function civilDate(dayNum: number): CivilDate {
  const dt = new Date(dayNum * DAY_MS);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** 0 = Sunday .. 6 = Saturday */
export function weekdayOf(dayNum: number): number {
  return (((dayNum + 4) % 7) + 7) % 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseCivilDate(text: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) throw new EwsError('ErrorInvalidRecurrence', `'${text}' is not a valid recurrence date.`);
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) {
    throw new EwsError('ErrorInvalidRecurrence', `'${text}' is not a valid recurrence date.`);
  }
  return d;
}

export function formatCivilDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function daysMatching(spec: DayOfWeekSpec): ReadonlySet<number> {
  if (spec === 'Day') return new Set([0, 1, 2, 3, 4, 5, 6]);
  if (spec === 'Weekday') return new Set([1, 2, 3, 4, 5]);
  if (spec === 'WeekendDay') return new Set([0, 6]);
  return new Set([WEEKDAYS.indexOf(spec)]);
}

function relativeDay(year: number, month: number, spec: DayOfWeekSpec, index: DayOfWeekIndex): number {
  const wanted = daysMatching(spec);
  const first = dayNumber({ year, month, day: 1 });
  const matches: number[] = [];
  for (let i = 0; i < daysInMonth(year, month); i++) if (wanted.has(weekdayOf(first + i))) matches.push(first + i);
  const pick = index === 'Last' ? matches[matches.length - 1] : matches[INDEXES.indexOf(index)];
  if (pick === undefined) throw new EwsError('ErrorInvalidRecurrence', 'The relative recurrence day does not exist.');
  return pick;
}

function absoluteDay(year: number, month: number, dayOfMonth: number): number {
  return dayNumber({ year, month, day: Math.min(dayOfMonth, daysInMonth(year, month)) });
}

/** Candidate days of the pattern, ascending, from the week/month/year containing `startDay`. */
function* patternDays(pattern: RecurrencePattern, startDay: number): Generator<number> {
  const start = civilDate(startDay);
  switch (pattern.kind) {
    case 'Daily':
      for (let d = startDay; ; d += pattern.interval) yield d;
    case 'Weekly': {
      const firstDow = WEEKDAYS.indexOf(pattern.firstDayOfWeek ?? 'Sunday');
      const weekStart = startDay - ((weekdayOf(startDay) - firstDow + 7) % 7);
      const wanted = new Set(pattern.daysOfWeek.map((d) => WEEKDAYS.indexOf(d)));
      for (let base = weekStart; ; base += 7 * pattern.interval) {
        for (let i = 0; i < 7; i++) if (wanted.has(weekdayOf(base + i))) yield base + i;
      }
    }
    case 'AbsoluteMonthly':
    case 'RelativeMonthly': {
      for (let m = start.year * 12 + start.month - 1; ; m += pattern.interval) {
        const year = Math.floor(m / 12);
        const month = (m % 12) + 1;
        yield pattern.kind === 'AbsoluteMonthly'
          ? absoluteDay(year, month, pattern.dayOfMonth)
          : relativeDay(year, month, pattern.daysOfWeek, pattern.dayOfWeekIndex);
      }
    }
    case 'AbsoluteYearly':
    case 'RelativeYearly': {
      const month = MONTHS.indexOf(pattern.month) + 1;
      for (let year = start.year; ; year++) {
        yield pattern.kind === 'AbsoluteYearly'
          ? absoluteDay(year, month, pattern.dayOfMonth)
          : relativeDay(year, month, pattern.daysOfWeek, pattern.dayOfWeekIndex);
      }
    }
  }
}

function requireInterval(interval: number, max: number): void {
  if (!Number.isInteger(interval) || interval < 1 || interval > max) {
    throw new EwsError('ErrorInvalidRecurrence', `The recurrence interval ${interval} is out of range 1..${max}.`);
  }
}

/** Throws ErrorInvalidRecurrence where Exchange would refuse the pattern or range. */
export function validateRecurrence(rec: Recurrence): void {
  const p = rec.pattern;
  switch (p.kind) {
    case 'Daily':
      requireInterval(p.interval, 999);
      break;
    case 'Weekly':
      requireInterval(p.interval, 99);
      if (p.daysOfWeek.length === 0)
        throw new EwsError('ErrorInvalidRecurrence', 'A weekly recurrence needs DaysOfWeek.');
      break;
    case 'AbsoluteMonthly':
    case 'RelativeMonthly':
      requireInterval(p.interval, 99);
      break;
    default:
      break;
  }
  if (
    (p.kind === 'AbsoluteMonthly' || p.kind === 'AbsoluteYearly') &&
    !(Number.isInteger(p.dayOfMonth) && p.dayOfMonth >= 1 && p.dayOfMonth <= 31)
  ) {
    throw new EwsError('ErrorInvalidRecurrence', `DayOfMonth ${p.dayOfMonth} is out of range 1..31.`);
  }
  const startDay = dayNumber(parseCivilDate(rec.range.startDate));
  if (rec.range.kind === 'EndDate' && dayNumber(parseCivilDate(rec.range.endDate)) < startDay) {
    throw new EwsError('ErrorInvalidRecurrence', 'The recurrence EndDate is earlier than its StartDate.');
  }
  if (rec.range.kind === 'Numbered') {
    const n = rec.range.numberOfOccurrences;
    if (!Number.isInteger(n) || n < 1 || n > MAX_NUMBERED_OCCURRENCES) {
      throw new EwsError(
        'ErrorInvalidRecurrence',
        `NumberOfOccurrences ${n} is out of range 1..${MAX_NUMBERED_OCCURRENCES}.`,
      );
    }
  }
}

function occurrenceAt(dayNum: number, index: number, timeOfDay: LocalParts, timing: SeriesTiming): Occurrence {
  const date = civilDate(dayNum);
  const originalStart = fromLocal({ ...timeOfDay, year: date.year, month: date.month, day: date.day }, timing.ianaZone);
  return { index, originalStart, originalEnd: originalStart + (timing.end - timing.start), date };
}

/** The series' days with their 1-based index, without any time-zone work (cheap). */
function* seriesDays(rec: Recurrence): Generator<{ readonly index: number; readonly day: number }> {
  const startDay = dayNumber(parseCivilDate(rec.range.startDate));
  const endDay = rec.range.kind === 'EndDate' ? dayNumber(parseCivilDate(rec.range.endDate)) : Number.POSITIVE_INFINITY;
  const limit = rec.range.kind === 'Numbered' ? rec.range.numberOfOccurrences : Number.POSITIVE_INFINITY;
  const lastDay = dayNumber({ year: LAST_YEAR, month: 1, day: 1 });
  let index = 0;
  for (const day of patternDays(rec.pattern, startDay)) {
    if (day < startDay) continue;
    if (day > endDay || day > lastDay || index >= limit) return;
    index += 1;
    yield { index, day };
  }
}

function localDay(ms: EpochMs, ianaZone: string): number {
  return dayNumber(toLocal(ms, ianaZone));
}

/** Every occurrence of the series in order (endless for NoEnd: the caller stops). */
export function* expandSeries(rec: Recurrence, timing: SeriesTiming): Generator<Occurrence> {
  const timeOfDay = toLocal(timing.start, timing.ianaZone);
  for (const { index, day } of seriesDays(rec)) yield occurrenceAt(day, index, timeOfDay, timing);
}

/**
 * Occurrences whose original span overlaps [from, to). Days far from the window are skipped
 * without converting them to instants (a long series stays cheap to query).
 */
export function occurrencesBetween(rec: Recurrence, timing: SeriesTiming, from: EpochMs, to: EpochMs): Occurrence[] {
  const timeOfDay = toLocal(timing.start, timing.ianaZone);
  const durationDays = Math.ceil((timing.end - timing.start) / DAY_MS);
  const firstDay = localDay(from, timing.ianaZone) - durationDays - 1;
  const lastDay = localDay(to, timing.ianaZone) + 1;
  const found: Occurrence[] = [];
  for (const { index, day } of seriesDays(rec)) {
    if (day < firstDay) continue;
    if (day > lastDay) break;
    const occ = occurrenceAt(day, index, timeOfDay, timing);
    if (occ.originalStart >= to) break;
    if (occ.originalEnd > from || (occ.originalStart === occ.originalEnd && occ.originalStart >= from)) found.push(occ);
  }
  return found;
}

export function firstOccurrence(rec: Recurrence, timing: SeriesTiming): Occurrence | undefined {
  for (const occ of expandSeries(rec, timing)) return occ;
  return undefined;
}

/** Occurrences from the end of a bounded series backwards (undefined for NoEnd). */
export function* lastOccurrences(rec: Recurrence, timing: SeriesTiming): Generator<Occurrence> {
  if (rec.range.kind === 'NoEnd') return;
  const days = [...seriesDays(rec)];
  const timeOfDay = toLocal(timing.start, timing.ianaZone);
  for (let i = days.length - 1; i >= 0; i--) {
    const entry = days[i];
    if (entry) yield occurrenceAt(entry.day, entry.index, timeOfDay, timing);
  }
}

/** Undefined for NoEnd series. */
export function lastOccurrence(rec: Recurrence, timing: SeriesTiming): Occurrence | undefined {
  for (const occ of lastOccurrences(rec, timing)) return occ;
  return undefined;
}

export function occurrenceByIndex(rec: Recurrence, timing: SeriesTiming, index: number): Occurrence | undefined {
  if (!Number.isInteger(index) || index < 1) return undefined;
  const timeOfDay = toLocal(timing.start, timing.ianaZone);
  for (const entry of seriesDays(rec))
    if (entry.index === index) return occurrenceAt(entry.day, entry.index, timeOfDay, timing);
  return undefined;
}

export function occurrenceByOriginalStart(
  rec: Recurrence,
  timing: SeriesTiming,
  originalStart: EpochMs,
): Occurrence | undefined {
  if (!Number.isFinite(originalStart)) return undefined;
  const target = localDay(originalStart, timing.ianaZone);
  const timeOfDay = toLocal(timing.start, timing.ianaZone);
  for (const { index, day } of seriesDays(rec)) {
    if (day < target - 1) continue;
    if (day > target + 1) return undefined;
    const occ = occurrenceAt(day, index, timeOfDay, timing);
    if (occ.originalStart === originalStart) return occ;
  }
  return undefined;
}
