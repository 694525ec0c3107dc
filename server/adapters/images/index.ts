import type { ImageSanitizer } from '../../ports/imageSanitizer';
import { reencodeRaster } from './rasterReencoder';
import { createSvgSanitizer } from './svgSanitizer';

/** The `ImageSanitizer`: sharp for raster images, DOMPurify (on jsdom) for SVG. */
export function createImageSanitizer(): ImageSanitizer {
  const sanitizeSvg = createSvgSanitizer();
  return {
    async sanitize(content, contentType) {
      if (contentType !== 'image/svg+xml') return reencodeRaster(content, contentType);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
      const clean = await sanitizeSvg(text);
      return clean === undefined ? undefined : Buffer.from(clean, 'utf8');
    },
  };
}
