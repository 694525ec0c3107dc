import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import type { XmlDocumentSummary, XmlElement } from '../../domain/files/svgSafety';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;

function childrenOf(node: Node): Node[] {
  const result: Node[] = [];
  for (let i = 0; i < node.childNodes.length; i += 1) {
    const child = node.childNodes.item(i);
    if (child) result.push(child);
  }
  return result;
}

function summariseElement(element: Element, instructions: string[]): XmlElement {
  const attributes = [];
  for (let i = 0; i < element.attributes.length; i += 1) {
    const attribute = element.attributes.item(i);
    if (attribute) attributes.push({ name: attribute.name, value: attribute.value });
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of childrenOf(element)) {
    if (child.nodeType === ELEMENT_NODE) children.push(summariseElement(child as Element, instructions));
    else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += child.nodeValue ?? '';
    else if (child.nodeType === PROCESSING_INSTRUCTION_NODE) instructions.push(child.nodeName);
  }
  return {
    localName: element.localName ?? element.nodeName,
    namespace: element.namespaceURI,
    attributes,
    text,
    children,
  };
}

export interface ParsedSvg {
  readonly summary: XmlDocumentSummary;
  /** The root element's start tag alone, e.g. `<svg width="10" height="10" .../>`. */
  readonly rootTag: string;
}

/** Undefined when the text is not well-formed XML with a root element. */
export function parseXml(text: string): ParsedSvg | undefined {
  let failed = false;
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level) => {
        if (level !== 'warning') failed = true;
      },
    }).parseFromString(text, 'application/xml');
  } catch {
    return undefined;
  }
  const root = document.documentElement;
  if (failed || !root) return undefined;
  const instructions: string[] = [];
  for (const child of childrenOf(document)) {
    if (child.nodeType === PROCESSING_INSTRUCTION_NODE && child.nodeName.toLowerCase() !== 'xml')
      instructions.push(child.nodeName);
  }
  const summary = {
    root: summariseElement(root, instructions),
    hasDoctype: document.doctype !== null,
    processingInstructions: instructions,
  };
  return { summary, rootTag: new XMLSerializer().serializeToString(root.cloneNode(false)) };
}
