import { describe, expect, it } from '@jest/globals';
import { inspectImage } from './inspectImage';

/** Start-of-image, a JFIF header and a baseline frame header: enough for a decoder to know the type and size. */
function jpegHeader(width: number, height: number): Buffer {
  const frame = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  const jfif = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, frame, Buffer.from([0xff, 0xd9])]);
}

function webpHeader(width: number, height: number): Buffer {
  const body = Buffer.alloc(10);
  body.writeUIntLE(width - 1, 4, 3);
  body.writeUIntLE(height - 1, 7, 3);
  const chunk = Buffer.concat([Buffer.from('VP8X', 'ascii'), Buffer.from([10, 0, 0, 0]), body]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + chunk.length);
  return Buffer.concat([Buffer.from('RIFF', 'ascii'), size, Buffer.from('WEBP', 'ascii'), chunk]);
}

describe('inspectImage', () => {
  it('detects JPEG and WebP from their bytes', () => {
    expect(inspectImage(jpegHeader(1024, 768))).toEqual({ contentType: 'image/jpeg', width: 1024, height: 768 });
    expect(inspectImage(webpHeader(300, 200))).toEqual({ contentType: 'image/webp', width: 300, height: 200 });
  });

  it('refuses a PNG signature with nothing behind it', () => {
    expect(() => inspectImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toThrow(
      expect.objectContaining({ code: 'unsupported_media_type' }),
    );
  });

  it('refuses an SVG without a usable size with 422', () => {
    expect(() =>
      inspectImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100%"><rect/></svg>')),
    ).toThrow(expect.objectContaining({ code: 'unprocessable' }));
  });

  it('refuses text that is not UTF-8', () => {
    expect(() => inspectImage(Buffer.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]))).toThrow(
      expect.objectContaining({ code: 'unsupported_media_type' }),
    );
  });
});
