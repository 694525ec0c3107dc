/** Event management (issue 17): the booking mode, the directory search, events, favourite rooms. */
import { Router } from 'express';
import { eventsEndpoints as endpoints } from '../../../../shared/api/events';
import type { PeopleSearch } from '../../../services/directory/people';
import type { EventService } from '../../../services/events';
import type { FavouriteRooms } from '../../../services/events/favourites';
import { mount, requireActor } from '../../route';

export interface EventsRouterDeps {
  readonly events: EventService;
  readonly people: PeopleSearch;
  readonly favourites: FavouriteRooms;
}

export function eventsRouter({ events, people, favourites }: EventsRouterDeps): Router {
  const router = Router();

  mount(router, endpoints.getBookingMode, () => events.mode());
  mount(router, endpoints.searchPeople, async ({ query, res }) => ({
    items: await people.search(requireActor(res), query.q),
  }));
  mount(router, endpoints.checkEventAvailability, ({ body, res }) => events.availability(requireActor(res), body));
  mount(router, endpoints.createEvent, ({ body, res }) => events.create(requireActor(res), body));
  mount(router, endpoints.getEvent, ({ params, res }) => events.get(requireActor(res), params.id));
  mount(router, endpoints.changeEvent, ({ params, query, body, res }) =>
    events.change(requireActor(res), params.id, body, query),
  );
  mount(router, endpoints.cancelEvent, ({ params, query, res }) => events.cancel(requireActor(res), params.id, query));
  mount(router, endpoints.listFavouriteRooms, ({ res }) => favourites.list(requireActor(res)));
  mount(router, endpoints.addFavouriteRoom, ({ params, res }) => favourites.add(requireActor(res), params.id));
  mount(router, endpoints.removeFavouriteRoom, ({ params, res }) => favourites.remove(requireActor(res), params.id));

  return router;
}
