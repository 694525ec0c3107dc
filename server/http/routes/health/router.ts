import type { Logger } from 'pino';
import { AppError } from '../../../domain/errors';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';

export interface HealthRouterDeps {
  /** Resolves when the database answers a trivial query. */
  readonly checkDatabase: () => Promise<void>;
  readonly logger: Logger;
}

/**
 * Probes for orchestrators: liveness needs only the process, readiness needs the database. Mounted
 * at their own paths (not '/'), so other requests do not walk through this router.
 */
export function healthRouter(deps: HealthRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/healthz', '/readyz');
  routes.route('/healthz').get((_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  routes.route('/readyz').get(async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await deps.checkDatabase();
      res.json({ status: 'ready' });
    } catch (err) {
      deps.logger.warn({ err }, 'readiness check failed: the database does not answer');
      throw new AppError('unavailable', 'The database does not answer');
    }
  });
  return routes;
}
