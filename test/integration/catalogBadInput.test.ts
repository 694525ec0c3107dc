import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildItem, buildProvider } from '../factories/catalog';
import { buildBuilding } from '../factories/locations';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { catalogSnapshot, itemBody, providerBody } from './catalogHarness';
import { errorOf, locationsTestApp, type LocationsTestApp } from './locationsHarness';

/** Refused catalog writes answer a clear 4xx and leave every catalog row as it was. */

/** Building a PGlite database with every migration is slow on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

let db: TestDatabase;
let t: LocationsTestApp;
let buildingId: string;
let providerId: string;
let itemId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await locationsTestApp(db.knex);
  buildingId = await buildBuilding(db.knex);
  providerId = await buildProvider(db.knex, { buildingIds: [buildingId] });
  itemId = await buildItem(db.knex, { providerId, leadTimeHours: 24, changeCutoffHours: 12 });
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await db.close();
});

async function expectRefused(
  send: () => PromiseLike<{ status: number; body: unknown }>,
  status: number,
  code: string,
): Promise<void> {
  const before = await catalogSnapshot(db.knex);
  const res = await send();
  expect({ status: res.status, code: errorOf(res).code }).toEqual({ status, code });
  expect(await catalogSnapshot(db.knex)).toEqual(before);
}

describe('refused items', () => {
  const create = (overrides: Record<string, unknown>) => () =>
    t.as('facility').post('/api/catalog/items').send(itemBody(providerId, overrides));
  const patch = (body: Record<string, unknown>) => () =>
    t.as('facility').patch(`/api/catalog/items/${itemId}`).send(body);

  it.each<[string, Record<string, unknown>]>([
    ['a negative price', { priceMinor: -1 }],
    ['a fractional price', { priceMinor: 12.5 }],
    ['an absurd price', { priceMinor: 1e12 }],
    ['a lower-case currency', { currency: 'eur' }],
    ['an unknown currency', { currency: 'XYZ' }],
    ['a four-letter currency', { currency: 'EURO' }],
    ['an oversize name', { name: 'x'.repeat(121) }],
    ['an empty name', { name: '   ' }],
    ['an oversize description', { description: 'x'.repeat(2001) }],
    ['an unknown allergen', { allergens: ['gluten', 'pollen'] }],
    ['a repeated allergen', { allergens: ['milk', 'milk'] }],
    ['an unknown dietary label', { dietary: ['paleo'] }],
    ['an unknown category', { category: 'dinner' }],
    ['a negative lead time', { leadTimeHours: -2 }],
    ['availability ending before it starts', { availability: { mon: [{ from: '14:00', to: '11:00' }] } }],
    ['availability on an unknown weekday', { availability: { someday: [{ from: '08:00', to: '11:00' }] } }],
    ['an unknown field', { price: 3 }],
  ])('refuses %s with 400', async (_name, overrides) => {
    await expectRefused(create(overrides), 400, 'validation_failed');
  });

  it('refuses an unknown provider, an unknown image and contradicting times with 422', async () => {
    await expectRefused(
      () => t.as('facility').post('/api/catalog/items').send(itemBody(randomUUID())),
      422,
      'unprocessable',
    );
    await expectRefused(create({ imageFileId: randomUUID() }), 422, 'unprocessable');
    await expectRefused(create({ leadTimeHours: 2, changeCutoffHours: 4 }), 422, 'unprocessable');
    await expectRefused(
      create({
        availability: {
          tue: [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '13:00' },
          ],
        },
      }),
      422,
      'unprocessable',
    );
  });

  it('refuses a vegan label on an item with milk or eggs, with a stable code, on create and on patch', async () => {
    const before = await catalogSnapshot(db.knex);
    const res = await create({ name: 'Coffee and tea', dietary: ['vegan'], allergens: ['milk'] })();
    expect(res.status).toBe(422);
    expect(errorOf(res)).toMatchObject({
      code: 'dietary_label_conflict',
      message: 'An item that contains milk cannot be labelled vegan',
      details: { field: 'dietary', label: 'vegan', allergens: ['milk'] },
    });
    expect(await catalogSnapshot(db.knex)).toEqual(before);

    await expectRefused(patch({ dietary: ['vegan'], allergens: ['eggs'] }), 422, 'dietary_label_conflict');
    // The item's stored allergens count too: labelling it vegan later is refused as well.
    expect(
      (
        await t
          .as('facility')
          .patch(`/api/catalog/items/${itemId}`)
          .send({ allergens: ['milk'] })
      ).status,
    ).toBe(200);
    await expectRefused(patch({ dietary: ['vegan'] }), 422, 'dietary_label_conflict');
  });

  it('refuses patches that move the item, break its rules or carry bad values', async () => {
    await expectRefused(patch({ providerId: randomUUID() }), 400, 'validation_failed');
    await expectRefused(patch({ priceMinor: -100 }), 400, 'validation_failed');
    await expectRefused(patch({ changeCutoffHours: 48 }), 422, 'unprocessable');
    await expectRefused(patch({ imageFileId: randomUUID() }), 422, 'unprocessable');
    await expectRefused(
      () => t.as('facility').patch(`/api/catalog/items/${randomUUID()}`).send({ name: 'Ghost' }),
      404,
      'not_found',
    );
  });
});

describe('refused providers', () => {
  const create = (overrides: Record<string, unknown>) => () =>
    t.as('admin').post('/api/catalog/providers').send(providerBody(overrides));

  it.each<[string, Record<string, unknown>]>([
    ['an unknown kind', { kind: 'florist' }],
    ['a bad email', { contactEmail: 'not an email' }],
    ['a non-HTTP webhook', { webhookUrl: 'ftp://caterer.example.com/hook' }],
    ['a short webhook secret', { webhookUrl: 'https://c.example.com/h', webhookSecret: 'short' }],
    [
      'a repeated building',
      { buildingIds: ['6f1c0a5e-7d3e-4b7a-9c1e-2a3b4c5d6e7f', '6f1c0a5e-7d3e-4b7a-9c1e-2a3b4c5d6e7f'] },
    ],
    ['working hours closing before opening', { workingHours: { mon: [{ open: '18:00', close: '07:00' }] } }],
    ['an oversize name', { name: 'x'.repeat(500) }],
  ])('refuses %s with 400', async (_name, overrides) => {
    await expectRefused(create(overrides), 400, 'validation_failed');
  });

  it('refuses unknown buildings and overlapping hours with 422', async () => {
    await expectRefused(create({ buildingIds: [buildingId, randomUUID()] }), 422, 'unprocessable');
    await expectRefused(
      create({
        workingHours: {
          fri: [
            { open: '07:00', close: '12:00' },
            { open: '11:00', close: '15:00' },
          ],
        },
      }),
      422,
      'unprocessable',
    );
    await expectRefused(
      () =>
        t
          .as('admin')
          .patch(`/api/catalog/providers/${providerId}`)
          .send({ buildingIds: [randomUUID()] }),
      422,
      'unprocessable',
    );
  });

  it('keeps a provider with items unless the deletion cascades', async () => {
    await expectRefused(() => t.as('admin').delete(`/api/catalog/providers/${providerId}`), 409, 'conflict');
    const other = await buildProvider(db.knex);
    await buildItem(db.knex, { providerId: other });
    expect((await t.as('admin').delete(`/api/catalog/providers/${other}?cascade=true`)).status).toBe(204);
    expect(await db.knex('catering_items').where({ provider_id: other }).first()).toBeUndefined();
  });
});

describe('refused queries', () => {
  it.each(['category=dinner', 'activeOnly=yes', 'providerId=nope', 'buildingId=1'])('refuses %s', async (query) => {
    const res = await t.as('employee').get(`/api/catalog/items?${query}`);
    expect([res.status, errorOf(res).code]).toEqual([400, 'validation_failed']);
  });
});
