import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import sharp from 'sharp';
import type { Composition } from '../../server/compose/app';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { createAddinApp } from './addinHarness';

/** Issue #13: /favicon.ico was 404 on every page. */

let db: TestDatabase;
let app: Composition;
beforeAll(async () => {
  db = await createTestDatabase();
  app = createAddinApp(db.knex);
});
afterAll(async () => {
  app.services.exchange.close();
  await db.close();
});

describe('the favicon', () => {
  it('answers /favicon.ico with a 32 px PNG icon, to anyone', async () => {
    const res = await request(app.app).get('/favicon.ico').buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(await sharp(res.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 32, height: 32 });
  });

  it('is named by the page shell of both front ends, at an address that is served', async () => {
    const shell = readFileSync(path.join(__dirname, '../../addin/ui/index.html'), 'utf8');
    const href = /<link rel="icon"[^>]*href="([^"]+)"/.exec(shell)?.[1];
    expect(href).toBeDefined();
    const res = await request(app.app)
      .get(href ?? '')
      .expect(200);
    expect(res.headers['content-type']).toBe('image/png');
  });
});
