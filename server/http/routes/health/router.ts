import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../../../domain/errors';

export interface HealthRouterDeps {
  /** Resolves when the database answers a trivial query. */
  readonly checkDatabase: () => Promise<void>;
  readonly logger: Logger;
}

/** Probes for orchestrators: liveness needs only the process, readiness needs the database. */
export function healthRouter(deps: HealthRouterDeps): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await deps.checkDatabase();
      res.json({ status: 'ready' });
    } catch (err) {
      deps.logger.warn({ err }, 'readiness check failed: the database does not answer');
      throw new AppError('unavailable', 'The database does not answer');
    }
  });
  return router;
}
