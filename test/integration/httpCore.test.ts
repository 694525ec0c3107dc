import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

function webBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roomserve-web-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Roomserve</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'main.0123abcd4567.js'), 'console.log("app")');
  writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>Roomserve for Outlook</title>');
  mkdirSync(path.join(dir, 'display'));
  writeFileSync(path.join(dir, 'display', 'index.html'), '<!doctype html><title>Roomserve room display</title>');
  writeFileSync(path.join(dir, 'display', 'version.json'), '{"build":"b1"}');
  return dir;
}

describe('the HTTP shell', () => {
  let db: TestDatabase;
  let t: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = createTestApp(db.knex, { webDir: webBuild(), logger: pino({ level: 'trace' }, sink) });
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers /healthz while the process runs and /readyz while the database answers', async () => {
    expect(await request(t.app).get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await request(t.app).get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('answers /readyz with 503 when the database is gone', async () => {
    const doomed = await createTestDatabase({ migrate: false });
    const app = createTestApp(doomed.knex).app;
    await doomed.close();
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect((res.body as { error: { code: string } }).error.code).toBe('unavailable');
    expect((await request(app).get('/healthz')).status).toBe(200);
  });

  it('answers unknown /api routes with a 404 JSON error', async () => {
    const res = await request(t.app).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/no-such-thing' } });
  });

  it('refuses JSON bodies over 1 MB with 413 and malformed JSON with 400', async () => {
    const huge = JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(1024 * 1024) });
    const tooLarge = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send(huge);
    expect(tooLarge.status).toBe(413);
    expect((tooLarge.body as { error: { code: string } }).error.code).toBe('payload_too_large');
    const broken = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expect(broken.status).toBe(400);
    expect((broken.body as { error: { code: string } }).error.code).toBe('invalid_json');
    expect(JSON.stringify(broken.body)).not.toMatch(/at .*\.js|node_modules|SyntaxError/);
  });

  it('serves the web app with its pages falling back to index.html', async () => {
    const page = await request(t.app).get('/rooms/search?q=x');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const bundle = await request(t.app).get('/main.0123abcd4567.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(t.app).get('/missing.0123abcd4567.js')).status).toBe(404);
  });

  it('serves the room display its own page at /display, with or without a code, and its build id uncached', async () => {
    for (const url of ['/display', '/display/', '/display?code=K7QM-XW3P']) {
      const page = await request(t.app).get(url);
      expect({ url, status: page.status, text: page.text }).toEqual({
        url,
        status: 200,
        text: expect.stringContaining('Roomserve room display') as unknown as string,
      });
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const version = await request(t.app).get('/display/version.json');
    expect(version.status).toBe(200);
    expect(version.body).toEqual({ build: 'b1' });
    expect(version.headers['cache-control']).toBe('no-cache');
  });

  it('sends security headers with a CSP that allows only our own scripts', async () => {
    const res = await request(t.app).get('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain("frame-ancestors 'self' https:");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('lets Outlook on the web frame the taskpane and load office.js from Microsoft, and nothing else', async () => {
    const res = await request(t.app).get('/taskpane.html');
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    // Security issue #20: no longer any https site; Outlook's own hosts (and the Exchange origin, when configured).
    expect(csp).toContain("frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com");
    expect(csp).not.toMatch(/frame-ancestors[^;]* https:(;|\s|$)/);
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('never writes passwords, cookies, CSRF or API tokens to the log', async () => {
    const session = await t.loginAs('admin');
    const token = await t.tokenFor('employee');
    await request(t.app).get('/api/auth/me').set('Cookie', session.cookie);
    await request(t.app).post('/api/auth/logout').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken);
    await request(t.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: session.user.email, password: 'a wrong password guess' });
    const log = logLines.join('');
    expect(log).toContain('/api/auth/me');
    for (const secret of [
      session.user.password,
      'a wrong password guess',
      session.cookie.split('=')[1] ?? '',
      session.csrfToken,
      token,
    ]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(log).not.toContain(secret);
    }
  });
});
