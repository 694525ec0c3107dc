import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The session and its user are read together, once per request, with no cache in between:
 * changes to the user show on the very next request.
 */
describe('a session reads its user as the user is now', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex);
  });
  afterAll(async () => {
    await db.close();
  });

  it('stops working on the next request once the user is deactivated, even with the session row left', async () => {
    const session = await t.loginAs('employee');
    expect((await request(t.app).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(200);
    await db.knex('users').where({ id: session.user.id }).update({ active: false });
    const after = await request(t.app).get('/api/auth/me').set('Cookie', session.cookie);
    expect(after.status).toBe(401);
    await db.knex('users').where({ id: session.user.id }).update({ active: true });
    expect((await request(t.app).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(200);
  });

  it('answers the role the user has now, not the one they signed in with', async () => {
    const session = await t.loginAs('employee');
    await db.knex('users').where({ id: session.user.id }).update({ role: 'facility', name: 'Renamed Person' });
    const me = await request(t.app).get('/api/auth/me').set('Cookie', session.cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: session.user.id, role: 'facility', name: 'Renamed Person' } });
  });
});
