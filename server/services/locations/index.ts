import { buildingUseCases } from './buildings';
import { floorUseCases } from './floors';
import { roomUseCases } from './rooms';
import type { Building, Floor, Room } from '../../../shared/schemas/locations';
import type {
  BuildingInput,
  BuildingPatch,
  DeleteOptions,
  FloorInput,
  FloorPatch,
  LocationsServiceDeps,
  RoomInput,
  RoomPatch,
} from './types';

import type { Actor } from '../../domain/actor';

export type { DeleteOptions, LocationsServiceDeps } from './types';

/** The location catalog: buildings, their floors and the rooms on them. */
export interface LocationsService {
  listBuildings(): Promise<Building[]>;
  getBuilding(id: string): Promise<Building>;
  createBuilding(input: BuildingInput): Promise<Building>;
  updateBuilding(id: string, patch: BuildingPatch): Promise<Building>;
  deleteBuilding(id: string, options: DeleteOptions): Promise<void>;
  listFloors(filter: { buildingId?: string }): Promise<Floor[]>;
  getFloor(id: string): Promise<Floor>;
  createFloor(input: FloorInput): Promise<Floor>;
  updateFloor(id: string, patch: FloorPatch): Promise<Floor>;
  deleteFloor(id: string, options: DeleteOptions): Promise<void>;
  getRoom(id: string): Promise<Room>;
  /** The room as the actor may see it: an external reads only rooms open to externals (else not found). */
  getRoomFor(id: string, actor: Actor): Promise<Room>;
  createRoom(input: RoomInput): Promise<Room>;
  /** A changed Exchange address is verified against Exchange before it is stored. */
  updateRoom(id: string, patch: RoomPatch): Promise<Room>;
  deleteRoom(id: string, options: DeleteOptions): Promise<void>;
  /** Checks again every room with an address that is unconnected, waiting or failed (after a settings change). */
  reverifyRooms(): Promise<void>;
  /** Ends pending retries of passing verification failures (at shutdown). */
  stopVerificationRetries(): void;
}

export function createLocationsService(deps: LocationsServiceDeps): LocationsService {
  return { ...buildingUseCases(deps), ...floorUseCases(deps), ...roomUseCases(deps) };
}
