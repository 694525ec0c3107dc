import type { ImageContentType } from '../domain/files/imageTypes';

/**
 * Makes an uploaded image safe to store and serve: raster images are decoded and encoded anew
 * (so bytes appended to or hidden in a file, such as HTML in a PNG or `GIF89a<script>`, are not
 * kept, and neither is metadata), SVGs are rewritten by a sanitiser that keeps drawing and drops
 * anything that runs script or references something outside the image (see domain/files/svgPolicy).
 */
export interface ImageSanitizer {
  /**
   * The cleaned image in the same format; undefined when the bytes cannot be decoded as that
   * format (a truncated image, XML that is not a well-formed SVG document).
   */
  sanitize(content: Buffer, contentType: ImageContentType): Promise<Buffer | undefined>;
}
