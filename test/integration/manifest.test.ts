import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Composition } from '../../server/compose/app';
import { MANIFEST_PLACEHOLDER_ORIGIN } from '../../server/http/routes/addin/manifest';
import {
  ICONS_DIR,
  MANIFEST_FILE,
  REPO_ROOT,
  outlookChecks,
  schemaDir,
  schemaErrors,
  schemasAvailable,
} from '../../scripts/validate-manifest';
import { drawIcon } from '../../scripts/draw-addin-icons';
import { buildUser } from '../factories/users';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { ADDIN_PUBLIC_URL, createAddinApp } from './addinHarness';

/**
 * `npm run validate:manifest` inside `npm test`: manifest.xml and the manifest the server serves
 * at /manifest.xml validate against the Office manifest schemas, and pass the checks Outlook makes
 * beyond the schema. Without the schemas the schema part is skipped with a message, except in CI.
 */

const committed = readFileSync(MANIFEST_FILE, 'utf8');
const haveSchemas = schemasAvailable();
if (!haveSchemas) {
  console.warn(`Office manifest schemas not found in ${schemaDir()}: schema validation of the manifest is skipped.`);
}

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

const served = async (): Promise<string> => {
  const res = await request(app.app).get('/manifest.xml').expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/xml/);
  return res.text;
};

describe('the schemas', () => {
  it('are present in CI', () => {
    if (process.env.CI === 'true') expect(haveSchemas).toBe(true);
  });
});

(haveSchemas ? describe : describe.skip)('schema validation (../shared/schemas/office-manifest)', () => {
  it('accepts manifest.xml', async () => {
    expect(await schemaErrors(committed)).toEqual([]);
  });

  it('accepts the manifest served at /manifest.xml', async () => {
    expect(await schemaErrors(await served())).toEqual([]);
  });

  it('refuses a manifest without DefaultLocale', async () => {
    const broken = committed.replace(/<DefaultLocale>[^<]*<\/DefaultLocale>/, '');
    expect((await schemaErrors(broken)).join('\n')).toMatch(/not expected/);
  });
});

describe('the served manifest', () => {
  it('points every URL at PUBLIC_URL and nowhere else', async () => {
    const xml = await served();
    expect(xml).not.toContain(MANIFEST_PLACEHOLDER_ORIGIN);
    const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</g)].map((m) => m[1] ?? m[2] ?? '');
    const pointing = urls.filter(
      (u) => !u.startsWith('http://schemas.microsoft.com') && !u.startsWith('http://www.w3.org'),
    );
    expect(pointing.length).toBeGreaterThan(10);
    for (const url of pointing) expect(url.startsWith(`${ADDIN_PUBLIC_URL}/`) || url === ADDIN_PUBLIC_URL).toBe(true);
    expect(xml).toContain(`${ADDIN_PUBLIC_URL}/taskpane.html?mode=attendee`);
  });

  it('passes the checks the schema cannot make', async () => {
    expect(outlookChecks(committed)).toEqual([]);
    expect(outlookChecks(await served())).toEqual([]);
  });

  it('serves the icons it names', async () => {
    const res = await request(app.app).get('/addin/icons/icon-80.png').expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    await request(app.app).get('/addin/icons/icon-81.png').expect(404);
  });

  it('is offered to admins as a download, and to nobody else', async () => {
    const admin = await buildUser(db.knex, { role: 'admin' });
    const token = await app.services.auth.createApiToken(admin.id, { name: 'manifest' });
    const res = await request(app.app)
      .get('/api/admin/addin/manifest')
      .set('Authorization', `Bearer ${token.token}`)
      .expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="roomserve-manifest.xml"');
    expect(res.text).toBe(await served());
    const employee = await buildUser(db.knex, { role: 'employee' });
    const employeeToken = await app.services.auth.createApiToken(employee.id, { name: 'manifest' });
    await request(app.app)
      .get('/api/admin/addin/manifest')
      .set('Authorization', `Bearer ${employeeToken.token}`)
      .expect(403);
    await request(app.app).get('/api/admin/addin/manifest').expect(401);
  });
});

describe('the checks beyond the schema', () => {
  it('find a URL that is not https', () => {
    const xml = committed.replace(
      '<SupportUrl DefaultValue="https://roomserve.example.com/"/>',
      '<SupportUrl DefaultValue="http://roomserve.example.com/"/>',
    );
    expect(outlookChecks(xml)).toEqual(['<SupportUrl> has a URL that is not https: http://roomserve.example.com/']);
  });

  it('find a resid that names no resource, or the wrong kind', () => {
    const dangling = committed.replace('<Label resid="FindRoom.Label"/>', '<Label resid="FindRoom.Missing"/>');
    expect(outlookChecks(dangling)).toEqual(['<Label resid="FindRoom.Missing"> names no resource']);
    const wrongKind = committed.replace(
      '<Description resid="FindRoom.Tooltip"/>',
      '<Description resid="Taskpane.Url"/>',
    );
    expect(outlookChecks(wrongKind)).toEqual(['<Description resid="Taskpane.Url"> names Urls, expected LongStrings']);
  });

  it('find a missing icon and an icon of the wrong size', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'addin-icons-'));
    try {
      for (const file of readdirSync(ICONS_DIR)) copyFileSync(path.join(ICONS_DIR, file), path.join(dir, file));
      writeFileSync(path.join(dir, 'icon-32.png'), drawIcon(31));
      const missing = committed.split('icon-128.png').join('icon-129.png');
      expect(outlookChecks(missing, dir)).toEqual([
        `icon https://roomserve.example.com/addin/icons/icon-129.png: ${path.relative(REPO_ROOT, path.join(dir, 'icon-129.png'))} does not exist`,
        'icon https://roomserve.example.com/addin/icons/icon-32.png is 31×31 px, declared 32×32',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
