import { useEffect, useState } from 'react';
import { z } from 'zod';
import { locationsEndpoints } from '../../../shared/api/locations';
import { buildingSchema, floorSchema, type Building, type Floor } from '../../../shared/schemas/locations';
import { useApi } from '../hooks/useApi';
import { useAsync } from '../hooks/useAsync';
import { readStoredCopy, writeStoredCopy } from '../storedCopy';

export interface Locations {
  readonly buildings: readonly Building[];
  readonly floors: readonly Floor[];
}

export interface UseLocationsOptions {
  /**
   * Keeps the lists in localStorage under this key and shows that copy at once on the next
   * opening, replaced by the fresh lists when they arrive (the taskpane, opened for every booking).
   */
  readonly storageKey?: string;
}

const storedBuildingsSchema = z.array(buildingSchema);
const storedFloorsSchema = z.array(floorSchema);

function storedLocations(key: string | undefined): Locations | undefined {
  if (key === undefined) return undefined;
  const buildings = readStoredCopy(`${key}:buildings`, storedBuildingsSchema);
  const floors = readStoredCopy(`${key}:floors`, storedFloorsSchema);
  return buildings && floors ? { buildings, floors } : undefined;
}

/**
 * Buildings and all their floors for the filter lists. If they cannot be loaded the search still
 * works, just without those two filters, so failures are reported as empty lists (or the stored
 * copy, when there is one).
 */
export function useLocations({ storageKey }: UseLocationsOptions = {}): Locations | undefined {
  const api = useApi();
  const [stored] = useState(() => storedLocations(storageKey));
  const { state } = useAsync('locations', async (signal) => {
    const [buildings, floors] = await Promise.all([
      api.call(locationsEndpoints.listBuildings, { signal }),
      api.call(locationsEndpoints.listFloors, { signal }),
    ]);
    return { buildings, floors };
  });
  const fresh = state.status === 'success' ? state.data : undefined;
  useEffect(() => {
    if (storageKey === undefined || fresh === undefined) return;
    writeStoredCopy(`${storageKey}:buildings`, fresh.buildings);
    writeStoredCopy(`${storageKey}:floors`, fresh.floors);
  }, [storageKey, fresh]);
  if (fresh) return fresh;
  if (state.status === 'error') return stored ?? { buildings: [], floors: [] };
  return stored;
}
