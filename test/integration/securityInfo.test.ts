import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { answerClientErrors } from '../../server/http/middleware/requestLimits';
import { buildBooking } from '../factories/bookings';
import { buildRoom } from '../factories/locations';
import { createTestApp, type SignedInSession, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** Security issue #20, finding 9: the small things. */

let db: TestDatabase;
let t: TestApp;
let emma: SignedInSession;
let lukas: SignedInSession;
let webDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  webDir = mkdtempSync(path.join(tmpdir(), 'roomserve-web-'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Roomserve</title>');
  writeFileSync(path.join(webDir, 'main.0123abcd4567.js'), 'console.log(1);');
  writeFileSync(path.join(webDir, 'main.0123abcd4567.js.map'), '{"version":3,"sources":["secret.ts"]}');
  t = createTestApp(db.knex, { webDir });
  emma = await t.loginAs('employee');
  lukas = await t.loginAs('employee');
}, 120_000);
afterAll(async () => {
  await db.close();
});

describe('signed-in API answers', () => {
  it('are marked Cache-Control: no-store', async () => {
    const me = await request(t.app).get('/api/auth/me').set('Cookie', emma.cookie);
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const rooms = await request(t.app).get('/api/rooms').set('Cookie', emma.cookie);
    expect(rooms.headers['cache-control']).toBe('no-store');
  });
});

describe("someone else's booking", () => {
  it('answers 404 exactly like an unknown id, so ids cannot be probed', async () => {
    const roomId = await buildRoom(db.knex);
    const bookingId = await buildBooking(db.knex, {
      roomId,
      start: '2030-05-06T08:00:00Z',
      end: '2030-05-06T09:00:00Z',
      requestedBy: emma.user.id,
    });
    const unknown = await request(t.app)
      .get('/api/bookings/6f1c1f57-2a53-4c7a-9d4c-7d1c2b1e0a11')
      .set('Cookie', lukas.cookie);
    const others = await request(t.app).get(`/api/bookings/${bookingId}`).set('Cookie', lukas.cookie);
    expect([others.status, (others.body as { error: { code: string } }).error.code]).toEqual([404, 'not_found']);
    expect(unknown.status).toBe(404);
    const cancel = await request(t.app)
      .delete(`/api/bookings/${bookingId}`)
      .set('Cookie', lukas.cookie)
      .set('X-CSRF-Token', lukas.csrfToken);
    expect(cancel.status).toBe(404);
  });
});

describe('a too-long URL', () => {
  it('answers 414 uri_too_long, not a message about the body', async () => {
    const res = await request(t.app)
      .get(`/api/rooms?q=${'x'.repeat(9000)}`)
      .set('Cookie', emma.cookie);
    expect(res.status).toBe(414);
    expect(res.body).toMatchObject({ error: { code: 'uri_too_long', message: 'The request URL is too long' } });
  });

  it("past Node's own header limit, answers 431 headers_too_large with our JSON body", async () => {
    const server = t.app.listen(0, '127.0.0.1');
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/rooms?q=${'x'.repeat(20_000)}`);
      expect(res.status).toBe(431);
      expect(await res.json()).toMatchObject({ error: { code: 'headers_too_large' } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the built web app', () => {
  it('never serves source maps, but still serves the bundles', async () => {
    expect((await request(t.app).get('/main.0123abcd4567.js')).status).toBe(200);
    const map = await request(t.app).get('/main.0123abcd4567.js.map');
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('secret.ts');
  });
});
