import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Composition } from '../../server/compose/app';
import { buildUser } from '../factories/users';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { createAddinApp } from './addinHarness';

/** GET /api/admin/addin: the admin's add-in page learns whether Outlook will accept PUBLIC_URL. */
describe('the add-in installation facts', () => {
  let db: TestDatabase | undefined;
  let app: Composition | undefined;
  afterEach(async () => {
    app?.services.exchange.close();
    await db?.close();
  });

  async function adminGet(publicUrl: string) {
    db = await createTestDatabase();
    app = createAddinApp(db.knex, { publicUrl });
    const admin = await buildUser(db.knex, { role: 'admin' });
    const token = await app.services.auth.createApiToken(admin.id, { name: 'addin' });
    return request(app.app).get('/api/admin/addin').set('Authorization', `Bearer ${token.token}`);
  }

  it('says https and where the manifest is served', async () => {
    const res = await adminGet('https://rooms.northwind.example/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      publicUrl: 'https://rooms.northwind.example',
      scheme: 'https',
      manifestUrl: 'https://rooms.northwind.example/manifest.xml',
    });
  });

  it('says http for a plain-http PUBLIC_URL, which Outlook refuses', async () => {
    const res = await adminGet('http://localhost:3000');
    expect(res.body).toMatchObject({ scheme: 'http', manifestUrl: 'http://localhost:3000/manifest.xml' });
  });

  it('is for admins only', async () => {
    db = await createTestDatabase();
    app = createAddinApp(db.knex, { publicUrl: 'https://rooms.northwind.example' });
    const employee = await buildUser(db.knex, { role: 'employee' });
    const token = await app.services.auth.createApiToken(employee.id, { name: 'addin' });
    await request(app.app).get('/api/admin/addin').set('Authorization', `Bearer ${token.token}`).expect(403);
    await request(app.app).get('/api/admin/addin').expect(401);
  });
});
