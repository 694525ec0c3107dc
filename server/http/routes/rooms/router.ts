/**
 * GET /api/rooms (search) and GET /api/rooms/:id/schedule.
 *
 * Wiring (main.ts / test/support/testApp.ts):
 *   const roomSearch = createRoomSearchService({
 *     roomSearch: createRoomSearchRepository(db.knex),   // server/adapters/db/repositories/roomSearch.ts
 *   });                                                  // server/services/search/index.ts
 *   api.use(roomsRouter({ roomSearch }));
 */
import { Router } from 'express';
import { roomsEndpoints } from '../../../../shared/api/rooms';
import type { RoomSearchService } from '../../../services/search';
import { mount, requireActor } from '../../route';

export interface RoomsRouterDeps {
  readonly roomSearch: RoomSearchService;
}

export function roomsRouter(deps: RoomsRouterDeps): Router {
  const router = Router();
  mount(router, roomsEndpoints.searchRooms, ({ query, res }) => deps.roomSearch.search(requireActor(res), query));
  mount(router, roomsEndpoints.roomSchedule, ({ params, query, res }) =>
    deps.roomSearch.schedule(requireActor(res), params.id, query),
  );
  return router;
}
