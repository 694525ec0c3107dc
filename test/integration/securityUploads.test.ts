import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import type request from 'supertest';
import { pngBytes } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { bodyOf, locationsTestApp, type LocationsTestApp } from './locationsHarness';

/**
 * Security issue #20, finding 8, as the attack: files built to carry script or reach outside the
 * image are uploaded; what is stored and served must carry neither.
 */

let db: TestDatabase;
let t: LocationsTestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await locationsTestApp(db.knex);
});
afterAll(async () => {
  await db.close();
});

const upload = (content: Buffer, filename: string, contentType: string): request.Test =>
  t.as('admin').post('/api/files').attach('file', content, { filename, contentType });

async function served(res: request.Response): Promise<Buffer> {
  expect(res.status).toBe(201);
  const file = await t.anonymous.get(bodyOf<{ url: string }>(res).url).buffer(true);
  expect(file.status).toBe(200);
  return file.body as Buffer;
}

const XLINK_AS_X = 'xmlns:x="http://www.w3.org/1999/xlink"';
const svg = (body: string, extra = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${extra} width="10" height="10" viewBox="0 0 10 10">${body}</svg>`;
const OUTSIDE = /evil\.test|data:|javascript:|<script|<style|style=|\\|@import/i;

describe('an SVG upload', () => {
  it.each([
    ['an image linked through another XLink prefix', svg('<image x:href="http://evil.test/p.png"/>', XLINK_AS_X)],
    [
      'a data: HTML link through another XLink prefix',
      svg('<a x:href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="><rect/></a>', XLINK_AS_X),
    ],
    [
      'an escaped url() in a style attribute',
      svg('<rect width="5" height="5" style="fill:u\\72l(http://evil.test/x)"/>'),
    ],
    ['an escaped @import in a <style> block', svg('<style>@\\69mport "http://evil.test/x.css";</style>')],
    ['a url() spelt in escapes', svg('<style>rect{fill:\\75\\72\\6c(http://evil.test/x)}</style>')],
  ])('with %s is stored and served without it', async (_name, body) => {
    const text = (await served(await upload(Buffer.from(body, 'utf8'), 'plan.svg', 'image/svg+xml'))).toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).not.toMatch(OUTSIDE);
  });

  it('keeps local references', async () => {
    const body = svg(
      '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use x:href="#g"/><style>rect{fill:#eee}</style>',
      XLINK_AS_X,
    );
    const text = (await served(await upload(Buffer.from(body, 'utf8'), 'plan.svg', 'image/svg+xml'))).toString('utf8');
    expect(text).toContain('<rect fill="url(#g)"/><use href="#g"/>');
  });
});

describe('a raster polyglot', () => {
  it('a PNG with HTML appended is served as the picture alone', async () => {
    const png = pngBytes(8, 6);
    const polyglot = Buffer.concat([
      png,
      Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
    ]);
    const bytes = await served(await upload(polyglot, 'p.png', 'image/png'));
    expect(bytes.toString('latin1')).not.toMatch(/<script|<html/);
    expect(await sharp(bytes).raw().toBuffer()).toEqual(await sharp(png).raw().toBuffer());
  });

  it('"GIF89a<script>…", which only looks like a GIF, is refused with 415', async () => {
    const res = await upload(
      Buffer.from('GIF89a<script>alert(document.cookie)</script>', 'latin1'),
      'a.gif',
      'image/gif',
    );
    expect(res.status).toBe(415);
  });

  it('a PNG carrying HTML in a text chunk loses the chunk', async () => {
    const withHtml = pngBytes(8, 6, { comment: '<script>alert(document.cookie)</script>' });
    expect(withHtml.toString('latin1')).toContain('<script>');
    const bytes = await served(await upload(withHtml, 'p.png', 'image/png'));
    expect(bytes.toString('latin1')).not.toMatch(/<script|Comment/);
  });
});
