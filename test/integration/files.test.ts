import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '../../shared/schemas/users';
import sharp from 'sharp';
import type request from 'supertest';
import { gifBytes, pngBytes, svgText } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { locationsTestApp, tableCounts, errorOf, bodyOf, type LocationsTestApp } from './locationsHarness';

let db: TestDatabase;
let t: LocationsTestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await locationsTestApp(db.knex);
});
afterAll(async () => {
  await db.close();
});

function upload(content: Buffer | string, filename: string, contentType: string, role: Role = 'admin'): request.Test {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return t.as(role).post('/api/files').attach('file', bytes, { filename, contentType });
}

/** Runs a refused request and proves it wrote nothing. */
async function refused(send: () => request.Test): Promise<request.Response> {
  const before = await tableCounts(db.knex);
  const res = await send();
  expect(await tableCounts(db.knex)).toEqual(before);
  return res;
}

const SAFE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

describe('uploading images', () => {
  it('stores a PNG re-encoded with its detected type, size and hash, and serves it back to anyone', async () => {
    const png = pngBytes(640, 480);
    const res = await upload(png, 'plan.png', 'image/png');
    expect(res.status).toBe(201);
    const { sha256, size } = bodyOf<{ sha256: string; size: number }>(res);
    expect(res.body).toEqual({
      id: expect.any(String),
      url: `/api/files/${bodyOf<{ id: string }>(res).id}`,
      contentType: 'image/png',
      size: expect.any(Number),
      width: 640,
      height: 480,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const served = await t.anonymous.get(bodyOf<{ url: string }>(res).url).buffer(true);
    const servedBytes = served.body as Buffer;
    expect(served.status).toBe(200);
    expect(servedBytes.length).toBe(size);
    expect(createHash('sha256').update(servedBytes).digest('hex')).toBe(sha256);
    expect(served.headers).toMatchObject({
      ...SAFE_HEADERS,
      'content-type': 'image/png',
      etag: `"${sha256}"`,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    // Issue #20: uploads are re-encoded, so the served file is not the uploaded bytes but the same picture.
    const [uploadedPixels, servedPixels] = await Promise.all([png, servedBytes].map((b) => sharp(b).raw().toBuffer()));
    expect(servedPixels).toEqual(uploadedPixels);
    expect(await sharp(servedBytes).metadata()).toMatchObject({ format: 'png', width: 640, height: 480 });

    const cached = await t.anonymous.get(bodyOf<{ url: string }>(res).url).set('If-None-Match', `"${sha256}"`);
    expect(cached.status).toBe(304);
  });

  it('detects a PNG renamed to .svg as a PNG', async () => {
    const res = await upload(pngBytes(20, 10), 'floor.svg', 'image/svg+xml');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/png', width: 20, height: 10 });
    const served = await t.anonymous.get(bodyOf<{ url: string }>(res).url);
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('accepts a GIF sent as application/octet-stream', async () => {
    const res = await upload(gifBytes(32, 16), 'blob', 'application/octet-stream');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/gif', width: 32, height: 16 });
  });

  it('refuses a text file that claims to be a PNG with 415', async () => {
    const res = await refused(() => upload('just some notes, not a picture', 'photo.png', 'image/png'));
    expect(res.status).toBe(415);
    expect(errorOf(res).code).toBe('unsupported_media_type');
  });

  it('refuses image formats we do not serve, such as BMP', async () => {
    const bmp = Buffer.alloc(54);
    bmp.write('BM', 0, 'ascii');
    bmp.writeUInt32LE(54, 2);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(4, 18);
    bmp.writeInt32LE(4, 22);
    const res = await refused(() => upload(bmp, 'x.png', 'image/png'));
    expect(res.status).toBe(415);
  });

  it('refuses images over 10 MB with a 413 JSON error', async () => {
    const big = pngBytes(4, 4, { padding: 10 * 1024 * 1024 + 1 });
    const res = await refused(() => upload(big, 'huge.png', 'image/png'));
    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('payload_too_large');
  });

  it('lets admins and the facility team (catalog pictures) upload: 403 for employees, 401 without sign-in', async () => {
    const png = pngBytes(2, 2);
    expect((await refused(() => upload(png, 'a.png', 'image/png', 'employee'))).status).toBe(403);
    expect((await refused(() => upload(png, 'a.png', 'image/png', 'external'))).status).toBe(403);
    expect((await upload(png, 'a.png', 'image/png', 'facility')).status).toBe(201);
    const anonymous = await refused(() => t.anonymous.post('/api/files').attach('file', png, 'a.png'));
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous).code).toBe('unauthenticated');
  });

  it('answers 400 when the file is missing, empty or sent under another field', async () => {
    const admin = () => t.as('admin').post('/api/files');
    expect((await refused(() => admin().send({ file: 'x' }))).status).toBe(400);
    expect((await refused(() => admin().attach('image', pngBytes(2, 2), 'a.png'))).status).toBe(400);
    expect((await refused(() => admin().attach('file', Buffer.alloc(0), 'a.png'))).status).toBe(400);
    const two = await refused(() =>
      admin().attach('file', pngBytes(2, 2), 'a.png').attach('file', pngBytes(2, 2), 'b.png'),
    );
    expect(two.status).toBe(400);
  });

  it('answers 404 for an unknown file and 400 for a malformed id', async () => {
    expect(errorOf(await t.anonymous.get(`/api/files/${randomUUID()}`)).code).toBe('not_found');
    expect((await t.anonymous.get('/api/files/../../etc/passwd')).status).toBe(404);
    expect((await t.anonymous.get('/api/files/123')).status).toBe(400);
  });
});

describe('SVG uploads', () => {
  it('accepts a clean SVG, takes its size from the root element and serves it sanitised with the safe headers', async () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- floor plan -->\n${svgText(1200, 800, '<defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/><style>rect { fill: #eee }</style>')}`;
    const res = await upload(svg, 'plan.svg', 'image/svg+xml');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/svg+xml', width: 1200, height: 800 });
    const served = await t.anonymous.get(bodyOf<{ url: string }>(res).url).buffer(true);
    expect(served.headers).toMatchObject({ ...SAFE_HEADERS, 'content-type': 'image/svg+xml' });
    // Issue #20: SVGs are stored as the sanitiser wrote them; the drawing stays, CSS (<style>) goes.
    expect(Buffer.from(served.body as Buffer).toString('utf8')).toBe(
      svgText(
        1200,
        800,
        '<defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/>',
      ),
    );
  });

  it('sizes an SVG that only has a viewBox', async () => {
    const res = await upload(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><circle r="4"/></svg>',
      'p.svg',
      'text/plain',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/svg+xml', width: 300, height: 150 });
  });

  it('refuses an SVG with an entity declaration, saying why, and stores nothing', async () => {
    const svg = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${svgText(10, 10, '<text>&lol2;</text>')}`;
    const res = await refused(() => upload(svg, 'plan.svg', 'image/svg+xml'));
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe('unprocessable');
    expect((errorOf(res).details.reasons as string[]).join('\n')).toMatch(/DOCTYPE or ENTITY/);
  });

  const malicious: Record<string, string> = {
    'a script element': svgText(10, 10, '<script>alert(document.cookie)</script>'),
    'an onload handler':
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect/></svg>',
    'a javascript: link': `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><a xlink:href="  java\tscript:alert(1)"><rect width="5" height="5"/></a></svg>`,
    'a data: image': svgText(10, 10, '<image href="data:image/svg+xml;base64,PHN2Zy8+" width="5" height="5"/>'),
    'a foreignObject': svgText(
      10,
      10,
      '<foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>',
    ),
    'an external stylesheet': svgText(10, 10, '<style>@import url(https://evil.test/x.css);</style>'),
    'a link rewritten by animation': svgText(
      10,
      10,
      '<a><set attributeName="href" to="javascript:alert(1)"/><rect width="5" height="5"/></a>',
    ),
  };

  it.each(Object.entries(malicious))(
    'stores an SVG with %s only without it: no script, handler, CSS or outside reference is served',
    async (_name, svg) => {
      const res = await upload(svg, 'plan.svg', 'image/svg+xml');
      expect(res.status).toBe(201);
      const served = await t.anonymous.get(bodyOf<{ url: string }>(res).url).buffer(true);
      const text = Buffer.from(served.body as Buffer).toString('utf8');
      expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(text).not.toMatch(/script|onload|data:|evil\.test|@import|<style|foreignObject|<div|<set/i);
    },
  );

  it('refuses XML that is not SVG and broken SVG with 415', async () => {
    expect((await refused(() => upload('<html><body>hi</body></html>', 'a.svg', 'image/svg+xml'))).status).toBe(415);
    expect(
      (await refused(() => upload('<svg xmlns="http://www.w3.org/2000/svg" width="1"', 'a.svg', 'image/svg+xml')))
        .status,
    ).toBe(415);
    expect((await refused(() => upload('<svg width="10" height="10"/>', 'a.svg', 'image/svg+xml'))).status).toBe(415);
  });
});
