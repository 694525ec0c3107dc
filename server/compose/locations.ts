import { createFileRepository } from '../adapters/db/repositories/files';
import { createImageSanitizer } from '../adapters/images';
import { createLocationRepositories } from '../adapters/db/repositories/locations';
import { createRoomSearchRepository } from '../adapters/db/repositories/roomSearch';
import { createPrivacySettingsRepository } from '../adapters/db/repositories/floorOccupancy';
import type { FileRepository } from '../ports/files';
import type { BuildingRepository, RoomMailboxVerifier, RoomRepository } from '../ports/locations';
import { createFilesService, type FilesService } from '../services/files';
import { createLocationsService, type LocationsService } from '../services/locations';
import { createBuildingHoursCache, createRoomSearchService, type RoomSearchService } from '../services/search';
import type { RoomChange, RoomChanges } from '../ports/roomChanges';
import type { Infrastructure } from './infrastructure';

/** Buildings, floors and rooms, their images, and the room search. */
export interface LocationsFeature {
  readonly locations: LocationsService;
  readonly files: FilesService;
  readonly roomSearch: RoomSearchService;
  /** Where the rooms and their images are kept, for the features that read them (the catering catalog). */
  readonly places: {
    readonly buildings: BuildingRepository;
    readonly rooms: RoomRepository;
    readonly files: FileRepository;
  };
}

export interface LocationsFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger'>;
  /** Checks a room's Exchange address against Exchange (the exchange feature's). */
  readonly mailboxVerifier: RoomMailboxVerifier;
  /** Told when the Exchange settings change: rooms waiting for a verdict are checked again. */
  readonly onMailboxVerifierChanged: (listener: () => void) => void;
  /** Where a room's changed facts are told (displays and open plans redraw it, on every instance). */
  readonly roomChanges?: Pick<RoomChanges, 'publish'> | undefined;
}

/**
 * Rooms, floors and buildings as an admin changes them, told to RoomChanges: a room as
 * 'room-details', a floor or building as 'all-rooms' (its rooms' plan, zone or names). Publishing
 * never fails the change that already committed (RoomChanges is best effort).
 */
export function publishingLocations(
  locations: LocationsService,
  changes: Pick<RoomChanges, 'publish'>,
): LocationsService {
  const tell = async <R>(result: R, change: RoomChange): Promise<R> => {
    await changes.publish(change);
    return result;
  };
  const room = (roomId: string): RoomChange => ({ kind: 'room-details', roomId });
  const all: RoomChange = { kind: 'all-rooms' };
  return {
    ...locations,
    createRoom: async (input) => {
      const created = await locations.createRoom(input);
      return tell(created, room(created.id));
    },
    updateRoom: async (id, patch) => tell(await locations.updateRoom(id, patch), room(id)),
    deleteRoom: async (id, options) => tell(await locations.deleteRoom(id, options), room(id)),
    updateFloor: async (id, patch) => tell(await locations.updateFloor(id, patch), all),
    deleteFloor: async (id, options) => tell(await locations.deleteFloor(id, options), all),
    updateBuilding: async (id, patch) => tell(await locations.updateBuilding(id, patch), all),
    deleteBuilding: async (id, options) => tell(await locations.deleteBuilding(id, options), all),
  };
}

export function composeLocations(deps: LocationsFeatureDeps): LocationsFeature {
  const { knex, clock, logger } = deps.infrastructure;
  const repositories = createLocationRepositories(knex);
  const files = createFileRepository(knex);
  const roomSearch = createRoomSearchRepository(knex);
  const buildingHours = createBuildingHoursCache({ load: () => roomSearch.buildingHours(), clock });
  const locations = createLocationsService({
    ...repositories,
    files,
    clock,
    mailboxVerifier: deps.mailboxVerifier,
    onMailboxVerifierChanged: deps.onMailboxVerifierChanged,
    warn: (details, message) => logger.warn(details, message),
    onBuildingsChanged: () => buildingHours.invalidate(),
  });
  return {
    locations: deps.roomChanges ? publishingLocations(locations, deps.roomChanges) : locations,
    files: createFilesService({ files, sanitizer: createImageSanitizer() }),
    roomSearch: createRoomSearchService({
      roomSearch,
      buildingHours,
      privacy: () => createPrivacySettingsRepository(knex).get(),
    }),
    places: { buildings: repositories.buildings, rooms: repositories.rooms, files },
  };
}
