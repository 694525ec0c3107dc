import { locationsEndpoints } from '../../../shared/api/locations';
import type { Building, Floor } from '../../../shared/schemas/locations';
import { useApi } from '../hooks/useApi';
import { useAsync } from '../hooks/useAsync';

export interface Locations {
  readonly buildings: readonly Building[];
  readonly floors: readonly Floor[];
}

/**
 * Buildings and all their floors for the filter lists. If they cannot be loaded the search still
 * works, just without those two filters, so failures are reported as empty lists.
 */
export function useLocations(): Locations | undefined {
  const api = useApi();
  const { state } = useAsync('locations', async (signal) => {
    const [buildings, floors] = await Promise.all([
      api.call(locationsEndpoints.listBuildings, { signal }),
      api.call(locationsEndpoints.listFloors, { signal }),
    ]);
    return { buildings, floors };
  });
  if (state.status === 'success') return state.data;
  if (state.status === 'error') return { buildings: [], floors: [] };
  return undefined;
}
