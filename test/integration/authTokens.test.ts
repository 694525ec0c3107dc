import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

const DAY = 24 * 3_600_000;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

interface CreatedToken {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
}

describe('personal API tokens', () => {
  let db: TestDatabase;
  let clock: ManualClock;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock('2026-05-04T08:00:00Z');
    t = createTestApp(db.knex, { clock });
  });
  afterAll(async () => {
    await db.close();
  });

  async function createToken(body: object): Promise<{ bearer: string; created: CreatedToken }> {
    const bearer = await t.tokenFor('employee');
    const res = await request(t.app).post('/api/auth/tokens').set('Authorization', `Bearer ${bearer}`).send(body);
    expect(res.status).toBe(201);
    return { bearer, created: res.body as CreatedToken };
  }

  it('shows the secret once, stores only its hash, and lists tokens without secrets', async () => {
    const { bearer, created } = await createToken({ name: 'CI export', expiresInDays: 30 });
    expect(created.token).toMatch(/^rs_pat_[A-Za-z0-9_-]{40,}$/);
    expect(created.expiresAt).toBe('2026-06-03T08:00:00.000Z');
    const row = await db.knex('api_tokens').where({ id: created.id }).first<{ token_hash: string }>();
    expect(row.token_hash).toBe(sha256(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await request(t.app).get('/api/auth/tokens').set('Authorization', `Bearer ${bearer}`);
    expect(list.status).toBe(200);
    const items = (list.body as { items: Record<string, unknown>[] }).items;
    expect(items.map((i) => i.name).sort()).toEqual(['CI export', 'employee test token']);
    for (const item of items) expect(item).not.toHaveProperty('token');
  });

  it('authenticates API requests with Authorization: Bearer and records the last use', async () => {
    const { created } = await createToken({ name: 'script' });
    const me = await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${created.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { role: 'employee' }, csrfToken: null });
    const row = await db.knex('api_tokens').where({ id: created.id }).first<{ last_used_at: Date | null }>();
    expect(row.last_used_at).not.toBeNull();
  });

  it('keeps the last use to the minute: requests within a minute of it do not write it again', async () => {
    const { created } = await createToken({ name: 'busy script' });
    const lastUsed = async (): Promise<string | null> => {
      const row = await db.knex('api_tokens').where({ id: created.id }).first<{ last_used_at: Date | null }>();
      return row.last_used_at === null ? null : new Date(row.last_used_at).toISOString();
    };
    const use = async (): Promise<void> => {
      const me = await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${created.token}`);
      expect(me.status).toBe(200);
    };
    const firstUse = clock.now().toISOString();
    await use();
    expect(await lastUsed()).toBe(firstUse);
    clock.advance(59_000);
    await use();
    expect(await lastUsed()).toBe(firstUse);
    clock.advance(1_000);
    await use();
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });

  it('stops accepting a revoked token', async () => {
    const { bearer, created } = await createToken({ name: 'short-lived script' });
    const revoke = await request(t.app)
      .delete(`/api/auth/tokens/${created.id}`)
      .set('Authorization', `Bearer ${bearer}`);
    expect(revoke.status).toBe(204);
    const me = await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${created.token}`);
    expect(me.status).toBe(401);
    expect((me.body as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('does not let one user revoke another user’s token', async () => {
    const { created } = await createToken({ name: 'mine' });
    const other = await t.tokenFor('admin');
    const res = await request(t.app).delete(`/api/auth/tokens/${created.id}`).set('Authorization', `Bearer ${other}`);
    expect(res.status).toBe(404);
    expect((await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${created.token}`)).status).toBe(200);
  });

  it('rejects a token once it has expired', async () => {
    const { created } = await createToken({ name: 'one day', expiresInDays: 1 });
    clock.advance(DAY - 1000);
    expect((await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${created.token}`)).status).toBe(200);
    clock.advance(1000);
    expect((await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${created.token}`)).status).toBe(401);
  });

  it('rejects unknown tokens and other Authorization schemes with 401', async () => {
    for (const header of ['Bearer rs_pat_unknown', 'Bearer', 'Basic dXNlcjpwYXNz']) {
      const res = await request(t.app).get('/api/auth/tokens').set('Authorization', header);
      expect(res.status).toBe(401);
    }
  });

  it('stops accepting the tokens of a deactivated user', async () => {
    const { bearer } = await createToken({ name: 'x' });
    const me = await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${bearer}`);
    const userId = (me.body as { user: { id: string } }).user.id;
    const admin = await t.tokenFor('admin');
    const patch = await request(t.app)
      .patch(`/api/users/${userId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ active: false });
    expect(patch.status).toBe(200);
    expect((await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${bearer}`)).status).toBe(401);
  });
});

describe('login rate limit', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex, { config: { loginRateLimit: { max: 3, windowMinutes: 15 } } });
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers 429 rate_limited after too many failed attempts for one email, even with the right password', async () => {
    const session = await t.loginAs('employee');
    const email = session.user.email;
    for (let i = 0; i < 3; i += 1) {
      const res = await request(t.app).post('/api/auth/login').send({ email, password: 'wrong guess' });
      expect(res.status).toBe(401);
    }
    const limited = await request(t.app).post('/api/auth/login').send({ email, password: session.user.password });
    expect(limited.status).toBe(429);
    expect((limited.body as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(Object.keys(limited.body as object)).toEqual(['error']);

    const otherUser = await t.loginAs('employee');
    expect(otherUser.csrfToken).toEqual(expect.any(String));
  });

  it('also limits failed attempts from one address across many emails', async () => {
    const fresh = createTestApp(db.knex, { config: { loginRateLimit: { max: 2, windowMinutes: 15 } } });
    for (let i = 0; i < 20; i += 1) {
      const res = await request(fresh.app)
        .post('/api/auth/login')
        .send({ email: `guess${i}@example.test`, password: 'wrong guess' });
      expect(res.status).toBe(401);
    }
    const limited = await request(fresh.app)
      .post('/api/auth/login')
      .send({ email: 'guess-new@example.test', password: 'wrong guess' });
    expect(limited.status).toBe(429);
  });

  it('does not count successful sign-ins', async () => {
    const session = await t.loginAs('employee');
    for (let i = 0; i < 5; i += 1) {
      const res = await request(t.app)
        .post('/api/auth/login')
        .send({ email: session.user.email, password: session.user.password });
      expect(res.status).toBe(200);
    }
  });
});

describe('admin-only user management', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex);
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers 401 to anonymous callers and 403 to every role but admin', async () => {
    expect((await request(t.app).get('/api/users')).status).toBe(401);
    for (const role of ['employee', 'facility', 'external'] as const) {
      const token = await t.tokenFor(role);
      const res = await request(t.app).get('/api/users').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(403);
      expect((res.body as { error: { code: string } }).error.code).toBe('forbidden');
    }
    const create = await request(t.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${await t.tokenFor('facility')}`)
      .send({ email: 'x@example.test', name: 'X', role: 'admin', password: 'long enough password' });
    expect(create.status).toBe(403);
    expect(await db.knex('users').where({ email: 'x@example.test' }).first()).toBeUndefined();
  });

  it('lets an admin create a user who can then sign in, and refuses a duplicate email', async () => {
    const body = {
      email: 'Grace.Hopper@example.test',
      name: 'Grace Hopper',
      role: 'facility',
      password: 'a long enough password',
    };
    const created = await request(t.app).post('/api/users').set('Authorization', `Bearer ${admin}`).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: body.email, name: body.name, role: 'facility', active: true });
    expect(created.body).not.toHaveProperty('password');
    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'grace.hopper@example.test', password: body.password });
    expect(login.status).toBe(200);
    const duplicate = await request(t.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...body, email: 'grace.hopper@EXAMPLE.test' });
    expect(duplicate.status).toBe(409);
  });

  it('lists users page by page', async () => {
    const res = await request(t.app).get('/api/users?page=1&pageSize=2').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    const page = res.body as { items: unknown[]; total: number; pageSize: number };
    expect(page.items).toHaveLength(2);
    expect(page.pageSize).toBe(2);
    expect(page.total).toBeGreaterThan(2);
  });

  it('changes role and password; a new password ends the user’s sessions', async () => {
    const session = await t.loginAs('employee');
    const res = await request(t.app)
      .patch(`/api/users/${session.user.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'facility', name: 'Renamed', password: 'a brand new password' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'facility', name: 'Renamed' });
    expect((await request(t.app).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(401);
    const old = await request(t.app)
      .post('/api/auth/login')
      .send({ email: session.user.email, password: session.user.password });
    expect(old.status).toBe(401);
    const fresh = await request(t.app)
      .post('/api/auth/login')
      .send({ email: session.user.email, password: 'a brand new password' });
    expect(fresh.status).toBe(200);
  });

  it('does not let an admin lock themselves out', async () => {
    const session = await t.loginAs('admin');
    const send = (body: object) =>
      request(t.app)
        .patch(`/api/users/${session.user.id}`)
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', session.csrfToken)
        .send(body);
    expect((await send({ role: 'employee' })).status).toBe(422);
    expect((await send({ active: false })).status).toBe(422);
    expect((await request(t.app).get('/api/auth/me').set('Cookie', session.cookie)).body).toMatchObject({
      user: { role: 'admin' },
    });
  });

  it('answers 404 for an unknown user', async () => {
    const res = await request(t.app)
      .patch('/api/users/00000000-0000-4000-8000-000000000000')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Nobody' });
    expect(res.status).toBe(404);
  });

  it('creates the configured first admin once', async () => {
    const first = { email: 'first.admin@example.test', password: 'first admin password' };
    expect(await t.deps.users.ensureInitialAdmin(first)).toBe('created');
    expect(await t.deps.users.ensureInitialAdmin(first)).toBe('exists');
    const login = await request(t.app).post('/api/auth/login').send(first);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { role: 'admin', email: first.email } });
  });
});
