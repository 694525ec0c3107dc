/**
 * The admin's Exchange integration: the connection settings (the password write-only), the
 * connection test, the room mailboxes of Exchange's room lists, and "import rooms", which creates
 * each chosen mailbox as an active room bookable by employees, through the locations service.
 */
import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { exchangeEndpoints as endpoints } from '../../../../shared/api/exchange';
import type { ExchangeService } from '../../../services/exchange';
import type { LocationsService } from '../../../services/locations';
import { AppError } from '../../../domain/errors';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { actorOf, mount } from '../../route';

/** Connection tests per admin and window: enough to fix a configuration, too few to scan a network. */
const TESTS_PER_WINDOW = 20;
const TEST_WINDOW_MS = 10 * 60_000;

function connectionTestLimit() {
  return rateLimit({
    windowMs: TEST_WINDOW_MS,
    limit: TESTS_PER_WINDOW,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request, res: Response) => actorOf(res)?.userId ?? ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => {
      next(new AppError('rate_limited', 'Too many connection tests; try again in a few minutes'));
    },
  });
}

export interface ExchangeRouterDeps {
  readonly exchange: ExchangeService;
  readonly locations: LocationsService;
}

export function exchangeRouter({ exchange, locations }: ExchangeRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/admin/exchange');

  mount(routes, endpoints.getExchangeSettings, () => exchange.getSettings());
  mount(routes, endpoints.saveExchangeSettings, ({ body }) => exchange.saveSettings(body));
  routes.route(endpoints.testExchangeConnection.path)[endpoints.testExchangeConnection.method](connectionTestLimit());
  mount(routes, endpoints.testExchangeConnection, ({ body }) => exchange.testConnection(body));
  mount(routes, endpoints.listRoomMailboxes, () => exchange.listRoomMailboxes());
  mount(routes, endpoints.importRooms, ({ body }) =>
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

  return routes;
}
