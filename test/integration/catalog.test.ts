import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Item, Provider } from '../../shared/schemas/catalog';
import type { Role } from '../../shared/schemas/users';
import { buildItem, buildProvider } from '../factories/catalog';
import { buildBuilding, buildImageFile } from '../factories/locations';
import request from 'supertest';
import { createTestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { catalogSnapshot, itemBody, providerBody } from './catalogHarness';
import { bodyOf, errorOf, locationsTestApp, type LocationsTestApp } from './locationsHarness';

/** Building a PGlite database with every migration is slow on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

let db: TestDatabase;
let t: LocationsTestApp;
let buildingA: string;
let buildingB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await locationsTestApp(db.knex);
  buildingA = await buildBuilding(db.knex, { name: 'Alpha' });
  buildingB = await buildBuilding(db.knex, { name: 'Beta' });
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await db.close();
});

describe.each<Role>(['admin', 'facility'])('the catalog maintained by %s', (role) => {
  it('creates, reads, lists, changes and deletes a provider', async () => {
    const caller = t.as(role);
    const created = await caller
      .post('/api/catalog/providers')
      .send(providerBody({ name: `  Kitchen of ${role} `, buildingIds: [buildingB, buildingA] }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: `Kitchen of ${role}`,
      kind: 'internal-kitchen',
      buildingIds: [buildingA, buildingB].sort(),
      contactEmail: 'kitchen@example.test',
      webhookUrl: null,
      webhookSecretSet: false,
      workingHours: { mon: [{ open: '07:00', close: '18:00' }] },
      active: true,
    });
    const id = bodyOf<Provider>(created).id;

    // Security issue #20: where a provider's webhook points is shown to the facility team and admins only.
    const { webhookUrl: _url, webhookSecretSet: _set, ...asEmployeesSeeIt } = bodyOf<Provider>(created);
    expect((await t.as('employee').get(`/api/catalog/providers/${id}`)).body).toEqual(asEmployeesSeeIt);
    expect((await t.as('employee').get('/api/catalog/providers')).body).toContainEqual(asEmployeesSeeIt);
    expect((await caller.get(`/api/catalog/providers/${id}`)).body).toEqual(created.body);

    const patched = await caller
      .patch(`/api/catalog/providers/${id}`)
      .send({ kind: 'external-caterer', buildingIds: [buildingA], active: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ kind: 'external-caterer', buildingIds: [buildingA], active: false });

    expect((await caller.delete(`/api/catalog/providers/${id}`)).status).toBe(204);
    expect((await caller.get(`/api/catalog/providers/${id}`)).status).toBe(404);
  });

  it('creates, reads, lists, changes and deletes an item', async () => {
    const caller = t.as(role);
    const providerId = await buildProvider(db.knex, { buildingIds: [buildingA] });
    const imageFileId = await buildImageFile(db.knex);
    const created = await caller.post('/api/catalog/items').send(
      itemBody(providerId, {
        description: 'Sourdough, chicken, bacon',
        dietary: ['halal'],
        imageFileId,
        availability: { mon: [{ from: '11:00', to: '14:00' }] },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      providerId,
      name: 'Club sandwich',
      description: 'Sourdough, chicken, bacon',
      category: 'lunch',
      priceMinor: 850,
      currency: 'EUR',
      unit: 'per-person',
      dietary: ['halal'],
      allergens: ['gluten', 'eggs'],
      imageFileId,
      imageUrl: `/api/files/${imageFileId}`,
      leadTimeHours: 24,
      changeCutoffHours: 12,
      availability: { mon: [{ from: '11:00', to: '14:00' }] },
      active: true,
    });
    const id = bodyOf<Item>(created).id;

    expect((await t.as('employee').get(`/api/catalog/items/${id}`)).body).toEqual(created.body);
    expect((await t.as('external').get(`/api/catalog/items?providerId=${providerId}`)).body).toEqual([created.body]);

    const patched = await caller
      .patch(`/api/catalog/items/${id}`)
      .send({ priceMinor: 0, imageFileId: null, availability: null, allergens: [] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      priceMinor: 0,
      imageFileId: null,
      imageUrl: null,
      availability: null,
      allergens: [],
    });

    expect((await caller.delete(`/api/catalog/items/${id}`)).status).toBe(204);
    expect((await caller.get(`/api/catalog/items/${id}`)).status).toBe(404);
  });
});

describe('access', () => {
  it('lets employees and external guests read but not write, and anonymous callers nothing', async () => {
    const providerId = await buildProvider(db.knex, { buildingIds: [buildingA] });
    const itemId = await buildItem(db.knex, { providerId });
    const before = await catalogSnapshot(db.knex);
    for (const role of ['employee', 'external'] as const) {
      const caller = t.as(role);
      expect((await caller.get('/api/catalog/providers')).status).toBe(200);
      expect((await caller.get(`/api/catalog/items/${itemId}`)).status).toBe(200);
      const writes = [
        await caller.post('/api/catalog/providers').send(providerBody()),
        await caller.patch(`/api/catalog/providers/${providerId}`).send({ name: 'Mine now' }),
        await caller.delete(`/api/catalog/providers/${providerId}?cascade=true`),
        await caller.post('/api/catalog/items').send(itemBody(providerId)),
        await caller.patch(`/api/catalog/items/${itemId}`).send({ priceMinor: 1 }),
        await caller.delete(`/api/catalog/items/${itemId}`),
      ];
      expect(writes.map((r) => [r.status, errorOf(r).code])).toEqual(writes.map(() => [403, 'forbidden']));
    }
    expect((await t.anonymous.get('/api/catalog/providers')).status).toBe(401);
    expect((await t.anonymous.get(`/api/catalog/menu?roomId=${itemId}`)).status).toBe(401);
    expect(await catalogSnapshot(db.knex)).toEqual(before);
  });
});

describe('the webhook secret', () => {
  it('is generated for a webhook URL, can be replaced, is sealed at rest and never returned', async () => {
    // Its own app, to reach the service that opens the secret with the same key that sealed it.
    const own = createTestApp(db.knex);
    const bearer = `Bearer ${await own.tokenFor('admin')}`;
    const secret = 'a-very-secret-signing-key-123';
    const created = await request(own.app)
      .post('/api/catalog/providers')
      .set('Authorization', bearer)
      .send(providerBody({ webhookUrl: 'https://caterer.example.com/hook' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ webhookUrl: 'https://caterer.example.com/hook', webhookSecretSet: true });
    const id = bodyOf<Provider>(created).id;
    const generated = await own.deps.catalog.providerWebhook(id);
    expect(generated?.secret.length).toBeGreaterThanOrEqual(32);

    const replaced = await request(own.app)
      .patch(`/api/catalog/providers/${id}`)
      .set('Authorization', bearer)
      .send({ webhookSecret: secret });
    expect(replaced.status).toBe(200);
    expect(await own.deps.catalog.providerWebhook(id)).toEqual({ url: 'https://caterer.example.com/hook', secret });
    const stored = await db.knex('catering_providers').where({ id }).first<{ webhook_secret_sealed: string }>();
    expect(stored.webhook_secret_sealed).not.toContain(secret);

    const reads = [
      replaced,
      await t.as('admin').get(`/api/catalog/providers/${id}`),
      await t.as('admin').get('/api/catalog/providers'),
    ];
    for (const res of reads) {
      expect(JSON.stringify(res.body)).not.toContain(secret);
      expect(JSON.stringify(res.body)).not.toContain(stored.webhook_secret_sealed);
    }

    const cleared = await request(own.app)
      .patch(`/api/catalog/providers/${id}`)
      .set('Authorization', bearer)
      .send({ webhookUrl: null });
    expect(cleared.body).toMatchObject({ webhookUrl: null, webhookSecretSet: false });
    expect(await own.deps.catalog.providerWebhook(id)).toBeUndefined();
  });

  it('is refused without a webhook URL', async () => {
    const before = await catalogSnapshot(db.knex);
    const res = await t
      .as('admin')
      .post('/api/catalog/providers')
      .send(providerBody({ webhookSecret: 'x'.repeat(20) }));
    expect([res.status, errorOf(res).code]).toEqual([422, 'unprocessable']);
    expect(await catalogSnapshot(db.knex)).toEqual(before);
  });
});

describe('items filters', () => {
  it('filters by building, category and activity, ordered by provider, category and name', async () => {
    const building = await buildBuilding(db.knex);
    const serving = await buildProvider(db.knex, { name: 'AAA serving', buildingIds: [building] });
    const resting = await buildProvider(db.knex, { name: 'AAB resting', buildingIds: [building], active: false });
    await buildProvider(db.knex, { name: 'Elsewhere', buildingIds: [buildingB] });
    const soup = await buildItem(db.knex, { providerId: serving, name: 'Soup', category: 'lunch' });
    const coffee = await buildItem(db.knex, { providerId: serving, name: 'Coffee', category: 'drinks' });
    const old = await buildItem(db.knex, { providerId: serving, name: 'Old tea', category: 'drinks', active: false });
    const ofResting = await buildItem(db.knex, { providerId: resting, name: 'Cake', category: 'snacks' });

    const ids = async (query: string): Promise<string[]> =>
      bodyOf<Item[]>(await t.as('employee').get(`/api/catalog/items?${query}`)).map((i) => i.id);
    expect(await ids(`buildingId=${building}`)).toEqual([coffee, old, soup, ofResting]);
    expect(await ids(`buildingId=${building}&activeOnly=true`)).toEqual([coffee, soup]);
    expect(await ids(`buildingId=${building}&category=drinks`)).toEqual([coffee, old]);
  });
});
