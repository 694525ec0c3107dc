import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DEMO_DISPLAY_FILE, DEMO_DISPLAY_ROOM, ensureDemoDisplay } from '../../demo/display';
import { systemClock } from '../../server/adapters/clock/systemClock';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { createDisplayRepository } from '../../server/adapters/db/repositories/displays';
import { createDisplayPairingService } from '../../server/services/displays/pairing';
import { buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The demo's room display (docs/displays.md, "The demo display"): paired once, its token kept in
 * the data directory across restarts, and its link served to admins in the demo only.
 */
const PUBLIC_URL = 'http://localhost:3000';
const LINK = `${PUBLIC_URL}/display#token=rs_dsp_demo-link-for-the-test`;

describe('the demo display link (GET /api/demo/display-link)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('answers the demo display’s link to admins in the demo, and refuses everyone else', async () => {
    const t = createTestApp(db.knex, { displays: { demoLink: () => LINK } });
    const admin = await request(t.app)
      .get('/api/demo/display-link')
      .set('Authorization', `Bearer ${await t.tokenFor('admin')}`);
    expect({ status: admin.status, body: admin.body as unknown }).toEqual({ status: 200, body: { url: LINK } });

    const employee = await request(t.app)
      .get('/api/demo/display-link')
      .set('Authorization', `Bearer ${await t.tokenFor('employee')}`);
    expect(employee.status).toBe(403);
    expect(JSON.stringify(employee.body)).not.toContain('rs_dsp_');
    const anonymous = await request(t.app).get('/api/demo/display-link');
    expect(anonymous.status).toBe(401);
  });

  it('does not exist outside the demo: 404 even for an admin', async () => {
    const t = createTestApp(db.knex);
    const res = await request(t.app)
      .get('/api/demo/display-link')
      .set('Authorization', `Bearer ${await t.tokenFor('admin')}`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('/display#token=');
  });
});

describe('the demo display, paired at start', () => {
  let db: TestDatabase;
  let dataDir: string;
  let t: TestApp;
  let admin: string;
  // One key for every "start": the server keys its hashes of codes and tokens with it.
  const secrets = createSecretBox(randomBytes(32));

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'roomserve-demo-display-'));
    t = createTestApp(db.knex, { secrets });
    admin = await t.tokenFor('admin');
    await buildUser(db.knex, { role: 'admin', name: 'Ada Admin' });
    await buildRoom(db.knex, { name: 'Elbe', exchangeEmail: DEMO_DISPLAY_ROOM });
  }, 120_000);
  afterAll(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What one server start does: a fresh pairing service over the same database and data directory. */
  const start = () =>
    ensureDemoDisplay({
      knex: db.knex,
      dataDir,
      publicUrl: PUBLIC_URL,
      pairing: createDisplayPairingService({
        displays: createDisplayRepository(db.knex),
        clock: systemClock,
        publicUrl: PUBLIC_URL,
        hashPairingCode: (code) => secrets.keyedHash('pairing-code', code),
      }),
    });

  const tokenOf = (link: string | undefined) => link?.split('#token=')[1] ?? '';

  async function listed(): Promise<{ id: string; roomName: string; status: string }[]> {
    const res = await request(t.app).get('/api/admin/displays').set('Authorization', `Bearer ${admin}`);
    return (res.body as { items: { id: string; roomName: string; status: string }[] }).items;
  }

  it('pairs one display for the demo room, whose token reads that room, and keeps it across restarts', async () => {
    const first = await start();
    expect(first).toMatch(/^http:\/\/localhost:3000\/display#token=rs_dsp_/);
    const state = await request(t.app)
      .get('/api/display/state')
      .set('Authorization', `Bearer ${tokenOf(first)}`);
    expect(state.status).toBe(200);
    expect((state.body as { room: { name: string } }).room.name).toBe('Elbe');
    expect(statSync(path.join(dataDir, DEMO_DISPLAY_FILE)).mode & 0o777).toBe(0o600);

    const again = await start();
    expect(again).toBe(first);
    expect((await listed()).map((d) => [d.roomName, d.status])).toEqual([['Elbe', 'paired']]);
  });

  it('pairs a new display when an admin revoked the last one', async () => {
    const before = await start();
    const [display] = await listed();
    const revoked = await request(t.app)
      .delete(`/api/admin/displays/${display?.id ?? ''}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(revoked.status).toBe(204);

    const after = await start();
    expect(after).not.toBe(before);
    const state = await request(t.app)
      .get('/api/display/state')
      .set('Authorization', `Bearer ${tokenOf(after)}`);
    expect(state.status).toBe(200);
    expect(readFileSync(path.join(dataDir, DEMO_DISPLAY_FILE), 'utf8')).toContain(tokenOf(after));
    expect((await listed()).map((d) => d.status)).toEqual(['paired']);
  });
});
