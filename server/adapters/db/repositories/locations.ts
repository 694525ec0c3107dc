import type { Knex } from 'knex';
import type { BuildingRepository, FloorRepository, RoomRepository } from '../../../ports/locations';
import { createBuildingRepository } from './buildings';
import { createFloorRepository } from './floors';
import { createRoomRepository } from './rooms';

export interface LocationRepositories {
  readonly buildings: BuildingRepository;
  readonly floors: FloorRepository;
  readonly rooms: RoomRepository;
}

export function createLocationRepositories(db: Knex): LocationRepositories {
  return {
    buildings: createBuildingRepository(db),
    floors: createFloorRepository(db),
    rooms: createRoomRepository(db),
  };
}
