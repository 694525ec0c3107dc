/**
 * Buildings, floors and rooms: everyone signed in reads, admins write. The room search
 * (GET /api/rooms) and a room's schedule live in routes/rooms.
 */
import { Router } from 'express';
import { locationsEndpoints as endpoints } from '../../../../shared/api/locations';
import type { LocationsService } from '../../../services/locations';
import { mount, requireActor } from '../../route';

export interface LocationsRouterDeps {
  readonly locations: LocationsService;
}

export function locationsRouter({ locations }: LocationsRouterDeps): Router {
  const router = Router();

  mount(router, endpoints.listBuildings, () => locations.listBuildings());
  mount(router, endpoints.getBuilding, ({ params }) => locations.getBuilding(params.id));
  mount(router, endpoints.createBuilding, ({ body }) => locations.createBuilding(body));
  mount(router, endpoints.updateBuilding, ({ params, body }) => locations.updateBuilding(params.id, body));
  mount(router, endpoints.deleteBuilding, ({ params, query }) =>
    locations.deleteBuilding(params.id, { cascade: query.cascade === 'true' }),
  );

  mount(router, endpoints.listFloors, ({ query }) => locations.listFloors(query));
  mount(router, endpoints.getFloor, ({ params }) => locations.getFloor(params.id));
  mount(router, endpoints.createFloor, ({ body }) => locations.createFloor(body));
  mount(router, endpoints.updateFloor, ({ params, body }) => locations.updateFloor(params.id, body));
  mount(router, endpoints.deleteFloor, ({ params, query }) =>
    locations.deleteFloor(params.id, { cascade: query.cascade === 'true' }),
  );

  mount(router, endpoints.getRoom, ({ params, res }) => locations.getRoomFor(params.id, requireActor(res)));
  mount(router, endpoints.createRoom, ({ body }) => locations.createRoom(body));
  mount(router, endpoints.updateRoom, ({ params, body }) => locations.updateRoom(params.id, body));
  mount(router, endpoints.deleteRoom, ({ params, query }) =>
    locations.deleteRoom(params.id, { cascade: query.cascade === 'true' }),
  );

  return router;
}
