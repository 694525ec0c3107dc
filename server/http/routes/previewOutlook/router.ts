/**
 * The taskpane preview's Outlook in the demo (shared/api/previewOutlook.ts). Without the demo's
 * simulated Exchange there is nothing to save into: 404, and nothing reaches any Exchange.
 */
import { previewOutlookEndpoints as endpoints } from '../../../../shared/api/previewOutlook';
import { AppError } from '../../../domain/errors';
import type { PreviewOutlook, PreviewOutlookSource } from '../../../ports/previewOutlook';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface PreviewOutlookRouterDeps {
  readonly previewOutlook: PreviewOutlookSource;
}

async function simulatedOutlook(source: PreviewOutlookSource): Promise<PreviewOutlook> {
  const outlook = source();
  if (!outlook || !(await outlook.available()))
    throw new AppError('not_found', 'The preview saves meetings only into the demo’s simulated Exchange');
  return outlook;
}

export function previewOutlookRouter({ previewOutlook }: PreviewOutlookRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/preview-outlook');

  mount(routes, endpoints.save, async ({ body, res }) => {
    const actor = requireActor(res);
    const outlook = await simulatedOutlook(previewOutlook);
    return outlook.save(actor.email, body.appointment, body.itemId);
  });
  mount(routes, endpoints.send, async ({ body, res }) => {
    const actor = requireActor(res);
    const outlook = await simulatedOutlook(previewOutlook);
    await outlook.send(actor.email, body.appointment, body.itemId);
  });

  return routes;
}
