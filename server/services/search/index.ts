import type { RoomSchedule, RoomScheduleQuery, RoomSearchPage, RoomSearchQuery } from '../../../shared/schemas/search';
import type { Actor } from '../../domain/actor';
import type { RoomSearchRepository } from '../../ports/roomSearch';
import { roomSchedule } from './roomSchedule';
import { searchRooms } from './searchRooms';

export interface RoomSearchService {
  search(actor: Actor, query: RoomSearchQuery): Promise<RoomSearchPage>;
  schedule(actor: Actor, roomId: string, query: RoomScheduleQuery): Promise<RoomSchedule>;
}

export function createRoomSearchService(deps: { readonly roomSearch: RoomSearchRepository }): RoomSearchService {
  return {
    search: (actor, query) => searchRooms(deps, actor, query),
    schedule: (actor, roomId, query) => roomSchedule(deps, actor, roomId, query),
  };
}
