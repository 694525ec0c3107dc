/**
 * What to offer when the requested room is taken: other rooms that fit the same needs and are free
 * then (same building first, then the closest capacity), and the same room's nearest free slot of
 * the same length. Pure: the service hands in busy times and a test for the rules.
 */

export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

export interface CandidateRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly buildingId: string;
  /** Busy times near the requested slot (ours and Exchange's). */
  readonly busy: readonly Interval[];
  /** The room's own rules allow this slot for this user. */
  readonly allows: (slot: Interval) => boolean;
}

export interface Alternative {
  readonly kind: 'other-room' | 'other-time';
  readonly roomId: string;
  readonly roomName: string;
  readonly start: Date;
  readonly end: Date;
}

export const MAX_ALTERNATIVES = 3;
const STEP_MS = 15 * 60_000;

const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;
export const isFree = (slot: Interval, busy: readonly Interval[]): boolean => !busy.some((b) => overlaps(slot, b));

/** The free slot of the same length nearest to the request (15-minute steps, later wins a tie). */
export function nearestFreeSlot(
  wanted: Interval,
  room: Pick<CandidateRoom, 'busy' | 'allows'>,
  searchMs: number,
): Interval | null {
  const length = wanted.end.getTime() - wanted.start.getTime();
  for (let offset = STEP_MS; offset <= searchMs; offset += STEP_MS) {
    for (const sign of [1, -1]) {
      const start = new Date(wanted.start.getTime() + sign * offset);
      const slot = { start, end: new Date(start.getTime() + length) };
      if (isFree(slot, room.busy) && room.allows(slot)) return slot;
    }
  }
  return null;
}

export function suggestAlternatives(
  wanted: Interval,
  requested: { readonly room: CandidateRoom; readonly neededCapacity: number },
  others: readonly CandidateRoom[],
  searchMs = 7 * 86_400_000,
): Alternative[] {
  const fitting = others
    .filter((r) => r.id !== requested.room.id && r.capacity >= requested.neededCapacity)
    .filter((r) => isFree(wanted, r.busy) && r.allows(wanted))
    .sort(
      (a, b) =>
        Number(b.buildingId === requested.room.buildingId) - Number(a.buildingId === requested.room.buildingId) ||
        a.capacity - b.capacity ||
        a.name.localeCompare(b.name),
    )
    .map((r): Alternative => ({
      kind: 'other-room',
      roomId: r.id,
      roomName: r.name,
      start: wanted.start,
      end: wanted.end,
    }));
  const slot = nearestFreeSlot(wanted, requested.room, searchMs);
  const later: Alternative[] = slot
    ? [{ kind: 'other-time', roomId: requested.room.id, roomName: requested.room.name, ...slot }]
    : [];
  const rooms = fitting.slice(0, MAX_ALTERNATIVES - later.length);
  return [...rooms, ...later];
}
