import { createHash } from 'node:crypto';
import { fileUrl, type UploadedFile } from '../../../shared/api/files';
import { invalid, notFound } from '../../domain/errors';
import type { FileRepository, StoredFile } from '../../ports/files';
import { inspectImage } from './inspectImage';

export interface FilesServiceDeps {
  readonly files: FileRepository;
}

export function describeFile(file: StoredFile): UploadedFile {
  return {
    id: file.id,
    url: fileUrl(file.id),
    contentType: file.contentType,
    size: file.sizeBytes,
    width: file.width,
    height: file.height,
    sha256: file.sha256,
  };
}

/** Uploaded images (floor plans, room photos), stored in the database so every instance serves them. */
export interface FilesService {
  /** Accepts only images it can read (PNG, JPEG, WebP, safe SVG); `invalid` otherwise. */
  upload(content: Buffer): Promise<UploadedFile>;
  read(id: string): Promise<{ file: StoredFile; content: Buffer }>;
}

export function createFilesService({ files }: FilesServiceDeps): FilesService {
  return {
    async upload(content: Buffer): Promise<UploadedFile> {
      if (content.byteLength === 0) throw invalid('The uploaded file is empty', { field: 'file' });
      const image = inspectImage(content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const stored = await files.create({ ...image, content, sha256 });
      return describeFile(stored);
    },
    async read(id: string): Promise<{ file: StoredFile; content: Buffer }> {
      const found = await files.readContent(id);
      if (!found) throw notFound('File', id);
      return found;
    },
  };
}
