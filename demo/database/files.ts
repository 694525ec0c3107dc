import { createHash, randomUUID } from 'node:crypto';

/** A row of the `files` table for a drawn SVG, with its id chosen up front so rows can be batched. */
export interface SvgFileRow {
  readonly id: string;
  readonly content_type: 'image/svg+xml';
  readonly size_bytes: number;
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
  readonly content: Buffer;
}

export function svgFileRow(svg: string, width: number, height: number): SvgFileRow {
  const content = Buffer.from(svg, 'utf8');
  return {
    id: randomUUID(),
    content_type: 'image/svg+xml',
    size_bytes: content.length,
    width,
    height,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
