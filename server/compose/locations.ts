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
}

export function composeLocations(deps: LocationsFeatureDeps): LocationsFeature {
  const { knex, clock, logger } = deps.infrastructure;
  const repositories = createLocationRepositories(knex);
  const files = createFileRepository(knex);
  const roomSearch = createRoomSearchRepository(knex);
  const buildingHours = createBuildingHoursCache({ load: () => roomSearch.buildingHours(), clock });
  return {
    locations: createLocationsService({
      ...repositories,
      files,
      clock,
      mailboxVerifier: deps.mailboxVerifier,
      onMailboxVerifierChanged: deps.onMailboxVerifierChanged,
      warn: (details, message) => logger.warn(details, message),
      onBuildingsChanged: () => buildingHours.invalidate(),
    }),
    files: createFilesService({ files, sanitizer: createImageSanitizer() }),
    roomSearch: createRoomSearchService({
      roomSearch,
      buildingHours,
      privacy: () => createPrivacySettingsRepository(knex).get(),
    }),
    places: { buildings: repositories.buildings, rooms: repositories.rooms, files },
  };
}
