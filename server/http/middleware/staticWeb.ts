import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { AppError } from '../../domain/errors';

/** webpack names bundles like main.3f9a1c2b.js: their content never changes under that name. */
const HASHED_ASSET = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
const API_OR_PROBE = /^\/(api|healthz|readyz)(\/|$)/;
/** A missing file (favicon.png, an old bundle) is a 404, not the page. */
const LOOKS_LIKE_FILE = /\.[a-z0-9]{1,8}$/i;
const SOURCE_MAP = /\.map$/i;
/** The room display tablets' own page (dist/web/display/index.html), not the web app's. */
const DISPLAY_PAGE = /^\/display\/?$/;

function sendPage(file: string, res: Response, next: NextFunction): void {
  if (!existsSync(file)) {
    next(new AppError('not_found', 'The web app is not built; run `npm run build`'));
    return;
  }
  res.setHeader('Cache-Control', 'no-cache');
  res.sendFile(file, (err) => {
    if (err) next(err);
  });
}

/**
 * Serves the built web app (dist/web) and answers every other page GET with index.html, so that
 * client-side routes survive a reload. /api and the probes never fall through to the page.
 * `/display` is the room display's own page (before the static files, which would redirect the
 * folder to `/display/`).
 */
export function staticWeb(webDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(webDir, 'index.html');
  const displayFile = path.join(webDir, 'display', 'index.html');
  router.get(DISPLAY_PAGE, (_req: Request, res: Response, next: NextFunction) => sendPage(displayFile, res, next));
  // Source maps would publish our source: never served, whatever the build left in webDir.
  router.get(SOURCE_MAP, (_req: Request, _res: Response, next: NextFunction) => {
    next(new AppError('not_found', 'Not found'));
  });
  router.use(
    express.static(webDir, {
      index: false,
      setHeaders: (res, filePath) => {
        res.setHeader(
          'Cache-Control',
          HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  router.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    if (API_OR_PROBE.test(req.path) || LOOKS_LIKE_FILE.test(req.path)) {
      next();
      return;
    }
    sendPage(indexFile, res, next);
  });
  return router;
}
