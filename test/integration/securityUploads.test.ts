import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { errorOf, locationsTestApp, tableCounts, type LocationsTestApp } from './locationsHarness';

/** Security issue #20, finding 8: ways around the SVG filter that it now sees through. */

let db: TestDatabase;
let t: LocationsTestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await locationsTestApp(db.knex);
});
afterAll(async () => {
  await db.close();
});

const upload = (svg: string): request.Test =>
  t.as('admin').post('/api/files').attach('file', Buffer.from(svg, 'utf8'), {
    filename: 'plan.svg',
    contentType: 'image/svg+xml',
  });

const XLINK_AS_X = 'xmlns:x="http://www.w3.org/1999/xlink"';
const svg = (body: string, extra = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${extra} width="10" height="10" viewBox="0 0 10 10">${body}</svg>`;

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
    ['a url() split by a CSS comment-free escape', svg('<style>rect{fill:\\75\\72\\6c(http://evil.test/x)}</style>')],
  ])('is refused with %s, storing nothing', async (_name, body) => {
    const before = await tableCounts(db.knex);
    const res = await upload(body);
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe('unprocessable');
    expect(await tableCounts(db.knex)).toEqual(before);
  });

  it('still accepts local references and plain styles', async () => {
    const res = await upload(
      svg(
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use x:href="#g"/><style>rect{fill:#eee}</style>',
        XLINK_AS_X,
      ),
    );
    expect(res.status).toBe(201);
  });
});
