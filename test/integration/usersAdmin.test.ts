import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import request from 'supertest';
import { buildUser } from '../factories/users';
import { createTestApp, type SignedInSession, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** The admin's user management (issue 13): search, deactivation, password resets and the last admin. */

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; reason?: string } };
}
const errorOf = (body: unknown): ErrorBody['error'] => (body as ErrorBody).error;

function writeAs(session: SignedInSession) {
  return (req: request.Test) => req.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken);
}

describe('managing users', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: SignedInSession;
  const logged: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const logSink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    t = createTestApp(db.knex, { logger: pino({ level: 'trace' }, logSink) });
    admin = await t.loginAs('admin');
  });
  afterAll(async () => {
    await db.close();
  });

  const list = (query: Record<string, string>) =>
    request(t.app).get('/api/users').query(query).set('Cookie', admin.cookie).expect(200);
  const emailsOf = (body: unknown) => (body as { items: { email: string }[] }).items.map((u) => u.email);

  it('finds users by part of their name or email, and by role', async () => {
    await buildUser(db.knex, { email: 'greta.gruber@search.test', name: 'Greta Gruber', role: 'facility' });
    await buildUser(db.knex, { email: 'hans@search.test', name: 'Hans Gruberova', role: 'employee' });
    await buildUser(db.knex, { email: 'ines@search.test', name: 'Ines 100%', role: 'employee' });

    expect(emailsOf((await list({ q: 'GRUBER' })).body)).toEqual(['greta.gruber@search.test', 'hans@search.test']);
    const employees = await list({ q: 'search.test', role: 'employee' });
    expect(emailsOf(employees.body)).toEqual(['hans@search.test', 'ines@search.test']);
    expect((employees.body as { total: number }).total).toBe(2);
    // A % typed by the admin is a percent sign, not a wildcard.
    expect(emailsOf((await list({ q: '0%' })).body)).toEqual(['ines@search.test']);
    await request(t.app).get('/api/users').query({ role: 'owner' }).set('Cookie', admin.cookie).expect(400);
  });

  it('ends the sessions of a deactivated user at once, and lets them back in when reactivated', async () => {
    const employee = await t.loginAs('employee');
    await request(t.app).get('/api/auth/me').set('Cookie', employee.cookie).expect(200);

    const off = await writeAs(admin)(request(t.app).patch(`/api/users/${employee.user.id}`)).send({ active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false });
    await request(t.app).get('/api/auth/me').set('Cookie', employee.cookie).expect(401);
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: employee.user.email, password: employee.user.password })
      .expect(401);

    await writeAs(admin)(request(t.app).patch(`/api/users/${employee.user.id}`))
      .send({ active: true })
      .expect(200);
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: employee.user.email, password: employee.user.password })
      .expect(200);
  });

  it('resets a password: a new random one shown once, the old one and the old sessions stop working', async () => {
    const employee = await t.loginAs('employee');
    const res = await writeAs(admin)(request(t.app).post(`/api/users/${employee.user.id}/password-reset`));
    expect(res.status).toBe(200);
    const { temporaryPassword } = res.body as { temporaryPassword: string };
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(16);

    await request(t.app).get('/api/auth/me').set('Cookie', employee.cookie).expect(401);
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: employee.user.email, password: employee.user.password })
      .expect(401);
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: employee.user.email, password: temporaryPassword })
      .expect(200);

    const again = await writeAs(admin)(request(t.app).post(`/api/users/${employee.user.id}/password-reset`));
    expect((again.body as { temporaryPassword: string }).temporaryPassword).not.toBe(temporaryPassword);
    const stored = await db.knex('users').where({ id: employee.user.id }).first<{ password_hash: string }>();
    expect(stored?.password_hash).not.toContain(temporaryPassword);
    expect(logged.join('')).not.toContain(temporaryPassword);
  });

  it('makes the user choose a new password at the next sign-in, before anything else; their API tokens go on', async () => {
    const employee = await t.loginAs('employee');
    const { token } = await t.deps.auth.createApiToken(employee.user.id, { name: 'script' });
    const reset = await writeAs(admin)(request(t.app).post(`/api/users/${employee.user.id}/password-reset`));
    const { temporaryPassword } = reset.body as { temporaryPassword: string };
    const cookieOf = (res: request.Response): string => {
      const set = res.headers['set-cookie'] as unknown as string[];
      return (set.find((c) => c.startsWith('rs_session=')) ?? '').split(';')[0] ?? '';
    };

    const signedIn = await request(t.app)
      .post('/api/auth/login')
      .send({ email: employee.user.email, password: temporaryPassword })
      .expect(200);
    expect(signedIn.body).toMatchObject({ mustChangePassword: true });
    const held = {
      user: employee.user,
      cookie: cookieOf(signedIn),
      csrfToken: (signedIn.body as { csrfToken: string }).csrfToken,
    };
    const me = await request(t.app).get('/api/auth/me').set('Cookie', held.cookie).expect(200);
    expect(me.body).toMatchObject({ mustChangePassword: true });
    const blocked = await request(t.app).get('/api/bookings').set('Cookie', held.cookie).expect(403);
    expect(errorOf(blocked.body).code).toBe('password_change_required');
    await writeAs(held)(request(t.app).post('/api/auth/tokens').send({ name: 'sneaky' })).expect(403);
    // A script's token is not the password the admin knows: it keeps working.
    await request(t.app).get('/api/bookings').set('Authorization', `Bearer ${token}`).expect(200);

    const change = (currentPassword: string, newPassword: string) =>
      writeAs(held)(request(t.app).post('/api/auth/password').send({ currentPassword, newPassword }));
    const wrong = await change('not the password', 'a-new-password-of-mine');
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong.body).code).toBe('current_password_wrong');
    expect((await change(temporaryPassword, 'short')).status).toBe(400);
    expect((await change(temporaryPassword, temporaryPassword)).status).toBe(422);

    const changed = await change(temporaryPassword, 'a-new-password-of-mine');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ mustChangePassword: false });
    // The browser goes on in a new session; the one opened with the reset password is over.
    await request(t.app).get('/api/bookings').set('Cookie', cookieOf(changed)).expect(200);
    await request(t.app).get('/api/auth/me').set('Cookie', held.cookie).expect(401);
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: employee.user.email, password: temporaryPassword })
      .expect(401);
    const next = await request(t.app)
      .post('/api/auth/login')
      .send({ email: employee.user.email, password: 'a-new-password-of-mine' })
      .expect(200);
    expect(next.body).toMatchObject({ mustChangePassword: false });
    await request(t.app).get('/api/bookings').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses a reset of a user that does not exist, and a reset without the CSRF token', async () => {
    await writeAs(admin)(request(t.app).post('/api/users/00000000-0000-4000-8000-000000000000/password-reset')).expect(
      404,
    );
    const employee = await buildUser(db.knex);
    await request(t.app).post(`/api/users/${employee.id}/password-reset`).set('Cookie', admin.cookie).expect(403);
  });

  it('refuses non-admins', async () => {
    const facility = await t.loginAs('facility');
    const target = await buildUser(db.knex);
    await request(t.app).get('/api/users').set('Cookie', facility.cookie).expect(403);
    await writeAs(facility)(request(t.app).post(`/api/users/${target.id}/password-reset`)).expect(403);
    await writeAs(facility)(request(t.app).patch(`/api/users/${target.id}`))
      .send({ active: false })
      .expect(403);
  });

  it('does not let an admin demote, deactivate or reset themselves', async () => {
    const self = writeAs(admin);
    const demote = await self(request(t.app).patch(`/api/users/${admin.user.id}`)).send({ role: 'employee' });
    expect(demote.status).toBe(422);
    expect(errorOf(demote.body).code).toBe('unprocessable');
    const deactivate = await self(request(t.app).patch(`/api/users/${admin.user.id}`)).send({ active: false });
    expect(deactivate.status).toBe(422);
    await self(request(t.app).post(`/api/users/${admin.user.id}/password-reset`)).expect(422);
    await request(t.app).get('/api/auth/me').set('Cookie', admin.cookie).expect(200);
    const row = await db.knex('users').where({ id: admin.user.id }).first<{ role: string; active: boolean }>();
    expect(row).toMatchObject({ role: 'admin', active: true });
  });
});

describe('the last active admin', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex);
  });
  afterAll(async () => {
    await db.close();
  });

  const activeAdmins = async () =>
    (await db.knex('users').where({ role: 'admin', active: true }).select<{ id: string }[]>('id')).length;

  it('stays when two admins demote each other at the same moment', async () => {
    const ada = await t.loginAs('admin');
    const bea = await t.loginAs('admin');
    const [first, second] = await Promise.all([
      writeAs(ada)(request(t.app).patch(`/api/users/${bea.user.id}`)).send({ role: 'employee' }),
      writeAs(bea)(request(t.app).patch(`/api/users/${ada.user.id}`)).send({ role: 'employee' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(200);
    // The loser either was still an admin when it asked (422) or had already lost the role (403).
    expect([403, 422]).toContain(statuses[1]);
    expect(await activeAdmins()).toBe(1);
  });

  it('is refused by the service whoever asks, with the field and reason for the form', async () => {
    const only = await buildUser(db.knex, { role: 'admin' });
    await db.knex('users').whereNot({ id: only.id }).where({ role: 'admin' }).update({ active: false });
    const someoneElse = { userId: '00000000-0000-4000-8000-000000000001', email: 'x@x.test', name: 'X' };
    const actor = { ...someoneElse, role: 'admin' as const, via: 'token' as const };

    await expect(t.deps.users.update(actor, only.id, { active: false })).rejects.toMatchObject({
      code: 'unprocessable',
      details: { field: 'active', reason: 'last-admin' },
    });
    await expect(t.deps.users.update(actor, only.id, { role: 'facility' })).rejects.toMatchObject({
      details: { field: 'role', reason: 'last-admin' },
    });
    expect(await activeAdmins()).toBe(1);
    // Another admin may take over, after which the first may step down.
    const next = await buildUser(db.knex, { role: 'facility' });
    await t.deps.users.update(actor, next.id, { role: 'admin' });
    await expect(t.deps.users.update(actor, only.id, { role: 'facility' })).resolves.toMatchObject({
      role: 'facility',
    });
  });
});
