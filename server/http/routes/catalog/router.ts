/**
 * The catering catalog: providers, their items and a room's menu (orders live in routes/orders).
 * Everyone signed in reads; the facility team and admins write (access is in shared/api/catalog).
 */
import { Router } from 'express';
import { catalogEndpoints as endpoints } from '../../../../shared/api/catalog';
import type { CatalogService } from '../../../services/catering/catalog';
import { mount, requireActor } from '../../route';

export interface CatalogRouterDeps {
  readonly catalog: CatalogService;
}

export function catalogRouter({ catalog }: CatalogRouterDeps): Router {
  const router = Router();

  mount(router, endpoints.listProviders, ({ res }) => catalog.listProviders(requireActor(res)));
  mount(router, endpoints.getProvider, ({ params, res }) => catalog.getProvider(params.id, requireActor(res)));
  mount(router, endpoints.createProvider, ({ body, res }) => catalog.createProvider(body, requireActor(res)));
  mount(router, endpoints.updateProvider, ({ params, body, res }) =>
    catalog.updateProvider(params.id, body, requireActor(res)),
  );
  mount(router, endpoints.getWebhookAllowList, () => catalog.getWebhookAllowList());
  mount(router, endpoints.putWebhookAllowList, ({ body }) => catalog.putWebhookAllowList(body));
  mount(router, endpoints.deleteProvider, ({ params, query }) =>
    catalog.deleteProvider(params.id, { cascade: query.cascade === 'true' }),
  );

  mount(router, endpoints.listItems, ({ query }) => catalog.listItems(query));
  mount(router, endpoints.getItem, ({ params }) => catalog.getItem(params.id));
  mount(router, endpoints.createItem, ({ body }) => catalog.createItem(body));
  mount(router, endpoints.updateItem, ({ params, body }) => catalog.updateItem(params.id, body));
  mount(router, endpoints.deleteItem, ({ params }) => catalog.deleteItem(params.id));

  mount(router, endpoints.menu, ({ query }) => catalog.menuForRoom(query.roomId));

  return router;
}
