import type { RoomSearchResult } from '../../../shared/schemas/search';

export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/** How far a room is from another one: same floor, then same building, then elsewhere. */
function distance(from: RoomSearchResult, to: RoomSearchResult): number {
  if (to.floorId === from.floorId) return 0;
  if (to.buildingId === from.buildingId) return 1;
  return 2;
}

/**
 * Free rooms from the same search, nearest to the busy one first (same floor, same building),
 * then closest in size, then by name.
 */
export function nearestFreeRooms(
  busy: RoomSearchResult,
  results: readonly RoomSearchResult[],
  limit = 2,
): RoomSearchResult[] {
  return results
    .filter((room) => room.id !== busy.id && room.availability?.state === 'free')
    .sort(
      (a, b) =>
        distance(busy, a) - distance(busy, b) ||
        Math.abs(a.capacity - busy.capacity) - Math.abs(b.capacity - busy.capacity) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}

function isFree(busy: readonly Interval[], from: number, to: number): boolean {
  return !busy.some((b) => b.start.getTime() < to && b.end.getTime() > from);
}

/**
 * The free slots of the meeting's length in this room closest to the meeting, within `day`: the
 * latest one starting before the meeting and the earliest one starting after it. A free slot
 * always begins where a booking ends or ends where a booking begins (or at the meeting itself).
 */
export function nearestFreeSlots(
  busy: readonly Interval[],
  meeting: Interval,
  day: Interval,
): { before?: Interval; after?: Interval } {
  const length = meeting.end.getTime() - meeting.start.getTime();
  const at = meeting.start.getTime();
  const fits = (start: number) =>
    start >= day.start.getTime() && start + length <= day.end.getTime() && isFree(busy, start, start + length);
  const starts = [at - length, ...busy.map((b) => b.end.getTime()), ...busy.map((b) => b.start.getTime() - length)];
  const before = starts.filter((s) => s < at && fits(s)).sort((a, b) => b - a)[0];
  const after = starts.filter((s) => s > at && fits(s)).sort((a, b) => a - b)[0];
  const slot = (start: number): Interval => ({ start: new Date(start), end: new Date(start + length) });
  return {
    ...(before === undefined ? {} : { before: slot(before) }),
    ...(after === undefined ? {} : { after: slot(after) }),
  };
}
