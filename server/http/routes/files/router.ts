/**
 * Image uploads (POST /api/files, multipart field "file") and downloads (GET /api/files/:id).
 *
 * Reading a file needs no sign-in. Images are shown in <img> tags in the web app and in the
 * Outlook add-in, which cannot attach a bearer token and may not carry our session cookie; ids
 * are random UUIDs that are only learnt from signed-in API responses, and the content is floor
 * plans, room photos and catalog pictures. Uploading is for admins (floor plans, room images) and
 * the facility team (catalog item pictures).
 */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { filesEndpoints as endpoints } from '../../../../shared/api/files';
import { isFacilityOrAdmin } from '../../../domain/actor';
import { forbidden, invalid } from '../../../domain/errors';
import { FILE_EXTENSIONS, MAX_UPLOAD_BYTES } from '../../../domain/files/imageTypes';
import type { FilesService } from '../../../services/files';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface FilesRouterDeps {
  readonly files: FilesService;
}

/** Checked before multer reads the body, so nobody else gets 10 MB buffered. */
const uploaders: RequestHandler = (_req, res, next) => {
  if (!isFacilityOrAdmin(requireActor(res))) throw forbidden('Only admins and the facility team upload files');
  next();
};

const receiveSingleFile = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 20 },
}).single('file');

/**
 * Served so that a file can do no harm even when opened directly: the browser must not guess
 * another type, and the CSP sandbox keeps an SVG from running script. Content never changes
 * under an id, so it may be cached for good.
 */
const SAFE_FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'Cache-Control': 'public, max-age=31536000, immutable',
};

export function filesRouter({ files }: FilesRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/files');

  routes.route(endpoints.upload.path).post(uploaders, receiveSingleFile);
  mount(routes, endpoints.upload, ({ req }) => {
    if (!req.file) throw invalid('Send the image as multipart/form-data field "file"', { field: 'file' });
    return files.upload(req.file.buffer);
  });

  mount(routes, endpoints.download, async ({ params, res }) => {
    const { file, content } = await files.read(params.id);
    res.set({
      ...SAFE_FILE_HEADERS,
      'Content-Type': file.contentType,
      'Content-Disposition': `inline; filename="${file.id}.${FILE_EXTENSIONS[file.contentType]}"`,
      ETag: `"${file.sha256}"`,
    });
    res.send(content);
  });

  return routes;
}
