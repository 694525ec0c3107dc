import sharp, { type Sharp } from 'sharp';
import type { ImageContentType } from '../../domain/files/imageTypes';

type RasterType = Exclude<ImageContentType, 'image/svg+xml'>;

/** Far above any floor plan or photo we expect, far below what would exhaust memory. */
const MAX_INPUT_PIXELS = 100_000_000;

const ENCODERS: Readonly<Record<RasterType, (image: Sharp) => Sharp>> = {
  'image/png': (image) => image.png(),
  'image/jpeg': (image) => image.jpeg({ quality: 90 }),
  'image/webp': (image) => image.webp({ quality: 90 }),
  'image/gif': (image) => image.gif(),
};

/**
 * Decodes the image and encodes its pixels anew in the same format. Metadata (EXIF, comments,
 * text chunks) is not copied; the EXIF orientation is applied to the pixels first so photos stay
 * upright. Undefined when the bytes do not decode.
 */
export async function reencodeRaster(content: Buffer, contentType: RasterType): Promise<Buffer | undefined> {
  const animated = contentType === 'image/gif' || contentType === 'image/webp';
  try {
    const image = sharp(content, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
    return await ENCODERS[contentType](image).toBuffer();
  } catch {
    return undefined;
  }
}
