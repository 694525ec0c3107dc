import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { buildUser } from '../factories/users';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

const HOUR = 3_600_000;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const cookieValue = (cookie: string): string => cookie.slice('rs_session='.length);

interface ErrorResponse {
  error: { code: string; message: string };
}
const errorOf = (body: unknown): ErrorResponse['error'] => (body as ErrorResponse).error;

describe('signing in with a session cookie', () => {
  let db: TestDatabase;
  let clock: ManualClock;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock();
    t = createTestApp(db.knex, { clock });
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers the user and a CSRF token and sets an HttpOnly, SameSite=Lax cookie', async () => {
    const user = await buildUser(db.knex, { role: 'facility' });
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: user.id, email: user.email, role: 'facility', active: true } });
    expect(typeof (res.body as { csrfToken: unknown }).csrfToken).toBe('string');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^rs_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=43200/);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure when served over https', async () => {
    const secure = createTestApp(db.knex, { config: { secureCookies: true } });
    const user = await buildUser(db.knex);
    const res = await request(secure.app).post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('stores only a SHA-256 of the session token', async () => {
    const session = await t.loginAs('employee');
    const rows = await db
      .knex('sessions')
      .where({ user_id: session.user.id })
      .select<{ token_hash: string }[]>('token_hash');
    expect(rows.map((r) => r.token_hash)).toEqual([sha256(cookieValue(session.cookie))]);
  });

  it('tells the signed-in user who they are, with the same CSRF token', async () => {
    const session = await t.loginAs('employee');
    const res = await request(t.app).get('/api/auth/me').set('Cookie', session.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: session.user.id, role: 'employee' }, csrfToken: session.csrfToken });
  });

  it('answers 401 to an anonymous /me and to an unknown cookie', async () => {
    const anonymous = await request(t.app).get('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous.body).code).toBe('unauthenticated');
    const forged = await request(t.app).get('/api/auth/me').set('Cookie', 'rs_session=forged-value');
    expect(forged.status).toBe(401);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const user = await buildUser(db.knex);
    const wrong = await request(t.app)
      .post('/api/auth/login')
      .send({ email: user.email, password: 'not the password' });
    const unknown = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorOf(wrong.body)).toEqual(errorOf(unknown.body));
    expect(errorOf(wrong.body).code).toBe('invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a deactivated account', async () => {
    const user = await buildUser(db.knex, { active: false });
    const res = await request(t.app).post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(res.status).toBe(401);
    expect(errorOf(res.body).code).toBe('invalid_credentials');
  });

  it('ends the session on logout: the row is gone and the cookie no longer works', async () => {
    const session = await t.loginAs('employee');
    const res = await request(t.app)
      .post('/api/auth/logout')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken);
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/rs_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(
      await db
        .knex('sessions')
        .where({ token_hash: sha256(cookieValue(session.cookie)) })
        .first(),
    ).toBeUndefined();
    const after = await request(t.app).get('/api/auth/me').set('Cookie', session.cookie);
    expect(after.status).toBe(401);
  });

  it('rejects a session after it expires', async () => {
    const session = await t.loginAs('employee');
    clock.advance(11 * HOUR);
    expect((await request(t.app).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(200);
    clock.advance(1 * HOUR);
    const expired = await request(t.app).get('/api/auth/me').set('Cookie', session.cookie);
    expect(expired.status).toBe(401);
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex);
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses a cookie write without the X-CSRF-Token header', async () => {
    const session = await t.loginAs('employee');
    const res = await request(t.app).post('/api/auth/tokens').set('Cookie', session.cookie).send({ name: 'script' });
    expect(res.status).toBe(403);
    expect(errorOf(res.body).code).toBe('csrf_failed');
    expect(await db.knex('api_tokens').where({ user_id: session.user.id }).first()).toBeUndefined();
  });

  it('refuses a cookie write with another session’s CSRF token', async () => {
    const mine = await t.loginAs('employee');
    const theirs = await t.loginAs('employee');
    const res = await request(t.app)
      .post('/api/auth/tokens')
      .set('Cookie', mine.cookie)
      .set('X-CSRF-Token', theirs.csrfToken)
      .send({ name: 'script' });
    expect(res.status).toBe(403);
    expect(errorOf(res.body).code).toBe('csrf_failed');
  });

  it('accepts a cookie write with the session’s CSRF token', async () => {
    const session = await t.loginAs('employee');
    const res = await request(t.app)
      .post('/api/auth/tokens')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send({ name: 'script' });
    expect(res.status).toBe(201);
  });

  it('does not ask bearer-token writes for a CSRF token', async () => {
    const token = await t.tokenFor('employee');
    const res = await request(t.app)
      .post('/api/auth/tokens')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'another' });
    expect(res.status).toBe(201);
  });

  it('does not ask for a CSRF token on reads', async () => {
    const session = await t.loginAs('employee');
    expect((await request(t.app).get('/api/auth/tokens').set('Cookie', session.cookie)).status).toBe(200);
  });
});
