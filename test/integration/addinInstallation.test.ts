import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Composition } from '../../server/compose/app';
import { buildUser } from '../factories/users';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { createAddinApp } from './addinHarness';

/** GET /api/admin/addin: the admin's add-in page learns whether Outlook will accept PUBLIC_URL. */
describe('the add-in installation facts', () => {
  let db: TestDatabase;
  const apps: Composition[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) app.services.exchange.close();
    await db?.close();
  });

  function appAt(publicUrl: string): Composition {
    const app = createAddinApp(db.knex, { publicUrl });
    apps.push(app);
    return app;
  }

  async function get(app: Composition, role: 'admin' | 'employee') {
    const user = await buildUser(db.knex, { role });
    const token = await app.services.auth.createApiToken(user.id, { name: 'addin' });
    return request(app.app).get('/api/admin/addin').set('Authorization', `Bearer ${token.token}`);
  }

  it('says https and where the manifest is served', async () => {
    const res = await get(appAt('https://rooms.northwind.example/'), 'admin');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      publicUrl: 'https://rooms.northwind.example',
      scheme: 'https',
      manifestUrl: 'https://rooms.northwind.example/manifest.xml',
    });
  });

  it('says http for a plain-http PUBLIC_URL, which Outlook refuses', async () => {
    const res = await get(appAt('http://localhost:3000'), 'admin');
    expect(res.body).toMatchObject({ scheme: 'http', manifestUrl: 'http://localhost:3000/manifest.xml' });
  });

  it('is for admins only', async () => {
    const app = appAt('https://rooms.northwind.example');
    expect((await get(app, 'employee')).status).toBe(403);
    await request(app.app).get('/api/admin/addin').expect(401);
  });
});
