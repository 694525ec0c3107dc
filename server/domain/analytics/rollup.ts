import { DateTime } from 'luxon';
import { joinHours, roomHours, type HourCells } from './heatmap';
import { nextDate, rangeWindow } from './intervals';
import { rawTotals, type TotalsSource } from './report';
import { roomTotals, sumTotals, EMPTY_TOTALS, type Totals } from './roomTotals';
import { compactTally, joinTallies, type Tally } from './tally';
import type { CountersSource, WeekCounters } from './trend';
import type { AnalyticsRoom, BookingFact, DateRange } from './types';

/**
 * One room's sums over some days, independent of whether the room requires check-in (that
 * setting is applied when read, so changing it needs no recomputation).
 */
export interface RollupSums {
  readonly roomId: string;
  readonly openMs: number;
  readonly bookedMs: number;
  /** Checked-in time, as if the room required check-in. */
  readonly occupiedMs: number;
  readonly releasedMs: number;
  readonly bookings: number;
  readonly recurring: number;
  /** Bookings that would need a check-in in a room that requires it (not booked at the display). */
  readonly checkInCandidates: number;
  readonly released: number;
  readonly sized: number;
  readonly underHalfCapacity: number;
  readonly overCapacity: number;
  readonly lengths: Tally;
  readonly leadMinutes: Tally;
}

/** One room's sums for one local day. */
export interface RollupDay extends RollupSums {
  /** The building's local date, YYYY-MM-DD. */
  readonly day: string;
  /** The bookings that contributed to the day, so a changed booking finds the days to recompute. */
  readonly bookingIds: readonly string[];
  /** Open and booked time per hour of the day (its weekday's cells), for the heat map. */
  readonly hours: HourCells;
}

/** The room's sums for one local day, computed from the raw facts by the same rules as any range. */
export function rollupDay(room: AnalyticsRoom, bookings: readonly BookingFact[], day: string): RollupDay {
  const t = roomTotals({ ...room, checkInRequired: true }, bookings, { from: day, to: day });
  const window = rangeWindow({ from: day, to: day }, room.timeZone) ?? { start: 0, end: 0 };
  return {
    roomId: room.id,
    day,
    openMs: t.openMs,
    bookedMs: t.bookedMs,
    occupiedMs: t.checkedInMs,
    releasedMs: t.releasedMs,
    bookings: t.bookings,
    recurring: t.recurring,
    checkInCandidates: t.neededCheckIn,
    released: t.released,
    sized: t.sized,
    underHalfCapacity: t.underHalfCapacity,
    overCapacity: t.overCapacity,
    lengths: t.lengths,
    leadMinutes: t.leadMinutes,
    bookingIds: bookings
      .filter((b) => b.roomId === room.id && b.start < window.end && b.end > window.start)
      .map((b) => b.id),
    hours: roomHours(room, bookings, { from: day, to: day }),
  };
}

/**
 * One room's days of one Monday-to-Sunday week summed, cut to the dates read (`from`–`to`): what a
 * long range reads instead of its days (the store sums them in SQL, `weekSpans` here).
 */
export interface RollupSpan extends RollupSums {
  readonly from: string;
  readonly to: string;
}

/** The Monday of a date's week (calendar arithmetic). */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  return at.toISOString().slice(0, 10);
}

const laterOf = (a: string, b: string) => (a > b ? a : b);
const earlierOf = (a: string, b: string) => (a < b ? a : b);
/** Calendar arithmetic on a date, days may be negative. */
export function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * The whole Monday-to-Sunday weeks inside a range (from the first Monday to the last Sunday, if
 * any) and the cut weeks at its edges: the store reads the first from its weekly rows and sums
 * the days of the others.
 */
export function wholeWeeksOf(range: DateRange): { readonly whole: DateRange | undefined; readonly edges: DateRange[] } {
  const startMonday = mondayOf(range.from);
  const firstMonday = startMonday === range.from ? startMonday : plusDays(startMonday, 7);
  const lastSunday = plusDays(mondayOf(plusDays(range.to, 1)), -1);
  if (firstMonday > lastSunday) return { whole: undefined, edges: [range] };
  const edges: DateRange[] = [];
  if (range.from < firstMonday) edges.push({ from: range.from, to: plusDays(firstMonday, -1) });
  if (lastSunday < range.to) edges.push({ from: plusDays(lastSunday, 1), to: range.to });
  return { whole: { from: firstMonday, to: lastSunday }, edges };
}

/** Days grouped per room and Monday-to-Sunday week. */
function byWeek(
  days: readonly RollupDay[],
): { readonly roomId: string; readonly monday: string; readonly days: RollupDay[] }[] {
  const groups = new Map<string, { roomId: string; monday: string; days: RollupDay[] }>();
  for (const d of days) {
    const monday = mondayOf(d.day);
    const key = `${d.roomId}|${monday}`;
    const group = groups.get(key);
    if (group) group.days.push(d);
    else groups.set(key, { roomId: d.roomId, monday, days: [d] });
  }
  return [...groups.values()];
}

/** Days of the dates `read` summed per room and week, as the store's weekly read gives them. */
export function weekSpans(days: readonly RollupDay[], read: DateRange): RollupSpan[] {
  return byWeek(days.filter((d) => d.day >= read.from && d.day <= read.to)).map((g) => ({
    ...sumRollup(g.days),
    roomId: g.roomId,
    from: laterOf(g.monday, read.from),
    to: earlierOf(plusDays(g.monday, 6), read.to),
  }));
}

/** One room's stored days of one Monday-to-Sunday week summed: the store's weekly row. */
export interface RollupWeekSums extends RollupSums {
  /** The week's Monday. */
  readonly week: string;
  readonly hours: HourCells;
}

/** The weekly rows of the given days (all the days stored of each week they touch). */
export function weekSums(days: readonly RollupDay[]): RollupWeekSums[] {
  return byWeek(days).map((g) => ({
    ...sumRollup(g.days),
    roomId: g.roomId,
    week: g.monday,
    hours: joinHours(g.days.map((d) => d.hours)),
  }));
}

/** One room's hour cells over a range. */
export interface RoomHours {
  readonly roomId: string;
  readonly hours: HourCells;
}

/**
 * Each room's hour cells over `read` as the store reads them: its whole weeks from the weekly
 * rows, the cut weeks at the edges from the days.
 */
export function hoursOfDays(days: readonly RollupDay[], read: DateRange): RoomHours[] {
  const { whole, edges } = wholeWeeksOf(read);
  const parts = new Map<string, HourCells[]>();
  const add = (roomId: string, hours: HourCells) => parts.set(roomId, [...(parts.get(roomId) ?? []), hours]);
  if (whole)
    for (const w of weekSums(days.filter((d) => d.day >= whole.from && d.day <= whole.to))) add(w.roomId, w.hours);
  for (const edge of edges) for (const d of days) if (d.day >= edge.from && d.day <= edge.to) add(d.roomId, d.hours);
  return [...parts.entries()].map(([roomId, list]) => ({ roomId, hours: joinHours(list) }));
}

function sumRollup(list: readonly RollupSums[]): Omit<RollupSums, 'roomId'> {
  const counters = [
    'openMs',
    'bookedMs',
    'occupiedMs',
    'releasedMs',
    'bookings',
    'recurring',
    'checkInCandidates',
    'released',
    'sized',
    'underHalfCapacity',
    'overCapacity',
  ] as const;
  const sum = Object.fromEntries(counters.map((k) => [k, 0])) as Record<(typeof counters)[number], number>;
  for (const d of list) for (const k of counters) sum[k] += d[k];
  return {
    ...sum,
    lengths: joinTallies(list.map((d) => d.lengths)),
    leadMinutes: joinTallies(list.map((d) => d.leadMinutes)),
  };
}

/** One part as it is: the trend asks for every room's every week, each one span. */
const sumOf = (parts: readonly Totals[]): Totals => (parts.length === 1 && parts[0] ? parts[0] : sumTotals(parts));

/** A room's totals from its rollup days or spans; the room's check-in setting applies here. */
export function totalsFromRollup(room: AnalyticsRoom, days: readonly RollupSums[]): Totals {
  const required = room.checkInRequired;
  const totals = sumOf(
    days
      .filter((d) => d.roomId === room.id)
      .map((d): Totals => ({
        ...EMPTY_TOTALS,
        openMs: d.openMs,
        bookedMs: d.bookedMs,
        checkInOpenMs: required ? d.openMs : 0,
        checkedInMs: required ? d.occupiedMs : 0,
        releasedMs: d.releasedMs,
        bookings: d.bookings,
        recurring: d.recurring,
        lengths: d.lengths,
        neededCheckIn: required ? d.checkInCandidates : 0,
        released: required ? d.released : 0,
        sized: d.sized,
        underHalfCapacity: d.underHalfCapacity,
        overCapacity: d.overCapacity,
        leadMinutes: d.leadMinutes,
      })),
  );
  // A room's few distinct lengths as one part, so its floor, building and the whole add one part
  // per room, not one per week; the lead times are only ever read for the whole, so left as parts.
  return totals.lengths.length <= 1 ? totals : { ...totals, lengths: compactTally(totals.lengths) };
}

/** The local dates, in the zone, that a span of time touches. */
export function daysTouched(span: { start: number; end: number }, timeZone: string): string[] {
  const days: string[] = [];
  const last = DateTime.fromMillis(Math.max(span.start, span.end - 1), { zone: timeZone }).startOf('day');
  for (let d = DateTime.fromMillis(span.start, { zone: timeZone }).startOf('day'); d <= last; d = d.plus({ days: 1 }))
    days.push(d.toISODate() ?? '');
  return days;
}

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) dates.push(d);
  return dates;
}

/** The part of `range` inside `coverage`, and the parts before and after it. */
export function splitByCoverage(
  range: DateRange,
  coverage: DateRange | undefined,
): { readonly covered: DateRange | undefined; readonly outside: DateRange[] } {
  if (!coverage || coverage.to < range.from || coverage.from > range.to)
    return { covered: undefined, outside: [range] };
  const covered = {
    from: range.from > coverage.from ? range.from : coverage.from,
    to: range.to < coverage.to ? range.to : coverage.to,
  };
  const outside: DateRange[] = [];
  if (range.from < covered.from) outside.push({ from: range.from, to: plusDays(covered.from, -1) });
  if (range.to > covered.to) outside.push({ from: plusDays(covered.to, 1), to: range.to });
  return { covered, outside };
}

/** Spans grouped per room, each room's in date order. */
function byRoomInOrder<S extends DateRange & { readonly roomId: string }>(spans: readonly S[]): Map<string, S[]> {
  const byRoom = new Map<string, S[]>();
  for (const d of spans) {
    const list = byRoom.get(d.roomId);
    if (list) list.push(d);
    else byRoom.set(d.roomId, [d]);
  }
  for (const list of byRoom.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return byRoom;
}

/**
 * The spans inside `range`, from one room's spans in date order (they never overlap, so their
 * ends are in order too): the trend asks for every week of every room, so this is a search, not
 * a scan of the room's year.
 */
function spansWithin<S extends DateRange>(sorted: readonly S[], range: DateRange): S[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as S).to < range.from) lo = mid + 1;
    else hi = mid;
  }
  const inside: S[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] as S).from <= range.to; i += 1) {
    const d = sorted[i] as S;
    if (d.from < range.from || d.to > range.to)
      throw new Error(`Rollup week ${d.from}–${d.to} is cut by the range ${range.from}–${range.to}`);
    inside.push(d);
  }
  return inside;
}

/**
 * Totals from the rollup inside its coverage and from the raw bookings outside it: the same
 * figures as the raw bookings alone give (rollup.test.ts), without reading a long range's bookings.
 * `spans` are the weeks of the covered part of the range read; a range asked for here is that
 * range or one of its weeks (the trend), so every span lies wholly inside or outside it.
 */
export function rollupTotalsSource(
  spans: readonly RollupSpan[],
  bookings: readonly BookingFact[],
  coverage: DateRange | undefined,
): TotalsSource {
  const raw = rawTotals(bookings);
  const byRoom = byRoomInOrder(spans);
  return (room, range) => {
    const { covered, outside } = splitByCoverage(range, coverage);
    const parts = outside.map((part) => raw(room, part));
    if (covered) parts.push(totalsFromRollup(room, spansWithin(byRoom.get(room.id) ?? [], covered)));
    return sumOf(parts);
  };
}

/** One room's counters for one week (cut to the dates read): all the trend reads of a week. */
export interface RollupWeek {
  readonly roomId: string;
  readonly from: string;
  readonly to: string;
  readonly openMs: number;
  readonly bookedMs: number;
  /** Checked-in time, as if the room required check-in. */
  readonly occupiedMs: number;
  readonly bookings: number;
}

/**
 * The rollup of a range as the store reads it: `spans`, each room's sums over the range (its
 * whole weeks summed into one span, and the cut weeks at the edges), and `weeks`, each room's
 * counters per week for the trend. A year's overview so reads a few spans per room, not 53.
 */
export interface RollupRange {
  readonly spans: readonly RollupSpan[];
  readonly weeks: readonly RollupWeek[];
}

/** A span's counters for the trend. */
export const weekCounters = (s: RollupSpan): RollupWeek => ({
  roomId: s.roomId,
  from: s.from,
  to: s.to,
  openMs: s.openMs,
  bookedMs: s.bookedMs,
  occupiedMs: s.occupiedMs,
  bookings: s.bookings,
});

/** The store's read of a range, from its days (`weekSpans` summed as the store sums them). */
export function rangeOfDays(days: readonly RollupDay[], read: DateRange): RollupRange {
  const { whole, edges } = wholeWeeksOf(read);
  const spans = edges.flatMap((edge) => weekSpans(days, edge));
  if (whole) {
    const byRoom = new Map<string, RollupSpan[]>();
    for (const w of weekSpans(days, whole)) byRoom.set(w.roomId, [...(byRoom.get(w.roomId) ?? []), w]);
    for (const [roomId, list] of byRoom) spans.push({ ...sumRollup(list), roomId, from: whole.from, to: whole.to });
  }
  return { spans, weeks: weekSpans(days, read).map(weekCounters) };
}

/**
 * The trend's counters of a room and week: from the rollup's weeks inside its coverage and from
 * the raw bookings outside it; the room's check-in setting applies here.
 */
export function rollupCountersSource(
  weeks: readonly RollupWeek[],
  bookings: readonly BookingFact[],
  coverage: DateRange | undefined,
): CountersSource {
  const raw = rawTotals(bookings);
  const byRoom = byRoomInOrder(weeks);
  return (room, week) => {
    const { covered, outside } = splitByCoverage(week, coverage);
    const sum = { openMs: 0, bookedMs: 0, checkInOpenMs: 0, checkedInMs: 0, bookings: 0 };
    const parts: WeekCounters[] = outside.map((part) => raw(room, part));
    if (covered)
      for (const w of spansWithin(byRoom.get(room.id) ?? [], covered))
        parts.push({
          openMs: w.openMs,
          bookedMs: w.bookedMs,
          checkInOpenMs: room.checkInRequired ? w.openMs : 0,
          checkedInMs: room.checkInRequired ? w.occupiedMs : 0,
          bookings: w.bookings,
        });
    for (const p of parts) {
      sum.openMs += p.openMs;
      sum.bookedMs += p.bookedMs;
      sum.checkInOpenMs += p.checkInOpenMs;
      sum.checkedInMs += p.checkedInMs;
      sum.bookings += p.bookings;
    }
    return sum;
  };
}
