/**
 * The room search (GET /api/rooms) and a room's schedule (GET /api/rooms/:id/schedule), for
 * everyone signed in.
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
