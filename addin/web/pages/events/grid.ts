import { DAY_END_HOUR, DAY_START_HOUR } from '../../../ui/timeline';

/**
 * The favourites grid: a day of half-hour cells per room, on the browser's wall clock, from 07:00
 * to 20:00. A cell is busy when any booking overlaps it; a drag selects a run of free cells.
 */

export const SLOT_MINUTES = 30;

export interface Busy {
  readonly start: string;
  readonly end: string;
}

export interface Cell {
  readonly index: number;
  readonly start: Date;
  readonly end: Date;
}

/** The half-hour cells of `day` (YYYY-MM-DD, the browser's zone). */
export function cellsOf(day: string): Cell[] {
  const [y, m, d] = day.split('-').map(Number);
  const cells: Cell[] = [];
  const count = ((DAY_END_HOUR - DAY_START_HOUR) * 60) / SLOT_MINUTES;
  for (let i = 0; i < count; i++) {
    const start = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, DAY_START_HOUR, i * SLOT_MINUTES);
    cells.push({ index: i, start, end: new Date(start.getTime() + SLOT_MINUTES * 60_000) });
  }
  return cells;
}

export function isBusy(cell: Cell, busy: readonly Busy[]): boolean {
  return busy.some((b) => Date.parse(b.start) < cell.end.getTime() && cell.start.getTime() < Date.parse(b.end));
}

/**
 * The free run a drag from `from` to `to` selects (either direction), stopping before the first
 * busy cell after the one the drag started on; undefined when it started on a busy cell.
 */
export function selection(
  cells: readonly Cell[],
  busy: readonly Busy[],
  from: number,
  to: number,
): { start: Date; end: Date } | undefined {
  const origin = cells[from];
  if (!origin || isBusy(origin, busy)) return undefined;
  const step = to >= from ? 1 : -1;
  let last = from;
  for (let i = from + step; step > 0 ? i <= to : i >= to; i += step) {
    const cell = cells[i];
    if (!cell || isBusy(cell, busy)) break;
    last = i;
  }
  const a = cells[Math.min(from, last)];
  const b = cells[Math.max(from, last)];
  return a && b ? { start: a.start, end: b.end } : undefined;
}

/** The seven days (YYYY-MM-DD) of the Monday-to-Sunday week holding `day`. */
export function weekOf(day: string): string[] {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
  return Array.from({ length: 7 }, (_unused, i) => {
    const at = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i);
    const mm = String(at.getMonth() + 1).padStart(2, '0');
    const dd = String(at.getDate()).padStart(2, '0');
    return `${at.getFullYear()}-${mm}-${dd}`;
  });
}

/** How much of a day's grid (07:00–20:00) is free, in minutes, of how much. */
export function freeMinutes(day: string, busy: readonly Busy[]): { free: number; total: number } {
  const cells = cellsOf(day);
  const free = cells.filter((c) => !isBusy(c, busy)).length;
  return { free: free * SLOT_MINUTES, total: cells.length * SLOT_MINUTES };
}
