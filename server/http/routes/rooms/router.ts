/**
 * The room search (GET /api/rooms) and a room's schedule (GET /api/rooms/:id/schedule), for
 * everyone signed in.
 */
import { roomsEndpoints } from '../../../../shared/api/rooms';
import type { RoomSearchService } from '../../../services/search';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface RoomsRouterDeps {
  readonly roomSearch: RoomSearchService;
}

export function roomsRouter(deps: RoomsRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/rooms');
  mount(routes, roomsEndpoints.searchRooms, ({ query, res }) => deps.roomSearch.search(requireActor(res), query));
  mount(routes, roomsEndpoints.roomSchedule, ({ params, query, res }) =>
    deps.roomSearch.schedule(requireActor(res), params.id, query),
  );
  return routes;
}
