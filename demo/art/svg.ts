/**
 * A minimal SVG writer for the demo art. It only emits plain shapes and text with presentation
 * attributes: no scripts, no styles, no links and no url() references, so the drawings pass the
 * same safety check as uploaded SVGs.
 */

export type AttributeValue = string | number | undefined;
export type Attributes = Readonly<Record<string, AttributeValue>>;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Two decimals are far below a pixel and keep the files small. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
}

export function el(name: string, attributes: Attributes = {}, children: readonly string[] = []): string {
  const open = `<${name}${attributeText(attributes)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${name}>`;
}

export function text(content: string, attributes: Attributes): string {
  return `<text${attributeText(attributes)}>${escapeXml(content)}</text>`;
}

export type Point = readonly [number, number];

export function pointsAttribute(points: readonly Point[]): string {
  return points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}

export function polygon(points: readonly Point[], attributes: Attributes): string {
  return el('polygon', { points: pointsAttribute(points), ...attributes });
}

export interface SvgDocument {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
}

export function svgDocument(doc: SvgDocument, body: readonly string[]): string {
  const header = '<?xml version="1.0" encoding="UTF-8"?>\n';
  return (
    header +
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width: doc.width,
        height: doc.height,
        viewBox: `0 0 ${doc.width} ${doc.height}`,
        role: 'img',
        'font-family': 'Segoe UI, Helvetica, Arial, sans-serif',
      },
      [el('title', {}, [escapeXml(doc.title)]), el('desc', {}, [escapeXml(doc.description)]), ...body],
    ) +
    '\n'
  );
}
