import type { Knex } from 'knex';

const CATALOG_TABLES = ['catering_providers', 'catering_provider_buildings', 'catering_items'];

/**
 * Every catalog row as JSON text, to prove a refused request changed nothing (counts alone would
 * miss an update that slipped through).
 */
export async function catalogSnapshot(db: Knex): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of CATALOG_TABLES) {
    const rows = await db
      .select(db.raw('to_jsonb(t)::text as row'))
      .from(db.raw('?? as t', [table]))
      .orderByRaw('1');
    snapshot[table] = rows.map((r: { row: string }) => r.row);
  }
  return snapshot;
}

/** A provider body for POST /api/catalog/providers. */
export function providerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Harbour Kitchen',
    kind: 'internal-kitchen',
    buildingIds: [],
    contactEmail: 'kitchen@example.test',
    workingHours: { mon: [{ open: '07:00', close: '18:00' }] },
    ...overrides,
  };
}

/** An item body for POST /api/catalog/items. */
export function itemBody(providerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    providerId,
    name: 'Club sandwich',
    category: 'lunch',
    priceMinor: 850,
    currency: 'EUR',
    unit: 'per-person',
    dietary: [],
    allergens: ['gluten', 'eggs'],
    leadTimeHours: 24,
    changeCutoffHours: 12,
    ...overrides,
  };
}
