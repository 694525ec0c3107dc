/** Minimal string XML writer: the simulator writes its responses element by element, in XSD order. */

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
  e: 'http://schemas.microsoft.com/exchange/services/2006/errors',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xsd: 'http://www.w3.org/2001/XMLSchema',
} as const;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;' };

/** XML 1.0 forbids most C0 control characters; Exchange drops them from text. */
function isForbiddenControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
}

function mapChars(value: string, map: (c: string, code: number) => string): string {
  let out = '';
  for (const c of value) out += map(c, c.charCodeAt(0));
  return out;
}

export function escapeText(value: string): string {
  return mapChars(value, (c, code) => TEXT_ESCAPES[c] ?? (isForbiddenControl(code) ? '' : c));
}

export function escapeAttr(value: string): string {
  // Whitespace controls are kept as character references so attribute normalisation keeps them.
  return mapChars(
    value,
    (c, code) => ATTR_ESCAPES[c] ?? (isForbiddenControl(code) ? '' : code < 0x20 ? `&#${code};` : c),
  );
}

export type AttrValue = string | number | boolean | undefined | null;
export type Child = string | undefined | null | false;

function attrs(a: Record<string, AttrValue> | undefined): string {
  if (!a) return '';
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null) continue;
    out += ` ${k}="${escapeAttr(String(v))}"`;
  }
  return out;
}

/** An element whose children are already serialised XML; absent children are skipped. */
export function el(name: string, attributes?: Record<string, AttrValue>, ...children: Child[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c.length > 0).join('');
  return inner.length === 0 ? `<${name}${attrs(attributes)}/>` : `<${name}${attrs(attributes)}>${inner}</${name}>`;
}

/** An element holding text; undefined/null values produce nothing, so optional fields stay absent. */
export function leaf(
  name: string,
  value: string | number | boolean | undefined | null,
  attributes?: Record<string, AttrValue>,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  return `<${name}${attrs(attributes)}>${escapeText(String(value))}</${name}>`;
}

/** Formats an instant as Exchange writes DateTime values: UTC, second precision, trailing Z. */
export function ewsDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
