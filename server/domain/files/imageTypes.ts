/** Uploads larger than this are refused before they reach our code (413). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/svg+xml'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** The image formats we serve, keyed by the name a content sniffer reports. */
const BY_DETECTED_FORMAT: Readonly<Record<string, ImageContentType>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

/** The content type for a format detected from the bytes; undefined for formats we refuse. */
export function contentTypeOfFormat(format: string | undefined): ImageContentType | undefined {
  return format === undefined ? undefined : BY_DETECTED_FORMAT[format];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Whether the bytes could be an XML document (and so an SVG): text that starts, after an
 * optional byte-order mark and white space, with `<`. Binary image formats never do.
 */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let i = UTF8_BOM.every((b, k) => bytes[k] === b) ? UTF8_BOM.length : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i += 1;
  return bytes[i] === 0x3c;
}

export const FILE_EXTENSIONS: Readonly<Record<ImageContentType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};
