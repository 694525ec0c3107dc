/**
 * The admin's view of the Exchange sync: GET /api/admin/integration/overview, "sync now"
 * (POST /api/admin/sync, one room or all) and its progress (GET /api/admin/sync/:id); and the
 * public GET /api/info.
 */
import { integrationEndpoints } from '../../../../shared/api/integration';
import type { IntegrationService } from '../../../sync/integrationOverview';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount } from '../../route';

export interface IntegrationRouterDeps {
  readonly integration: IntegrationService;
}

export function integrationRouter(deps: IntegrationRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/admin/integration', '/admin/sync', '/info');
  mount(routes, integrationEndpoints.integrationOverview, () => deps.integration.overview());
  mount(routes, integrationEndpoints.startSync, ({ body }) => deps.integration.startSync(body.roomId));
  mount(routes, integrationEndpoints.syncRun, ({ params }) => Promise.resolve(deps.integration.syncRun(params.id)));
  mount(routes, integrationEndpoints.serverInfo, () => Promise.resolve(deps.integration.info()));
  return routes;
}
