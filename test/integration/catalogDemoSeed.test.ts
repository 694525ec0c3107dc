import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoIfEmpty } from '../../demo/database/seed';
import { seedDemoCatalog } from '../../demo/database/catalog';
import { DEMO_BUILDINGS } from '../../demo/organisation/organisation';
import { buildBuilding } from '../factories/locations';
import { createCatalogRepository } from '../../server/adapters/db/repositories/catalog';
import { dietaryConflict, itemProblems, providerProblems } from '../../server/domain/catering/catalog';
import { itemInputSchema, providerInputSchema } from '../../shared/schemas/catalog';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** Building a PGlite database with every migration is slow on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

let db: TestDatabase;

// The demo buildings alone (the whole demo seed draws plans and hashes passwords: slow).
beforeAll(async () => {
  db = await createTestDatabase();
  for (const building of DEMO_BUILDINGS) await buildBuilding(db.knex, { name: building.name });
  await db.knex.transaction((trx) => seedDemoCatalog(trx));
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await db.close();
});

describe('the demo catalog', () => {
  it('has a kitchen serving both demo buildings and a caterer serving one, with about 25 items', async () => {
    const catalog = createCatalogRepository(db.knex);
    const providers = await catalog.listProviders();
    const buildings = await db.knex('buildings').select<{ id: string; name: string }[]>('id', 'name');
    const nameOf = new Map(buildings.map((b) => [b.id, b.name]));
    expect(providers.map((p) => [p.name, p.kind, p.buildingIds.map((id) => nameOf.get(id)).sort()])).toEqual([
      ['Hafenküche Catering', 'external-caterer', ['Harbour House']],
      ['Northwind Kitchen', 'internal-kitchen', buildings.map((b) => b.name).sort()],
    ]);
    const items = await catalog.listItems({});
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.length).toBeLessThanOrEqual(30);
    expect(new Set(items.map((i) => i.currency))).toEqual(new Set(['EUR']));
  });

  it('passes the same validation as the API', async () => {
    const catalog = createCatalogRepository(db.knex);
    for (const provider of await catalog.listProviders()) {
      const { id: _id, webhookSecretSet: _set, ...input } = provider;
      expect(providerInputSchema.safeParse(input).error).toBeUndefined();
      expect(providerProblems({ ...provider, webhookSecretGiven: false })).toEqual([]);
    }
    for (const item of await catalog.listItems({})) {
      const { id: _id, imageUrl: _url, ...input } = item;
      expect([item.name, itemInputSchema.safeParse(input).error]).toEqual([item.name, undefined]);
      expect([item.name, itemProblems(item)]).toEqual([item.name, []]);
      expect([item.name, dietaryConflict(item)]).toEqual([item.name, null]);
    }
  });

  it('is added once', async () => {
    const before = await db.knex('catering_items').count<{ n: number }[]>('* as n');
    expect(await db.knex.transaction((trx) => seedDemoCatalog(trx))).toBe(0);
    expect(await db.knex('catering_items').count<{ n: number }[]>('* as n')).toEqual(before);
  });
});

describe('the demo seed', () => {
  it('brings the demo catalog along', async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await seedDemoIfEmpty(fresh.knex, { bookings: false })).toBe(true);
      const [providers] = await fresh.knex('catering_providers').count<{ n: number }[]>('* as n');
      expect(Number(providers?.n)).toBe(2);
      expect(await seedDemoIfEmpty(fresh.knex, { bookings: false })).toBe(false);
    } finally {
      await fresh.close();
    }
  }, 180_000);
});
