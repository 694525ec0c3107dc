import type { Knex } from 'knex';
import { DEMO_PROVIDERS, type DemoProvider } from '../organisation/catalog';
import { DEMO_BUILDINGS, DEMO_MAIL_DOMAIN } from '../organisation/organisation';

/**
 * Writes the demo catering catalog of organisation/catalog.ts.
 * Idempotent: a provider that already exists by name is left as it is.
 */

async function buildingIdsByKey(trx: Knex.Transaction): Promise<Map<string, string>> {
  const rows = await trx('buildings')
    .select<{ id: string; name: string }[]>('id', 'name')
    .whereIn(
      'name',
      DEMO_BUILDINGS.map((b) => b.name),
    );
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const byKey = new Map<string, string>();
  for (const building of DEMO_BUILDINGS) {
    const id = byName.get(building.name);
    if (id !== undefined) byKey.set(building.key, id);
  }
  return byKey;
}

async function insertProvider(
  trx: Knex.Transaction,
  provider: DemoProvider,
  buildings: Map<string, string>,
): Promise<number> {
  const [row] = await trx('catering_providers')
    .insert({
      name: provider.name,
      kind: provider.kind,
      contact_email: `${provider.contactLocalPart}@${DEMO_MAIL_DOMAIN}`,
      working_hours: JSON.stringify(provider.workingHours),
    })
    .returning<{ id: string }[]>('id');
  if (!row) throw new Error(`Inserting ${provider.name} returned no id`);
  const served = provider.buildings.flatMap((key) => buildings.get(key) ?? []);
  if (served.length > 0)
    await trx('catering_provider_buildings').insert(
      served.map((buildingId) => ({ provider_id: row.id, building_id: buildingId })),
    );
  await trx('catering_items').insert(
    provider.items.map((i) => ({
      provider_id: row.id,
      name: i.name,
      description: i.description,
      category: i.category,
      price_minor: i.price,
      currency: 'EUR',
      unit: i.unit,
      dietary: JSON.stringify(i.dietary),
      allergens: JSON.stringify(i.allergens),
      lead_time_hours: i.leadTimeHours,
      change_cutoff_hours: i.changeCutoffHours,
      availability: i.availability ? JSON.stringify(i.availability) : null,
    })),
  );
  return provider.items.length;
}

/** Adds the demo providers missing by name with their items; returns how many items it added. */
export async function seedDemoCatalog(trx: Knex.Transaction): Promise<number> {
  const existing = new Set(
    (
      await trx('catering_providers')
        .select<{ name: string }[]>('name')
        .whereIn(
          'name',
          DEMO_PROVIDERS.map((p) => p.name),
        )
    ).map((r) => r.name),
  );
  const buildings = await buildingIdsByKey(trx);
  let items = 0;
  for (const provider of DEMO_PROVIDERS) {
    if (!existing.has(provider.name)) items += await insertProvider(trx, provider, buildings);
  }
  return items;
}
