/**
 * The admin's Exchange integration: the connection settings (the password write-only), the
 * connection test, the room mailboxes of Exchange's room lists, and "import rooms", which creates
 * each chosen mailbox as an active room bookable by employees, through the locations service.
 */
import { Router } from 'express';
import { exchangeEndpoints as endpoints } from '../../../../shared/api/exchange';
import type { ExchangeService } from '../../../services/exchange';
import type { LocationsService } from '../../../services/locations';
import { mount } from '../../route';

export interface ExchangeRouterDeps {
  readonly exchange: ExchangeService;
  readonly locations: LocationsService;
}

export function exchangeRouter({ exchange, locations }: ExchangeRouterDeps): Router {
  const router = Router();

  mount(router, endpoints.getExchangeSettings, () => exchange.getSettings());
  mount(router, endpoints.saveExchangeSettings, ({ body }) => exchange.saveSettings(body));
  mount(router, endpoints.testExchangeConnection, ({ body }) => exchange.testConnection(body));
  mount(router, endpoints.listRoomMailboxes, () => exchange.listRoomMailboxes());
  mount(router, endpoints.importRooms, ({ body }) =>
    exchange.importRooms(body, (room) =>
      locations.createRoom({
        ...room,
        description: '',
        tags: [],
        imageFileIds: [],
        shape: null,
        bookableInternal: true,
        bookableExternal: false,
        active: true,
      }),
    ),
  );

  return router;
}
