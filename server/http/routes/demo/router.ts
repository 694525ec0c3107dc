/**
 * What only the demo offers (shared/api/demo.ts). Outside the demo the source answers null and the
 * route 404: the demo display's device token never leaves a real installation.
 */
import { demoEndpoints as endpoints } from '../../../../shared/api/demo';
import { AppError } from '../../../domain/errors';
import type { DemoDisplayLinkSource } from '../../../ports/demoDisplay';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount } from '../../route';

export interface DemoRouterDeps {
  readonly displayLink: DemoDisplayLinkSource;
}

export function demoRouter({ displayLink }: DemoRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/demo');

  mount(routes, endpoints.displayLink, () => {
    const url = displayLink();
    if (url === null) throw new AppError('not_found', 'Only the demo has a paired display to open');
    return Promise.resolve({ url });
  });

  return routes;
}
