import type { TimeWindow } from '../ports/calendarGateway';

export interface Horizon {
  readonly daysBack: number;
  readonly daysAhead: number;
}

export const DEFAULT_HORIZON: Horizon = { daysBack: 30, daysAhead: 365 };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window of bookings kept in step with Exchange. It starts at UTC midnight so that it rolls
 * forward once a day: within a day every sync sees the same window.
 */
export function horizonWindow(now: Date, horizon: Horizon = DEFAULT_HORIZON): TimeWindow {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    start: new Date(midnight - horizon.daysBack * DAY_MS),
    end: new Date(midnight + (horizon.daysAhead + 1) * DAY_MS),
  };
}
