import type { DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';
import {
  isSafeSvgAttribute,
  isSameDocumentReference,
  presentationAttributesOf,
  SVG_EXTRA_TAGS,
  SVG_FORBIDDEN_ATTRIBUTES,
  SVG_FORBIDDEN_TAGS,
  SVG_NAMESPACE,
  XLINK_NAMESPACE,
} from '../../domain/files/svgPolicy';

type Window = JSDOM['window'];

/** One DOM and one DOMPurify for all uploads: building a window costs tens of milliseconds. */
interface Purifier {
  readonly window: Window;
  readonly purify: DOMPurify;
}

/**
 * jsdom is loaded on the first SVG upload, not at start-up: it costs a fifth of a second to import,
 * which every process (and every test file that builds the app) would otherwise pay for nothing.
 */
async function createPurifier(): Promise<Purifier> {
  const [{ JSDOM: Dom }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
  const { window } = new Dom('');
  const purify = createDOMPurify(window);
  // DOMPurify lets http(s) links and any url() through; our rule is stricter: nothing outside the image.
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (!isSafeSvgAttribute(data.attrName, data.attrValue)) data.keepAttr = false;
  });
  return { window, purify };
}

function elementsOf(root: Element): Element[] {
  return [root, ...Array.from(root.getElementsByTagName('*'))];
}

/**
 * Before DOMPurify: CDATA becomes plain text (DOMPurify drops text with `<` in it as a mutation-XSS
 * guard), a style attribute becomes presentation attributes (see presentationAttributesOf), and an
 * XLink href under any prefix becomes a plain `href` when it is local (and is dropped otherwise),
 * since DOMPurify knows only the `xlink:` spelling.
 */
function normalise(root: Element, window: Window): void {
  const cdata: Node[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, window.NodeFilter.SHOW_CDATA_SECTION);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) cdata.push(node);
  for (const node of cdata)
    node.parentNode?.replaceChild(root.ownerDocument.createTextNode(node.nodeValue ?? ''), node);
  for (const element of elementsOf(root)) {
    const style = element.getAttribute('style');
    if (style !== null) {
      for (const [name, value] of presentationAttributesOf(style))
        if (!element.hasAttribute(name)) element.setAttribute(name, value);
    }
    const xlinkHref = element.getAttributeNS(XLINK_NAMESPACE, 'href');
    if (xlinkHref !== null) {
      element.removeAttributeNS(XLINK_NAMESPACE, 'href');
      if (isSameDocumentReference(xlinkHref) && !element.hasAttribute('href')) element.setAttribute('href', xlinkHref);
    }
  }
}

/** The sanitised SVG document's text, or undefined when the text is not a well-formed SVG document. */
export function createSvgSanitizer(): (text: string) => Promise<string | undefined> {
  let purifier: Promise<Purifier> | undefined;
  return async (text) => {
    purifier ??= createPurifier();
    const { window, purify } = await purifier;
    const document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
    const root = document.documentElement;
    if (root.localName !== 'svg' || root.namespaceURI !== SVG_NAMESPACE) return undefined;
    normalise(root, window);
    purify.sanitize(root, {
      IN_PLACE: true,
      USE_PROFILES: { svg: true, svgFilters: true },
      ADD_TAGS: [...SVG_EXTRA_TAGS],
      FORBID_TAGS: [...SVG_FORBIDDEN_TAGS],
      FORBID_ATTR: [...SVG_FORBIDDEN_ATTRIBUTES],
      KEEP_CONTENT: false,
    });
    return new window.XMLSerializer().serializeToString(root);
  };
}
