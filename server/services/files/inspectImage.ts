import { imageSize } from 'image-size';
import { AppError, unprocessable } from '../../domain/errors';
import { contentTypeOfFormat, looksLikeXml, type ImageContentType } from '../../domain/files/imageTypes';
import { declaresDtd } from '../../domain/files/svgPolicy';

export interface InspectedImage {
  readonly contentType: ImageContentType;
  readonly width: number;
  readonly height: number;
}

export const unsupportedImage = (detail: string): AppError =>
  new AppError('unsupported_media_type', `Only PNG, JPEG, WebP, GIF and SVG images can be uploaded: ${detail}`);

function measure(bytes: Uint8Array): { type: string | undefined; width: number; height: number } | undefined {
  try {
    const size = imageSize(bytes);
    return { type: size.type, width: size.width, height: size.height };
  } catch {
    return undefined;
  }
}

function hasSize(size: { width: number; height: number } | undefined): size is { width: number; height: number } {
  return (
    size !== undefined &&
    Number.isInteger(size.width) &&
    Number.isInteger(size.height) &&
    size.width > 0 &&
    size.height > 0
  );
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What SVG must be before any parser reads it: UTF-8 text without a DTD (entity expansion is the attack). */
function checkSvgText(bytes: Uint8Array): void {
  if (!isUtf8(bytes)) throw unsupportedImage('the file is neither a known image nor UTF-8 text');
  const text = new TextDecoder('utf-8').decode(bytes);
  if (declaresDtd(text)) {
    const reasons = ['a DOCTYPE or ENTITY declaration'];
    throw unprocessable(`The SVG was refused: ${reasons.join('; ')}`, { reasons });
  }
}

/**
 * What an upload is, judged from its bytes alone: the name and type the client sent are ignored,
 * so a PNG called plan.svg is a PNG and a text file called photo.png is refused.
 */
export function detectImageType(bytes: Uint8Array): ImageContentType {
  const size = measure(bytes);
  if (size?.type === 'svg' || (size === undefined && looksLikeXml(bytes))) {
    checkSvgText(bytes);
    return 'image/svg+xml';
  }
  const contentType = contentTypeOfFormat(size?.type);
  if (contentType === undefined)
    throw unsupportedImage(size?.type ? `${size.type} files are not accepted` : 'unknown file format');
  if (!hasSize(size)) throw unsupportedImage('the image has no readable size');
  return contentType;
}

/** The pixel size of an image of a known type; an SVG needs width and height or a viewBox. */
export function measureImage(bytes: Uint8Array, contentType: ImageContentType): { width: number; height: number } {
  const size = measure(bytes);
  if (hasSize(size)) return { width: size.width, height: size.height };
  if (contentType === 'image/svg+xml')
    throw unprocessable('The SVG needs width and height or a viewBox', { reasons: ['no size'] });
  throw unsupportedImage('the image has no readable size');
}

/** Type and size of an image as uploaded (before sanitising). */
export function inspectImage(bytes: Uint8Array): InspectedImage {
  const contentType = detectImageType(bytes);
  return { contentType, ...measureImage(bytes, contentType) };
}
