import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  Allergen,
  DietaryLabel,
  ItemAvailability,
  ItemCategory,
  ItemUnit,
  ProviderKind,
} from '../../shared/schemas/catalog';
import type { OpeningHours } from '../../shared/schemas/locations';

let sequence = 0;
const next = (): number => {
  sequence += 1;
  return sequence;
};

const WORKDAY = { open: '07:00', close: '18:00' } as const;
export const WEEKDAY_HOURS: OpeningHours = {
  mon: [WORKDAY],
  tue: [WORKDAY],
  wed: [WORKDAY],
  thu: [WORKDAY],
  fri: [WORKDAY],
};

export interface ProviderOverrides {
  readonly name?: string;
  readonly kind?: ProviderKind;
  readonly buildingIds?: readonly string[];
  readonly contactEmail?: string;
  readonly webhookUrl?: string | null;
  /** Stored as is: tests that need a real sealed secret go through the API. */
  readonly webhookSecretSealed?: string | null;
  readonly workingHours?: OpeningHours;
  readonly active?: boolean;
}

/** Inserts a provider serving the given buildings (none by default) and returns its id. */
export async function buildProvider(db: Knex, overrides: ProviderOverrides = {}): Promise<string> {
  const id = randomUUID();
  const n = next();
  await db('catering_providers').insert({
    id,
    name: overrides.name ?? `Provider ${n}`,
    kind: overrides.kind ?? 'internal-kitchen',
    contact_email: overrides.contactEmail ?? `kitchen${n}@example.test`,
    webhook_url: overrides.webhookUrl ?? null,
    webhook_secret_sealed: overrides.webhookSecretSealed ?? null,
    working_hours: JSON.stringify(overrides.workingHours ?? WEEKDAY_HOURS),
    active: overrides.active ?? true,
  });
  const buildingIds = overrides.buildingIds ?? [];
  if (buildingIds.length > 0)
    await db('catering_provider_buildings').insert(
      buildingIds.map((buildingId) => ({ provider_id: id, building_id: buildingId })),
    );
  return id;
}

export interface ItemOverrides {
  readonly providerId?: string;
  readonly name?: string;
  readonly description?: string;
  readonly category?: ItemCategory;
  readonly priceMinor?: number;
  readonly currency?: string;
  readonly unit?: ItemUnit;
  readonly dietary?: readonly DietaryLabel[];
  readonly allergens?: readonly Allergen[];
  readonly imageFileId?: string | null;
  readonly leadTimeHours?: number;
  readonly changeCutoffHours?: number;
  readonly availability?: ItemAvailability | null;
  readonly active?: boolean;
}

/** Inserts an item (and a provider when none is given) and returns its id. */
export async function buildItem(db: Knex, overrides: ItemOverrides = {}): Promise<string> {
  const id = randomUUID();
  const availability = overrides.availability ?? null;
  await db('catering_items').insert({
    id,
    provider_id: overrides.providerId ?? (await buildProvider(db)),
    name: overrides.name ?? `Item ${next()}`,
    description: overrides.description ?? '',
    category: overrides.category ?? 'lunch',
    price_minor: overrides.priceMinor ?? 1250,
    currency: overrides.currency ?? 'EUR',
    unit: overrides.unit ?? 'per-person',
    dietary: JSON.stringify(overrides.dietary ?? []),
    allergens: JSON.stringify(overrides.allergens ?? []),
    image_file_id: overrides.imageFileId ?? null,
    lead_time_hours: overrides.leadTimeHours ?? 24,
    change_cutoff_hours: overrides.changeCutoffHours ?? 12,
    availability: availability === null ? null : JSON.stringify(availability),
    active: overrides.active ?? true,
  });
  return id;
}
