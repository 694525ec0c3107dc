/** Event management (issue 17): the booking mode, the directory search, events, favourite rooms. */
import { eventsEndpoints as endpoints } from '../../../../shared/api/events';
import type { PeopleSearch } from '../../../services/directory/people';
import type { EventService } from '../../../services/events';
import type { FavouriteRooms } from '../../../services/events/favourites';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface EventsRouterDeps {
  readonly events: EventService;
  readonly people: PeopleSearch;
  readonly favourites: FavouriteRooms;
}

export function eventsRouter({ events, people, favourites }: EventsRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/booking-mode', '/directory', '/events', '/favourites');

  mount(routes, endpoints.getBookingMode, () => events.mode());
  mount(routes, endpoints.searchPeople, async ({ query, res }) => ({
    items: await people.search(requireActor(res), query.q),
  }));
  mount(routes, endpoints.checkEventAvailability, ({ body, res }) => events.availability(requireActor(res), body));
  mount(routes, endpoints.createEvent, ({ body, res }) => events.create(requireActor(res), body));
  mount(routes, endpoints.getEvent, ({ params, res }) => events.get(requireActor(res), params.id));
  mount(routes, endpoints.changeEvent, ({ params, query, body, res }) =>
    events.change(requireActor(res), params.id, body, query),
  );
  mount(routes, endpoints.cancelEvent, ({ params, query, res }) => events.cancel(requireActor(res), params.id, query));
  mount(routes, endpoints.listFavouriteRooms, ({ res }) => favourites.list(requireActor(res)));
  mount(routes, endpoints.addFavouriteRoom, ({ params, res }) => favourites.add(requireActor(res), params.id));
  mount(routes, endpoints.removeFavouriteRoom, ({ params, res }) => favourites.remove(requireActor(res), params.id));

  return routes;
}
