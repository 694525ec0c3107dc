import { describe, expect, it } from '@jest/globals';
import { declaresDtd, isSafeSvgAttribute, isSameDocumentReference, presentationAttributesOf } from './svgPolicy';

describe('isSameDocumentReference', () => {
  it('accepts #fragments only', () => {
    expect(isSameDocumentReference('#g')).toBe(true);
    expect(isSameDocumentReference(' #plan-1 ')).toBe(true);
    for (const outside of [
      'http://evil.test/p.png',
      'data:text/html;base64,AAAA',
      'p.svg#g',
      '//evil.test',
      '',
      '#a#b',
    ])
      expect(isSameDocumentReference(outside)).toBe(false);
  });
});

describe('isSafeSvgAttribute', () => {
  it('treats any prefix bound to XLink as a link: x:href must be local', () => {
    expect(isSafeSvgAttribute('x:href', 'http://evil.test/p.png')).toBe(false);
    expect(isSafeSvgAttribute('x:href', 'data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
    expect(isSafeSvgAttribute('xlink:href', '  java\tscript:alert(1)')).toBe(false);
    expect(isSafeSvgAttribute('href', '#g')).toBe(true);
  });

  it('refuses CSS escapes, which hide url( and @import from a reader that does not decode them', () => {
    expect(isSafeSvgAttribute('fill', 'u\\72l(http://evil.test/x)')).toBe(false);
    expect(isSafeSvgAttribute('fill', '\\75\\72\\6c(http://evil.test/x)')).toBe(false);
  });

  it('lets url() point inside the document only, and refuses other loading functions', () => {
    expect(isSafeSvgAttribute('fill', 'url(#g)')).toBe(true);
    expect(isSafeSvgAttribute('clip-path', "url( '#c' )")).toBe(true);
    expect(isSafeSvgAttribute('fill', 'url(https://evil.test/p.svg#x)')).toBe(false);
    expect(isSafeSvgAttribute('fill', 'URL(//evil.test/x)')).toBe(false);
    expect(isSafeSvgAttribute('cursor', 'image-set("https://evil.test/c.png" 1x)')).toBe(false);
  });

  it('refuses event handlers and animations of links', () => {
    expect(isSafeSvgAttribute('onload', 'x()')).toBe(false);
    expect(isSafeSvgAttribute('attributeName', 'x:href')).toBe(false);
    expect(isSafeSvgAttribute('attributeName', 'transform')).toBe(true);
  });

  it('keeps ordinary drawing attributes', () => {
    expect(isSafeSvgAttribute('d', 'M0 0 L10 10 Z')).toBe(true);
    expect(isSafeSvgAttribute('transform', 'translate(10, 20) rotate(45)')).toBe(true);
    expect(isSafeSvgAttribute('fill', 'rgb(10, 20, 30)')).toBe(true);
  });
});

describe('presentationAttributesOf', () => {
  it('turns plain declarations into presentation attributes', () => {
    expect(presentationAttributesOf('fill:#eee; stroke: url(#g) !important;font-family:"Segoe UI"')).toEqual([
      ['fill', '#eee'],
      ['stroke', 'url(#g)'],
      ['font-family', '"Segoe UI"'],
    ]);
  });

  it('drops escapes, comments, external urls and unknown properties', () => {
    expect(presentationAttributesOf('fill:u\\72l(http://evil.test/x)')).toEqual([]);
    expect(presentationAttributesOf('fill:/**/url(http://evil.test/x)')).toEqual([]);
    expect(presentationAttributesOf('fill:url(http://evil.test/x);stroke:red')).toEqual([['stroke', 'red']]);
    expect(presentationAttributesOf('behavior:url(#x);background:red')).toEqual([]);
  });
});

describe('declaresDtd', () => {
  it('spots DTDs whatever their case, not the word in text', () => {
    expect(declaresDtd('<!doctype svg><svg/>')).toBe(true);
    expect(declaresDtd('<svg><!ENTITY x "y"></svg>')).toBe(true);
    expect(declaresDtd('<svg><text>DOCTYPE</text></svg>')).toBe(false);
  });
});
