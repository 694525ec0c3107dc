import { createHash } from 'node:crypto';
import { fileUrl, type UploadedFile } from '../../../shared/api/files';
import { invalid, notFound } from '../../domain/errors';
import type { FileRepository, StoredFile } from '../../ports/files';
import type { ImageSanitizer } from '../../ports/imageSanitizer';
import { detectImageType, measureImage, unsupportedImage } from './inspectImage';

export interface FilesServiceDeps {
  readonly files: FileRepository;
  readonly sanitizer: ImageSanitizer;
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
  /**
   * Accepts only images it can read (PNG, JPEG, WebP, GIF, SVG) and stores them cleaned: raster
   * images re-encoded, SVGs sanitised. The stored bytes, size and hash are the cleaned image's.
   */
  upload(content: Buffer): Promise<UploadedFile>;
  read(id: string): Promise<{ file: StoredFile; content: Buffer }>;
}

export function createFilesService({ files, sanitizer }: FilesServiceDeps): FilesService {
  return {
    async upload(content: Buffer): Promise<UploadedFile> {
      if (content.byteLength === 0) throw invalid('The uploaded file is empty', { field: 'file' });
      const contentType = detectImageType(content);
      const clean = await sanitizer.sanitize(content, contentType);
      if (clean === undefined)
        throw unsupportedImage(
          contentType === 'image/svg+xml'
            ? 'the file is not a well-formed SVG image'
            : 'the image could not be decoded',
        );
      const size = measureImage(clean, contentType);
      const sha256 = createHash('sha256').update(clean).digest('hex');
      const stored = await files.create({ contentType, ...size, content: clean, sha256 });
      return describeFile(stored);
    },
    async read(id: string): Promise<{ file: StoredFile; content: Buffer }> {
      const found = await files.readContent(id);
      if (!found) throw notFound('File', id);
      return found;
    },
  };
}
