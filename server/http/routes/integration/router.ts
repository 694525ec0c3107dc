/**
 * The admin's view of the Exchange sync: GET /api/admin/integration/overview, "sync now"
 * (POST /api/admin/sync, one room or all) and its progress (GET /api/admin/sync/:id); and the
 * public GET /api/info.
 */
import { Router } from 'express';
import { integrationEndpoints } from '../../../../shared/api/integration';
import type { IntegrationService } from '../../../sync/integrationOverview';
import { mount } from '../../route';

export interface IntegrationRouterDeps {
  readonly integration: IntegrationService;
}

export function integrationRouter(deps: IntegrationRouterDeps): Router {
  const router = Router();
  mount(router, integrationEndpoints.integrationOverview, () => deps.integration.overview());
  mount(router, integrationEndpoints.startSync, ({ body }) => deps.integration.startSync(body.roomId));
  mount(router, integrationEndpoints.syncRun, ({ params }) => Promise.resolve(deps.integration.syncRun(params.id)));
  mount(router, integrationEndpoints.serverInfo, () => Promise.resolve(deps.integration.info()));
  return router;
}
