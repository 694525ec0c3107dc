import { imageSize } from 'image-size';
import { AppError, unprocessable } from '../../domain/errors';
import { contentTypeOfFormat, looksLikeXml, type ImageContentType } from '../../domain/files/imageTypes';
import { isSvgRoot, rawSvgHazards, svgHazards } from '../../domain/files/svgSafety';
import { parseXml } from './svgDocument';

export interface InspectedImage {
  readonly contentType: ImageContentType;
  readonly width: number;
  readonly height: number;
}

const unsupported = (detail: string): AppError =>
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

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** An SVG is accepted only when nothing in it can run script or reach outside the image. */
function inspectSvg(bytes: Uint8Array): InspectedImage {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw unsupported('the file is neither a known image nor UTF-8 text');
  // Refuse DTDs before parsing: entity expansion is exactly what we must not let a parser do.
  const dtd = rawSvgHazards(text);
  if (dtd.length > 0) throw unprocessable(`The SVG was refused: ${dtd.join('; ')}`, { reasons: dtd });
  const parsed = parseXml(text);
  if (!parsed || !isSvgRoot(parsed.summary.root)) throw unsupported('the file is not a well-formed SVG image');
  const hazards = svgHazards(parsed.summary);
  if (hazards.length > 0) throw unprocessable(`The SVG was refused: ${hazards.join('; ')}`, { reasons: hazards });
  const size = measure(Buffer.from(parsed.rootTag, 'utf8'));
  if (!hasSize(size)) throw unprocessable('The SVG needs width and height or a viewBox', { reasons: ['no size'] });
  return { contentType: 'image/svg+xml', width: size.width, height: size.height };
}

/**
 * What an upload really is, judged from its bytes alone: the name and type the client sent are
 * ignored, so a PNG called plan.svg is stored as a PNG and a text file called photo.png is refused.
 */
export function inspectImage(bytes: Uint8Array): InspectedImage {
  const size = measure(bytes);
  if (size?.type === 'svg' || (size === undefined && looksLikeXml(bytes))) return inspectSvg(bytes);
  const contentType = contentTypeOfFormat(size?.type);
  if (contentType === undefined)
    throw unsupported(size?.type ? `${size.type} files are not accepted` : 'unknown file format');
  if (!hasSize(size)) throw unsupported('the image has no readable size');
  return { contentType, width: size.width, height: size.height };
}
