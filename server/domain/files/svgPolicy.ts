/**
 * What an uploaded SVG may keep. A well-kept sanitiser (the adapter behind `ImageSanitizer`) walks
 * the document; these rules say what it keeps, so they stay pure and testable on plain strings.
 *
 * The guiding rule: an image may reference nothing outside itself. Links (`href`, `xlink:href`,
 * whatever prefix XLink is bound to) may only point at a fragment of the same document, and CSS,
 * whose escapes (`u\72l(`, `@\69mport`) sanitisers do not decode, is never kept as CSS: `<style>`
 * elements and `style` attributes go; a style attribute's plain declarations survive as
 * presentation attributes when they pass the same checks as any other attribute.
 */

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** Elements removed with everything in them, on top of the sanitiser's own SVG profile. */
export const SVG_FORBIDDEN_TAGS: readonly string[] = ['style', 'script', 'foreignObject', 'set', 'animate'];
/** `use` is not in the sanitiser's profile; it is safe here because its href may only be `#fragment`. */
export const SVG_EXTRA_TAGS: readonly string[] = ['use'];
export const SVG_FORBIDDEN_ATTRIBUTES: readonly string[] = ['style'];

/** `#id` and nothing else: no scheme, no path, no `data:`. */
export function isSameDocumentReference(value: string): boolean {
  return /^#[^\s#]*$/.test(value.trim());
}

const localNameOf = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();
const LINK_ATTRIBUTES = new Set(['href', 'src']);

/** Functions that load something: only `url(#id)` may appear, the rest never. */
const LOADING_FUNCTION = /(?:^|[^\w-])(?:image|image-set|-webkit-image-set|src|cross-fade|element)\s*\(/i;
const URL_FUNCTION = /url\s*\(\s*(['"]?)\s*([^)'"]*)/gi;

function urlsAreLocal(value: string): boolean {
  for (const match of value.matchAll(URL_FUNCTION)) {
    if (!isSameDocumentReference(match[2] ?? '')) return false;
  }
  return true;
}

/**
 * Whether an attribute may stay as it is. Names are judged by local name, so `x:href` with `x`
 * bound to XLink counts as a link. A backslash is refused outright: in a presentation attribute it
 * is a CSS escape, and an escape is how `url(` hides from a reader that does not decode CSS.
 */
export function isSafeSvgAttribute(name: string, value: string): boolean {
  const local = localNameOf(name);
  if (local.startsWith('on')) return false;
  if (LINK_ATTRIBUTES.has(local)) return isSameDocumentReference(value);
  if (local === 'attributename') return !/href|^on/i.test(value.trim());
  if (value.includes('\\') || value.includes('@')) return false;
  return urlsAreLocal(value) && !LOADING_FUNCTION.test(value);
}

/** Presentation properties worth carrying over from a style attribute (Inkscape writes most of a drawing's colours there). */
const PRESENTATION_PROPERTIES = new Set([
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'opacity',
  'color',
  'display',
  'visibility',
  'stop-color',
  'stop-opacity',
  'clip-rule',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'word-spacing',
  'text-decoration',
]);

/**
 * A style attribute's plain declarations as presentation attributes: known properties only, and
 * only values that pass `isSafeSvgAttribute`. Comments, escapes and anything unusual are dropped,
 * not interpreted.
 */
export function presentationAttributesOf(style: string): Array<[name: string, value: string]> {
  if (style.includes('/*') || style.includes('\\')) return [];
  const result: Array<[string, string]> = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim();
    if (!PRESENTATION_PROPERTIES.has(name) || value === '' || !isSafeSvgAttribute(name, value)) continue;
    result.push([name, value]);
  }
  return result;
}

/** DOCTYPEs and entities are refused before any parser sees the text: expanding them is the attack. */
export function declaresDtd(text: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(text);
}
