import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { NS } from './xml';

/** Namespace-aware navigation over xmldom elements, for reading EWS requests. */

export type { Element };

export class XmlParseError extends Error {
  readonly code = 'XML_MALFORMED';
}

export function parseXml(text: string): Document {
  const parser = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') throw new XmlParseError(message);
    },
  });
  try {
    return parser.parseFromString(text, 'text/xml');
  } catch (err) {
    // xmldom wraps errors (ours and its own DOM errors) in a ParseError.
    if (err instanceof XmlParseError) throw err;
    throw new XmlParseError(err instanceof Error ? err.message : String(err));
  }
}

const ELEMENT_NODE = 1;

function isElement(n: Node | null): n is Element {
  return n !== null && n.nodeType === ELEMENT_NODE;
}

export function elementChildren(parent: Element, ns?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (!isElement(n)) continue;
    if (ns !== undefined && n.namespaceURI !== ns) continue;
    if (local !== undefined && n.localName !== local) continue;
    out.push(n);
  }
  return out;
}

export function firstElementChild(parent: Element): Element | undefined {
  return elementChildren(parent)[0];
}

export function child(parent: Element | undefined, ns: string, local: string): Element | undefined {
  if (!parent) return undefined;
  return elementChildren(parent, ns, local)[0];
}

/** Child in the types namespace. */
export function tChild(parent: Element | undefined, local: string): Element | undefined {
  return child(parent, NS.t, local);
}

/** Child in the messages namespace. */
export function mChild(parent: Element | undefined, local: string): Element | undefined {
  return child(parent, NS.m, local);
}

export function textOf(e: Element | undefined): string | undefined {
  if (!e) return undefined;
  return e.textContent ?? '';
}

export function attrOf(e: Element | undefined, name: string): string | undefined {
  if (!e || !e.hasAttribute(name)) return undefined;
  return e.getAttribute(name) ?? undefined;
}

export function serialize(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}
