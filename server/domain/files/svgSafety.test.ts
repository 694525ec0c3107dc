import { describe, expect, it } from '@jest/globals';
import { isSvgRoot, rawSvgHazards, SVG_NAMESPACE, svgHazards, type XmlElement } from './svgSafety';

const XHTML = 'http://www.w3.org/1999/xhtml';

function el(
  localName: string,
  attributes: Record<string, string> = {},
  children: XmlElement[] = [],
  text = '',
): XmlElement {
  return {
    localName,
    namespace: SVG_NAMESPACE,
    attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
    text,
    children,
  };
}

const doc = (root: XmlElement, extra: { hasDoctype?: boolean; processingInstructions?: string[] } = {}) => ({
  root,
  hasDoctype: extra.hasDoctype ?? false,
  processingInstructions: extra.processingInstructions ?? [],
});

describe('svgHazards', () => {
  it('finds nothing in a drawing with shapes, gradients, local references and plain styles', () => {
    const root = el('svg', { width: '10', height: '10' }, [
      el('defs', {}, [el('linearGradient', { id: 'g' })]),
      el('rect', { fill: 'url(#g)', style: 'stroke: url( #g )' }),
      el('use', { 'xlink:href': '#g' }),
      el('style', {}, [], 'rect { fill: #eee; }'),
      { ...el('namedview'), namespace: 'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd' },
    ]);
    expect(svgHazards(doc(root))).toEqual([]);
  });

  it('names every way to run script or reach outside the image', () => {
    const root = el('svg', { onLoad: 'x()' }, [
      el('script'),
      el('foreignObject'),
      el('a', { href: 'https://evil.test' }),
      el('image', { src: 'data:image/png;base64,AAAA' }),
      el('rect', { style: 'fill: url(https://evil.test/p.svg#x)' }),
      el('rect', { 'data-x': 'JaVa\nScRiPt:alert(1)' }),
      el('animate', { attributeName: 'xlink:href', to: '#x' }),
      el('style', {}, [], '@import "https://evil.test/a.css";'),
      { ...el('iframe'), namespace: XHTML },
    ]);
    expect(svgHazards(doc(root, { hasDoctype: true, processingInstructions: ['xml-stylesheet'] }))).toEqual([
      'a DOCTYPE declaration (entities are not allowed)',
      'processing instruction <?xml-stylesheet?>',
      'event-handler attribute onLoad on <svg>',
      '<script> element',
      '<foreignObject> element',
      'href on <a> points outside the image',
      'src on <image> points outside the image',
      'attribute style on <rect> references an external resource',
      'a script URL in data-x on <rect>',
      '<animate> animates xlink:href',
      '<style> references an external resource',
      '<iframe> element',
      `<iframe> element from ${XHTML}`,
    ]);
  });

  it('looks into nested elements', () => {
    const root = el('svg', {}, [el('g', {}, [el('g', {}, [el('circle', { onclick: 'x()' })])])]);
    expect(svgHazards(doc(root))).toEqual(['event-handler attribute onclick on <circle>']);
  });
});

describe('isSvgRoot and rawSvgHazards', () => {
  it('requires <svg> in the SVG namespace', () => {
    expect(isSvgRoot(el('svg'))).toBe(true);
    expect(isSvgRoot({ ...el('svg'), namespace: null })).toBe(false);
    expect(isSvgRoot(el('html'))).toBe(false);
  });

  it('spots DTDs in the raw text whatever their case', () => {
    expect(rawSvgHazards('<!doctype svg><svg/>')).toHaveLength(1);
    expect(rawSvgHazards('<svg><!ENTITY x "y"></svg>')).toHaveLength(1);
    expect(rawSvgHazards('<svg><text>DOCTYPE</text></svg>')).toEqual([]);
  });
});
