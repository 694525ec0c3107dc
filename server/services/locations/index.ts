import { buildingUseCases } from './buildings';
import { floorUseCases } from './floors';
import { roomUseCases } from './rooms';
import type { LocationsServiceDeps } from './types';

export type { DeleteOptions, LocationsServiceDeps } from './types';

/** The location catalog: buildings, their floors and the rooms on them. */
export function createLocationsService(deps: LocationsServiceDeps) {
  return { ...buildingUseCases(deps), ...floorUseCases(deps), ...roomUseCases(deps) };
}

export type LocationsService = ReturnType<typeof createLocationsService>;
