import type { Clock } from '../../ports/clock';
import type { BuildingHours } from '../../ports/roomSearch';

/**
 * Every building's time zone and opening hours, kept in memory: a search needs them to decide
 * which buildings are closed in its window, and reading them per search measured ~20% slower in
 * bench:search. The locations service calls `invalidate` when a building is created, changed or
 * deleted; `maxAgeMs` bounds how long a change made through another instance goes unseen.
 */
export interface BuildingHoursCache {
  hours(): Promise<ReadonlyMap<string, BuildingHours>>;
  invalidate(): void;
}

export const BUILDING_HOURS_MAX_AGE_MS = 60_000;

export function createBuildingHoursCache(deps: {
  readonly load: () => Promise<readonly BuildingHours[]>;
  readonly clock: Clock;
  readonly maxAgeMs?: number;
}): BuildingHoursCache {
  const maxAgeMs = deps.maxAgeMs ?? BUILDING_HOURS_MAX_AGE_MS;
  let cached: { readonly loadedAt: number; readonly hours: Promise<ReadonlyMap<string, BuildingHours>> } | undefined;

  function load(): Promise<ReadonlyMap<string, BuildingHours>> {
    const hours = deps.load().then((list) => new Map(list.map((b) => [b.buildingId, b] as const)));
    const entry = { loadedAt: deps.clock.now().getTime(), hours };
    cached = entry;
    // A failed load is not kept; the next search tries again.
    hours.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return hours;
  }

  return {
    hours() {
      if (cached === undefined || deps.clock.now().getTime() - cached.loadedAt >= maxAgeMs) return load();
      return cached.hours;
    },
    invalidate() {
      // A load already under way may predate the change; dropping the entry keeps it from being reused.
      cached = undefined;
    },
  };
}
