/**
 * A parsed XML document reduced to what the SVG safety rules look at. The parser lives in the
 * service; these rules stay pure so they can be tested on hand-built trees.
 */
export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
}

export interface XmlElement {
  /** The local name without prefix, e.g. `script` for `svg:script`. */
  readonly localName: string;
  readonly namespace: string | null;
  readonly attributes: readonly XmlAttribute[];
  /** The element's own text and CDATA, without its children's. */
  readonly text: string;
  readonly children: readonly XmlElement[];
}

export interface XmlDocumentSummary {
  readonly root: XmlElement;
  /** The document declares a DOCTYPE (and with it, possibly entities). */
  readonly hasDoctype: boolean;
  /** Targets of processing instructions other than the XML declaration, e.g. `xml-stylesheet`. */
  readonly processingInstructions: readonly string[];
}

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
/** HTML and MathML inside an SVG can run script or load content in ways SVG rules do not cover. */
const ACTIVE_NAMESPACES = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);

/** Elements that run script, embed other documents or pull in other resources. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);
const ANIMATIONS = new Set(['set', 'animate']);
/** By local name: `x:href` with any prefix bound to XLink is as much a link as `xlink:href`. */
const LINK_ATTRIBUTES = new Set(['href', 'src']);
const localNameOf = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();
/** Only links to fragments inside the same document (`#id`) are allowed. */
const isLocalFragment = (value: string): boolean => value.trim().startsWith('#');
/** url(...) in attributes such as fill="url(#gradient)" may only point inside the document. */
const EXTERNAL_CSS_URL = /url\(\s*['"]?\s*(?!#)[^)\s'"]/i;
const CSS_IMPORT = /@import/i;
// Browsers ignore white space and control characters inside a URL scheme: "java\tscript:".
const SCRIPT_URL = /(java|vb)script:/i;
/**
 * CSS as a browser reads it: escapes decoded (`u\\72l(` is `url(`, `@\\69mport` is `@import`) and
 * comments dropped, so the checks below see what the browser will act on.
 */
export function cssAsRead(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_m, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\(.)/g, '$1');
}
const withoutBlanks = (value: string): string =>
  [...value].filter((c) => c.charCodeAt(0) > 0x20 && !/\s/.test(c)).join('');

function attributeHazards(element: XmlElement): string[] {
  const found: string[] = [];
  const where = `on <${element.localName}>`;
  for (const { name, value } of element.attributes) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on')) found.push(`event-handler attribute ${name} ${where}`);
    else if (LINK_ATTRIBUTES.has(localNameOf(lower)) && !isLocalFragment(value))
      found.push(`${name} ${where} points outside the image`);
    else if (SCRIPT_URL.test(withoutBlanks(value))) found.push(`a script URL in ${name} ${where}`);
    else if (EXTERNAL_CSS_URL.test(cssAsRead(value)) || CSS_IMPORT.test(cssAsRead(value)))
      found.push(`attribute ${name} ${where} references an external resource`);
  }
  return found;
}

/** <set attributeName="href" to="javascript:..."> rewrites a link after the file was checked. */
function animationHazards(element: XmlElement): string[] {
  if (!ANIMATIONS.has(element.localName.toLowerCase())) return [];
  const target = element.attributes.find((a) => a.name === 'attributeName')?.value.toLowerCase() ?? '';
  // attributeName="x:href" animates the XLink href whatever the prefix.
  return target.includes('href') || target.startsWith('on') ? [`<${element.localName}> animates ${target}`] : [];
}

function styleHazards(element: XmlElement): string[] {
  if (element.localName.toLowerCase() !== 'style') return [];
  const css = cssAsRead(element.text);
  return CSS_IMPORT.test(css) || EXTERNAL_CSS_URL.test(css) ? ['<style> references an external resource'] : [];
}

function elementHazards(element: XmlElement): string[] {
  const found: string[] = [];
  if (FORBIDDEN_ELEMENTS.has(element.localName.toLowerCase())) found.push(`<${element.localName}> element`);
  if (element.namespace !== null && ACTIVE_NAMESPACES.has(element.namespace)) {
    found.push(`<${element.localName}> element from ${element.namespace}`);
  }
  found.push(...attributeHazards(element), ...animationHazards(element), ...styleHazards(element));
  for (const child of element.children) found.push(...elementHazards(child));
  return found;
}

/**
 * Everything in an SVG that could run script or reach outside the image when it is opened in a
 * browser. We refuse such files rather than clean them: cleaning is where sanitizers go wrong,
 * and an admin can re-export a plan without the offending parts.
 */
export function svgHazards(document: XmlDocumentSummary): string[] {
  const found: string[] = [];
  if (document.hasDoctype) found.push('a DOCTYPE declaration (entities are not allowed)');
  for (const target of document.processingInstructions) found.push(`processing instruction <?${target}?>`);
  found.push(...elementHazards(document.root));
  return [...new Set(found)];
}

/** The root must be <svg> in the SVG namespace, or browsers will not treat the file as SVG. */
export function isSvgRoot(root: XmlElement): boolean {
  return root.localName === 'svg' && root.namespace === SVG_NAMESPACE;
}

/** A textual check that catches DTD tricks even where a parser would accept or skip them. */
export function rawSvgHazards(text: string): string[] {
  return /<!DOCTYPE|<!ENTITY/i.test(text) ? ['a DOCTYPE or ENTITY declaration'] : [];
}
