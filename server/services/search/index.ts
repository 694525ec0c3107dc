import type { RoomSchedule, RoomScheduleQuery, RoomSearchPage, RoomSearchQuery } from '../../../shared/schemas/search';
import type { Actor } from '../../domain/actor';
import type { BookingPrivacy } from '../../domain/availability/bookingVisibility';
import type { RoomSearchRepository } from '../../ports/roomSearch';
import type { BuildingHoursCache } from './buildingHoursCache';
import { roomSchedule } from './roomSchedule';
import { searchRooms } from './searchRooms';

export interface RoomSearchService {
  search(actor: Actor, query: RoomSearchQuery): Promise<RoomSearchPage>;
  schedule(actor: Actor, roomId: string, query: RoomScheduleQuery): Promise<RoomSchedule>;
}

export { createBuildingHoursCache, type BuildingHoursCache } from './buildingHoursCache';

export function createRoomSearchService(deps: {
  readonly roomSearch: RoomSearchRepository;
  /** Shared with the locations service, which invalidates it when a building changes. */
  readonly buildingHours: BuildingHoursCache;
  /** Who sees organizer names and subjects on the timelines (the installation's privacy settings). */
  readonly privacy?: (() => Promise<BookingPrivacy | undefined>) | undefined;
}): RoomSearchService {
  return {
    search: (actor, query) => searchRooms(deps, actor, query),
    schedule: (actor, roomId, query) => roomSchedule(deps, actor, roomId, query),
  };
}
