import { clipTo, mergeIntervals, type Interval } from './interval';

export const AVAILABILITY_STATES = ['free', 'partial', 'busy'] as const;
export type AvailabilityState = (typeof AVAILABILITY_STATES)[number];

export interface Availability {
  readonly state: AvailabilityState;
  /** Busy stretches inside the window: clipped to it, merged, in time order. */
  readonly busy: readonly Interval[];
}

/**
 * A room's availability in `window`, given the spans its bookings occupy. Spans outside the
 * window are ignored; the room is busy only when the merged spans cover the whole window.
 */
export function availabilityIn(window: Interval, occupied: readonly Interval[]): Availability {
  const clipped = occupied.flatMap((span) => clipTo(span, window) ?? []);
  const busy = mergeIntervals(clipped);
  const first = busy[0];
  if (!first) return { state: 'free', busy };
  const coversWindow = busy.length === 1 && first.start <= window.start && first.end >= window.end;
  return { state: coversWindow ? 'busy' : 'partial', busy };
}
