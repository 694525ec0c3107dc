import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { createImageSanitizer } from './index';

const sanitizer = createImageSanitizer();
const XLINK_AS_X = 'xmlns:x="http://www.w3.org/1999/xlink"';
const svg = (body: string, extra = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${extra} width="10" height="10" viewBox="0 0 10 10">${body}</svg>`;

async function cleanSvg(text: string): Promise<string | undefined> {
  const out = await sanitizer.sanitize(Buffer.from(text, 'utf8'), 'image/svg+xml');
  return out?.toString('utf8');
}

/** What no stored SVG may contain: script, handlers, CSS, or any reference outside the image. */
const OUTSIDE = /evil\.test|data:|javascript:|<script|<style|style=|\son\w+=|\\|@import|<foreignObject/i;

describe('the SVG sanitiser', () => {
  it.each([
    ['an image linked through another XLink prefix', svg('<image x:href="http://evil.test/p.png"/>', XLINK_AS_X)],
    ['a data: HTML link', svg('<a x:href="data:text/html;base64,PHNjcmlwdD4="><rect/></a>', XLINK_AS_X)],
    ['an escaped url() in a style attribute', svg('<rect style="fill:u\\72l(http://evil.test/x)"/>')],
    ['an escaped @import in <style>', svg('<style>@\\69mport "http://evil.test/x.css";</style>')],
    ['an escaped url() in a presentation attribute', svg('<rect fill="\\75\\72\\6c(http://evil.test/x)"/>')],
    ['a script in another prefix', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>')],
    ['an onload handler', svg('<g onload="alert(1)"><rect/></g>')],
    ['a link rewritten by animation', svg('<a><set attributeName="href" to="javascript:alert(1)"/><rect/></a>')],
    ['a foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>')],
    ['an external use', svg('<use href="http://evil.test/s.svg#a"/>')],
  ])('removes %s', async (_name, text) => {
    const clean = await cleanSvg(text);
    expect(clean).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(clean).not.toMatch(OUTSIDE);
  });

  it('keeps the drawing: shapes, local references, text, and plain styles as presentation attributes', async () => {
    const clean = await cleanSvg(
      svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
          '<rect width="5" height="5" fill="url(#g)" style="stroke:#123;stroke-width:2"/><use x:href="#g"/>' +
          '<text x="1" y="9" font-size="3"><![CDATA[R&D <Lab>]]></text>',
        XLINK_AS_X,
      ),
    );
    expect(clean).toContain('viewBox="0 0 10 10"');
    expect(clean).toContain('<linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>');
    expect(clean).toContain('<rect width="5" height="5" fill="url(#g)" stroke="#123" stroke-width="2"/>');
    expect(clean).toContain('<use href="#g"/>');
    expect(clean).toContain('R&amp;D &lt;Lab&gt;</text>');
  });

  it('answers undefined for XML that is not an SVG document', async () => {
    expect(await cleanSvg('<html><body>hi</body></html>')).toBeUndefined();
    expect(await cleanSvg('<svg width="10" height="10"/>')).toBeUndefined();
    expect(await cleanSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1"')).toBeUndefined();
  });
});

async function solidImage(format: 'png' | 'gif' | 'jpeg'): Promise<Buffer> {
  const image = sharp({ create: { width: 6, height: 4, channels: 3, background: { r: 200, g: 40, b: 10 } } });
  return image.toFormat(format).toBuffer();
}

describe('the raster re-encoder', () => {
  it('drops HTML appended to a PNG and keeps its pixels', async () => {
    const png = await solidImage('png');
    const polyglot = Buffer.concat([png, Buffer.from('<html><script>alert(1)</script></html>')]);
    const clean = await sanitizer.sanitize(polyglot, 'image/png');
    expect(clean?.toString('latin1')).not.toContain('<script');
    const [before, after] = await Promise.all([png, clean].map((b) => sharp(b).raw().toBuffer()));
    expect(after).toEqual(before);
    expect((await sharp(clean).metadata()).format).toBe('png');
  });

  it('drops a script hidden in a GIF comment', async () => {
    const gif = await solidImage('gif');
    // After the header (6), the screen descriptor (7) and the global colour table its flags announce.
    const flags = gif[10] ?? 0;
    const tableEnd = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
    const payload = Buffer.from('<script>alert(1)</script>');
    const comment = Buffer.concat([Buffer.from([0x21, 0xfe, payload.length]), payload, Buffer.from([0])]);
    const polyglot = Buffer.concat([gif.subarray(0, tableEnd), comment, gif.subarray(tableEnd)]);
    expect((await sharp(polyglot).metadata()).format).toBe('gif');
    const clean = await sanitizer.sanitize(polyglot, 'image/gif');
    expect(clean?.toString('latin1')).not.toContain('<script');
    expect(await sharp(clean).metadata()).toMatchObject({ format: 'gif', width: 6, height: 4 });
  });

  it('refuses a "GIF89a<script>" file that is no image', async () => {
    const fake = Buffer.from('GIF89a<script>alert(1)</script>', 'latin1');
    expect(await sanitizer.sanitize(fake, 'image/gif')).toBeUndefined();
  });

  it('strips metadata from a JPEG', async () => {
    const jpeg = await sharp(await solidImage('jpeg'))
      .withExif({ IFD0: { Artist: 'secret-author' } })
      .toBuffer();
    expect(jpeg.toString('latin1')).toContain('secret-author');
    const clean = await sanitizer.sanitize(jpeg, 'image/jpeg');
    expect(clean?.toString('latin1')).not.toContain('secret-author');
    expect(await sharp(clean).metadata()).toMatchObject({ format: 'jpeg', width: 6, height: 4 });
  });
});
