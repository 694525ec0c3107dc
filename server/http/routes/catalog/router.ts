/**
 * The catering catalog: providers, their items and a room's menu (orders live in routes/orders).
 * Everyone signed in reads; the facility team and admins write (access is in shared/api/catalog).
 */
import { catalogEndpoints as endpoints } from '../../../../shared/api/catalog';
import type { CatalogService } from '../../../services/catering/catalog';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface CatalogRouterDeps {
  readonly catalog: CatalogService;
}

export function catalogRouter({ catalog }: CatalogRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/catalog');

  mount(routes, endpoints.listProviders, ({ res }) => catalog.listProviders(requireActor(res)));
  mount(routes, endpoints.getProvider, ({ params, res }) => catalog.getProvider(params.id, requireActor(res)));
  mount(routes, endpoints.createProvider, ({ body, res }) => catalog.createProvider(body, requireActor(res)));
  mount(routes, endpoints.updateProvider, ({ params, body, res }) =>
    catalog.updateProvider(params.id, body, requireActor(res)),
  );
  mount(routes, endpoints.getWebhookAllowList, () => catalog.getWebhookAllowList());
  mount(routes, endpoints.putWebhookAllowList, ({ body }) => catalog.putWebhookAllowList(body));
  mount(routes, endpoints.deleteProvider, ({ params, query }) =>
    catalog.deleteProvider(params.id, { cascade: query.cascade === 'true' }),
  );

  mount(routes, endpoints.listItems, ({ query }) => catalog.listItems(query));
  mount(routes, endpoints.getItem, ({ params }) => catalog.getItem(params.id));
  mount(routes, endpoints.createItem, ({ body }) => catalog.createItem(body));
  mount(routes, endpoints.updateItem, ({ params, body }) => catalog.updateItem(params.id, body));
  mount(routes, endpoints.deleteItem, ({ params }) => catalog.deleteItem(params.id));

  mount(routes, endpoints.menu, ({ query }) => catalog.menuForRoom(query.roomId));

  return routes;
}
