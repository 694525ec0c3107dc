/**
 * Buildings, floors and rooms: everyone signed in reads, admins write. The room search
 * (GET /api/rooms) and a room's schedule live in routes/rooms.
 */
import { locationsEndpoints as endpoints } from '../../../../shared/api/locations';
import type { LocationsService } from '../../../services/locations';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface LocationsRouterDeps {
  readonly locations: LocationsService;
}

export function locationsRouter({ locations }: LocationsRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/buildings', '/floors', '/rooms');

  mount(routes, endpoints.listBuildings, () => locations.listBuildings());
  mount(routes, endpoints.getBuilding, ({ params }) => locations.getBuilding(params.id));
  mount(routes, endpoints.createBuilding, ({ body }) => locations.createBuilding(body));
  mount(routes, endpoints.updateBuilding, ({ params, body }) => locations.updateBuilding(params.id, body));
  mount(routes, endpoints.deleteBuilding, ({ params, query }) =>
    locations.deleteBuilding(params.id, { cascade: query.cascade === 'true' }),
  );

  mount(routes, endpoints.listFloors, ({ query }) => locations.listFloors(query));
  mount(routes, endpoints.getFloor, ({ params }) => locations.getFloor(params.id));
  mount(routes, endpoints.createFloor, ({ body }) => locations.createFloor(body));
  mount(routes, endpoints.updateFloor, ({ params, body }) => locations.updateFloor(params.id, body));
  mount(routes, endpoints.deleteFloor, ({ params, query }) =>
    locations.deleteFloor(params.id, { cascade: query.cascade === 'true' }),
  );

  mount(routes, endpoints.getRoom, ({ params, res }) => locations.getRoomFor(params.id, requireActor(res)));
  mount(routes, endpoints.createRoom, ({ body }) => locations.createRoom(body));
  mount(routes, endpoints.updateRoom, ({ params, body }) => locations.updateRoom(params.id, body));
  mount(routes, endpoints.deleteRoom, ({ params, query }) =>
    locations.deleteRoom(params.id, { cascade: query.cascade === 'true' }),
  );

  return routes;
}
