/**
 * The Outlook add-in's manifest and icons (docs/addin.md). `addinPageRouter` serves what Outlook
 * loads, outside /api: GET /manifest.xml (every URL pointing at PUBLIC_URL) and GET
 * /addin/icons/icon-<size>.png. `addinApiRouter` offers the same manifest as the admin's download,
 * GET /api/admin/addin/manifest. The manifest is rewritten once; a failed read is retried.
 * GET /favicon.ico answers with the add-in's 32 px icon, the one the pages' <link rel="icon"> names.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { Router } from 'express';
import { addinEndpoints as endpoints } from '../../../../shared/api/addin';
import type { AddinInstallation } from '../../../../shared/schemas/addin';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount } from '../../route';
import { ICONS_URL_PATH, rewriteManifest, type AddinFiles } from './manifest';

export interface AddinRouterDeps extends AddinFiles {
  /** PUBLIC_URL: every URL of the served manifest points here. */
  readonly publicUrl: string;
}

const XML = 'application/xml; charset=utf-8';
const DOWNLOAD_NAME = 'roomserve-manifest.xml';
/** Browsers ask for /favicon.ico whatever the page says; a PNG under that name is what they all accept. */
const FAVICON = 'icon-32.png';

function manifestReader(deps: AddinRouterDeps): () => Promise<string> {
  let served: Promise<string> | undefined;
  return () => {
    served ??= readFile(deps.manifestFile, 'utf8').then((xml) => rewriteManifest(xml, deps.publicUrl));
    // A failed read (file missing) is retried on the next request.
    void served.catch(() => (served = undefined));
    return served;
  };
}

export function addinPageRouter(deps: AddinRouterDeps): Router {
  const router = Router();
  const manifest = manifestReader(deps);
  router.get('/manifest.xml', async (_req, res) => {
    res.set({ 'Content-Type': XML, 'Cache-Control': 'no-cache' }).send(await manifest());
  });
  router.get('/favicon.ico', (_req, res, next) => {
    res
      .type('image/png')
      .set('Cache-Control', 'public, max-age=86400')
      .sendFile(path.join(deps.iconsDir, FAVICON), (err) => {
        if (err) next(err);
      });
  });
  router.use(ICONS_URL_PATH, express.static(deps.iconsDir, { index: false, maxAge: '1d', fallthrough: true }));
  return router;
}

function installationOf(configured: string): AddinInstallation {
  const publicUrl = configured.replace(/\/+$/, '');
  return {
    publicUrl,
    scheme: new URL(publicUrl).protocol === 'https:' ? 'https' : 'http',
    manifestUrl: `${publicUrl}/manifest.xml`,
  };
}

export function addinApiRouter(deps: AddinRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/admin/addin');
  const manifest = manifestReader(deps);
  mount(routes, endpoints.installation, () => Promise.resolve(installationOf(deps.publicUrl)));
  mount(routes, endpoints.manifestDownload, async ({ res }) => {
    res
      .set({
        'Content-Type': XML,
        'Content-Disposition': `attachment; filename="${DOWNLOAD_NAME}"`,
        'Cache-Control': 'no-store',
      })
      .send(await manifest());
  });
  return routes;
}
