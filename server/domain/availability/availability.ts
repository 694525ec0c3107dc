import { clipTo, mergeIntervals, type Interval } from './interval';

/** In best-fit order: a closed building's room cannot be booked in the window at all. */
export const AVAILABILITY_STATES = ['free', 'partial', 'busy', 'closed'] as const;
export type AvailabilityState = (typeof AVAILABILITY_STATES)[number];

export interface Availability {
  readonly state: AvailabilityState;
  /** Busy stretches inside the window: clipped to it, merged, in time order. */
  readonly busy: readonly Interval[];
  /** When the building is closed inside the window (domain/availability/openingHours.ts). */
  readonly closed: readonly Interval[];
}

/**
 * A room's availability in `window`, given the spans its bookings occupy and the stretches its
 * building is closed. Spans outside the window are ignored; the room is busy only when the merged
 * spans cover the whole window. A room whose building is closed during any part of the window is
 * `closed`, whatever its bookings: a booking of the window would be refused (domain/bookings/rules).
 */
export function availabilityIn(
  window: Interval,
  occupied: readonly Interval[],
  closedInWindow: readonly Interval[] = [],
): Availability {
  const clipped = occupied.flatMap((span) => clipTo(span, window) ?? []);
  const busy = mergeIntervals(clipped);
  const closed = mergeIntervals(closedInWindow.flatMap((span) => clipTo(span, window) ?? []));
  if (closed.length > 0) return { state: 'closed', busy, closed };
  const first = busy[0];
  if (!first) return { state: 'free', busy, closed };
  const coversWindow = busy.length === 1 && first.start <= window.start && first.end >= window.end;
  return { state: coversWindow ? 'busy' : 'partial', busy, closed };
}
