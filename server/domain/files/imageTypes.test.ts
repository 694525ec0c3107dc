import { describe, expect, it } from '@jest/globals';
import { contentTypeOfFormat, looksLikeXml } from './imageTypes';

describe('image type rules', () => {
  it('maps the formats we serve and nothing else', () => {
    expect(contentTypeOfFormat('png')).toBe('image/png');
    expect(contentTypeOfFormat('jpg')).toBe('image/jpeg');
    expect(contentTypeOfFormat('webp')).toBe('image/webp');
    expect(contentTypeOfFormat('gif')).toBe('image/gif');
    expect(contentTypeOfFormat('svg')).toBe('image/svg+xml');
    expect(contentTypeOfFormat('bmp')).toBeUndefined();
    expect(contentTypeOfFormat('tiff')).toBeUndefined();
    expect(contentTypeOfFormat(undefined)).toBeUndefined();
  });

  it('recognises XML text after a byte-order mark and white space', () => {
    expect(looksLikeXml(Buffer.from('\ufeff \n <svg/>', 'utf8'))).toBe(true);
    expect(looksLikeXml(Buffer.from('hello <svg/>', 'utf8'))).toBe(false);
    expect(looksLikeXml(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(looksLikeXml(Buffer.alloc(0))).toBe(false);
  });
});
