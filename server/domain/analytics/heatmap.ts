import { IANAZone } from 'luxon';
import type { Interval } from '../availability/interval';
import { bookedSpan, heldTheRoom } from './bookingRules';
import { coveredWithin, openStretches } from './intervals';
import type { AnalyticsRoom, BookingFact, DateRange } from './types';

/** Weekday (0 = Monday) × hour of the building's wall clock. */
export interface HeatCell {
  readonly weekday: number;
  readonly hour: number;
  readonly openMinutes: number;
  readonly bookedMinutes: number;
  /** bookedMinutes ÷ openMinutes, null where the rooms were never open at that hour. */
  readonly bookedShare: number | null;
}

/**
 * Open and booked time per weekday × hour cell over some days, in ms, flat as cell, open ms,
 * booked ms, ... with cell = weekday × 24 + hour: only cells with open time (booked time lies
 * within it); a cell may come more than once, its times add up. What the rollup keeps per room
 * and day and week, so a year's heat map adds rows instead of walking every booking.
 */
export type HourCells = readonly number[];

/** Open and booked ms of every cell, 168 each. */
interface Grid {
  readonly open: number[];
  readonly booked: number[];
}
const CELLS = 7 * 24;
const cellIndex = (weekday: number, hour: number): number => weekday * 24 + hour;
const MINUTE = 60_000;
const emptyGrid = (): Grid => ({ open: new Array<number>(CELLS).fill(0), booked: new Array<number>(CELLS).fill(0) });

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** 1970-01-01, day 0 of epoch days, was a Thursday: index 3 with Monday as 0. */
const EPOCH_WEEKDAY = 3;

/**
 * A zone's UTC offset (minutes) during one UTC hour. Offsets change on whole or half hours at
 * most twice a year, and every room of a building asks for the same hours, so they are remembered.
 */
const offsets = new Map<string, number>();
function offsetAt(timeZone: string, ms: number): number {
  const key = `${timeZone}|${Math.floor(ms / HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 500_000) offsets.clear();
    offset = IANAZone.create(timeZone).offset(ms);
    offsets.set(key, offset);
  }
  return offset;
}

/** Adds each piece of `span` to the wall-clock hour it falls in (a DST night's repeated hour counts twice). */
function addByHour(cells: number[], span: Interval, timeZone: string): void {
  let cursor = span.start;
  while (cursor < span.end) {
    const local = cursor + offsetAt(timeZone, cursor) * MINUTE;
    const intoHour = ((local % HOUR_MS) + HOUR_MS) % HOUR_MS;
    const next = Math.min(span.end, cursor + HOUR_MS - intoHour);
    const day = Math.floor(local / DAY_MS);
    const index = cellIndex((((day + EPOCH_WEEKDAY) % 7) + 7) % 7, Math.floor((local - day * DAY_MS) / HOUR_MS));
    cells[index] = (cells[index] ?? 0) + (next - cursor);
    cursor = next;
  }
}

function addRoom(grid: Grid, room: AnalyticsRoom, bookings: readonly BookingFact[], range: DateRange): void {
  const open = openStretches(room, range);
  const held = bookings.filter((b) => b.roomId === room.id && heldTheRoom(b)).map(bookedSpan);
  for (const span of open) addByHour(grid.open, span, room.timeZone);
  for (const span of coveredWithin(held, open)) addByHour(grid.booked, span, room.timeZone);
}

/** One room's hour cells over the range, from its bookings (`bookings` may hold other rooms' too). */
export function roomHours(room: AnalyticsRoom, bookings: readonly BookingFact[], range: DateRange): HourCells {
  const grid = emptyGrid();
  addRoom(grid, room, bookings, range);
  return cellsOf(grid);
}

/** Hour cells added up (rooms, days or weeks): the cells of their sum, in cell order. */
export function joinHours(parts: readonly HourCells[]): HourCells {
  if (parts.length === 1) return parts[0] ?? [];
  return cellsOf(gridOf(parts));
}

function gridOf(parts: readonly HourCells[]): Grid {
  const grid = emptyGrid();
  for (const part of parts)
    for (let i = 0; i + 2 < part.length; i += 3) {
      const cell = part[i] as number;
      grid.open[cell] = (grid.open[cell] ?? 0) + (part[i + 1] as number);
      grid.booked[cell] = (grid.booked[cell] ?? 0) + (part[i + 2] as number);
    }
  return grid;
}

function cellsOf(grid: Grid): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < CELLS; cell += 1)
    if ((grid.open[cell] ?? 0) > 0) cells.push(cell, grid.open[cell] ?? 0, grid.booked[cell] ?? 0);
  return cells;
}

/** The heat map of rooms' hour cells: the share of open room time that was booked, per weekday and hour. */
export function heatOfHours(parts: readonly HourCells[]): HeatCell[] {
  const grid = gridOf(parts);
  const cells: HeatCell[] = [];
  for (let weekday = 0; weekday < 7; weekday += 1)
    for (let hour = 0; hour < 24; hour += 1) {
      // Summed in ms (whole numbers, so any grouping gives the same sum), minutes at the end.
      const openMinutes = (grid.open[cellIndex(weekday, hour)] ?? 0) / MINUTE;
      const bookedMinutes = (grid.booked[cellIndex(weekday, hour)] ?? 0) / MINUTE;
      cells.push({
        weekday,
        hour,
        openMinutes,
        bookedMinutes,
        bookedShare: openMinutes > 0 ? bookedMinutes / openMinutes : null,
      });
    }
  return cells;
}

/** The share of open room time that was booked, per weekday and hour, over all rooms and days of the range. */
export function heatmap(
  rooms: readonly AnalyticsRoom[],
  bookings: readonly BookingFact[],
  range: DateRange,
): HeatCell[] {
  return heatOfHours(rooms.map((room) => roomHours(room, bookings, range)));
}
