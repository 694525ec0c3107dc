import { AVAILABILITY_STATES, type AvailabilityState } from './availability';

export interface RankedRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  /** Absent when no time window was asked for; such rooms rank as free. */
  readonly state?: AvailabilityState;
}

/** free before partial before busy. */
export function stateRank(state: AvailabilityState | undefined): number {
  return state === undefined ? 0 : AVAILABILITY_STATES.indexOf(state);
}

/**
 * Names compare case-insensitively in ASCII, then exactly, by code point. The database sorts
 * with the same rule (COLLATE "C") so that both engines and this function agree on the order.
 */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Code point order, which is also the byte order of UTF-8 that COLLATE "C" uses. */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const right = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/**
 * Best fit first: rooms big enough for `minCapacity` before those that are not, the smallest
 * such room first (a 4-person meeting should not take the 40-seat hall), then the free ones
 * before the partly busy and the busy ones, then by name; the id makes the order total so
 * that pages never overlap.
 */
export function compareBestFit(minCapacity = 0): (a: RankedRoom, b: RankedRoom) => number {
  return (a, b) =>
    Number(b.capacity >= minCapacity) - Number(a.capacity >= minCapacity) ||
    a.capacity - b.capacity ||
    stateRank(a.state) - stateRank(b.state) ||
    compareCodePoints(foldAscii(a.name), foldAscii(b.name)) ||
    compareCodePoints(a.name, b.name) ||
    compareCodePoints(a.id, b.id);
}
