import type { Interval } from './alternatives';

/**
 * The times that block a requested slot, each once and in order. One meeting usually shows up
 * twice: as our stored booking and in Exchange's free/busy of the room; the user is told about it
 * once ("Already booked 10:00–11:00", not "10:00–11:00, 10:00–11:00").
 */
export function distinctConflicts(intervals: readonly Interval[]): Interval[] {
  const seen = new Map<string, Interval>();
  for (const i of intervals) {
    const key = `${i.start.getTime()}|${i.end.getTime()}`;
    if (!seen.has(key)) seen.set(key, { start: i.start, end: i.end });
  }
  return [...seen.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
}
