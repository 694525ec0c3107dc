import { z } from 'zod';
import { idParamsSchema, uuidSchema } from '../schemas/common';
import { endpoint } from './endpoint';

/** Where an uploaded file is served; floor plans and room images carry these URLs. */
export const fileUrl = (id: string): string => `/api/files/${id}`;

export const uploadedFileSchema = z
  .object({
    id: uuidSchema,
    url: z.string(),
    /** Detected from the bytes, never taken from the client. */
    contentType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/svg+xml']),
    size: z.number().int().nonnegative(),
    width: z.number().int().positive().nullable(),
    height: z.number().int().positive().nullable(),
    sha256: z.string(),
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

export const filesEndpoints = {
  upload: endpoint({
    method: 'post',
    path: '/files',
    tag: 'Files',
    summary:
      'Upload an image (PNG, JPEG, WebP, GIF or SVG; at most 10 MB) as multipart/form-data field `file`. ' +
      'The type is detected from the content. SVGs with scripts, event handlers, external references, ' +
      'foreignObject or a DOCTYPE are refused with 422. Admins (floor plans, room images) and the ' +
      'facility team (catalog item pictures) may upload.',
    access: 'facility',
    multipart: true,
    response: uploadedFileSchema,
    successStatus: 201,
  }),
  download: endpoint({
    method: 'get',
    path: '/files/:id',
    tag: 'Files',
    summary:
      'The bytes of an uploaded image with its detected Content-Type. Readable without signing in: ' +
      'ids are random UUIDs, and <img> tags (web app, Outlook add-in) cannot send a bearer token.',
    access: 'public',
    params: idParamsSchema,
  }),
};
