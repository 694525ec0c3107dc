import type { Knex } from 'knex';
import { fileUrl } from '../../../../shared/api/files';
import {
  allergenSchema,
  dietaryLabelSchema,
  itemAvailabilitySchema,
  type Item,
  type ProviderDetails,
} from '../../../../shared/schemas/catalog';
import { openingHoursSchema } from '../../../../shared/schemas/locations';
import { conflict, unprocessable } from '../../../domain/errors';
import type { CatalogRepository, ItemFilter, ItemWrite, ProviderWrite } from '../../../ports/catalog';
import { FOREIGN_KEY_VIOLATION, pgErrorOf, toCount, translateTextError } from './locationRows';

interface ProviderRow {
  id: string;
  name: string;
  kind: ProviderDetails['kind'];
  contact_email: string;
  webhook_url: string | null;
  webhook_secret_sealed: string | null;
  working_hours: unknown;
  active: boolean;
}

interface ItemRow {
  id: string;
  provider_id: string;
  name: string;
  description: string;
  category: Item['category'];
  price_minor: number;
  currency: string;
  unit: Item['unit'];
  dietary: unknown;
  allergens: unknown;
  image_file_id: string | null;
  lead_time_hours: number;
  change_cutoff_hours: number;
  availability: unknown;
  active: boolean;
}

const PROVIDER_COLUMNS = [
  'id',
  'name',
  'kind',
  'contact_email',
  'webhook_url',
  'webhook_secret_sealed',
  'working_hours',
  'active',
].map((c) => `catering_providers.${c}`);

const ITEM_COLUMNS = [
  'id',
  'provider_id',
  'name',
  'description',
  'category',
  'price_minor',
  'currency',
  'unit',
  'dietary',
  'allergens',
  'image_file_id',
  'lead_time_hours',
  'change_cutoff_hours',
  'availability',
  'active',
].map((c) => `catering_items.${c}`);

/** jsonb arrives parsed on both engines; text is accepted anyway, and parsing drops anything foreign. */
const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toProvider(row: ProviderRow, buildingIds: readonly string[]): ProviderDetails {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    buildingIds: [...buildingIds].sort(),
    contactEmail: row.contact_email,
    webhookUrl: row.webhook_url,
    webhookSecretSet: row.webhook_secret_sealed !== null,
    workingHours: openingHoursSchema.parse(json(row.working_hours)),
    active: row.active,
  };
}

function toItem(row: ItemRow): Item {
  const availability = json(row.availability);
  return {
    id: row.id,
    providerId: row.provider_id,
    name: row.name,
    description: row.description,
    category: row.category,
    priceMinor: Number(row.price_minor),
    currency: row.currency,
    unit: row.unit,
    dietary: dietaryLabelSchema.array().parse(json(row.dietary)),
    allergens: allergenSchema.array().parse(json(row.allergens)),
    imageFileId: row.image_file_id,
    imageUrl: row.image_file_id === null ? null : fileUrl(row.image_file_id),
    leadTimeHours: row.lead_time_hours,
    changeCutoffHours: row.change_cutoff_hours,
    availability:
      availability === null || availability === undefined ? null : itemAvailabilitySchema.parse(availability),
    active: row.active,
  };
}

function providerColumns(data: Partial<ProviderWrite>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (data.name !== undefined) columns.name = data.name;
  if (data.kind !== undefined) columns.kind = data.kind;
  if (data.contactEmail !== undefined) columns.contact_email = data.contactEmail;
  if (data.webhookUrl !== undefined) columns.webhook_url = data.webhookUrl;
  if (data.webhookSecretSealed !== undefined) columns.webhook_secret_sealed = data.webhookSecretSealed;
  if (data.workingHours !== undefined) columns.working_hours = JSON.stringify(data.workingHours);
  if (data.active !== undefined) columns.active = data.active;
  return columns;
}

// knex would send JS arrays as PostgreSQL array literals; jsonb wants JSON text.
function itemColumns(data: Partial<ItemWrite>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (data.providerId !== undefined) columns.provider_id = data.providerId;
  if (data.name !== undefined) columns.name = data.name;
  if (data.description !== undefined) columns.description = data.description;
  if (data.category !== undefined) columns.category = data.category;
  if (data.priceMinor !== undefined) columns.price_minor = data.priceMinor;
  if (data.currency !== undefined) columns.currency = data.currency;
  if (data.unit !== undefined) columns.unit = data.unit;
  if (data.dietary !== undefined) columns.dietary = JSON.stringify(data.dietary);
  if (data.allergens !== undefined) columns.allergens = JSON.stringify(data.allergens);
  if (data.imageFileId !== undefined) columns.image_file_id = data.imageFileId;
  if (data.leadTimeHours !== undefined) columns.lead_time_hours = data.leadTimeHours;
  if (data.changeCutoffHours !== undefined) columns.change_cutoff_hours = data.changeCutoffHours;
  if (data.availability !== undefined)
    columns.availability = data.availability === null ? null : JSON.stringify(data.availability);
  if (data.active !== undefined) columns.active = data.active;
  return columns;
}

function translateWriteError(err: unknown, missing: string): unknown {
  if (pgErrorOf(err)?.code === FOREIGN_KEY_VIOLATION) return unprocessable(missing);
  return translateTextError(err);
}

function translateDeleteError(err: unknown, what: string): unknown {
  if (pgErrorOf(err)?.code === FOREIGN_KEY_VIOLATION)
    return conflict(`The ${what} is still in use; deactivate it instead`);
  return err;
}

type Db = Knex | Knex.Transaction;

async function buildingIdsOf(db: Db, providerIds: readonly string[]): Promise<Map<string, string[]>> {
  const byProvider = new Map<string, string[]>();
  if (providerIds.length === 0) return byProvider;
  const rows = await db('catering_provider_buildings')
    .select<{ provider_id: string; building_id: string }[]>('provider_id', 'building_id')
    .whereIn('provider_id', [...providerIds]);
  for (const row of rows)
    byProvider.set(row.provider_id, [...(byProvider.get(row.provider_id) ?? []), row.building_id]);
  return byProvider;
}

async function providersOf(db: Db, rows: readonly ProviderRow[]): Promise<ProviderDetails[]> {
  const buildings = await buildingIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toProvider(row, buildings.get(row.id) ?? []));
}

function servingBuilding(db: Db, buildingId: string): Knex.QueryBuilder {
  return db('catering_provider_buildings').select('provider_id').where({ building_id: buildingId });
}

async function findProvider(db: Db, id: string): Promise<ProviderDetails | undefined> {
  const row = await db('catering_providers').select<ProviderRow[]>(PROVIDER_COLUMNS).where({ id }).first();
  return row ? (await providersOf(db, [row]))[0] : undefined;
}

async function replaceBuildings(trx: Knex.Transaction, providerId: string, buildingIds: readonly string[]) {
  await trx('catering_provider_buildings').where({ provider_id: providerId }).delete();
  if (buildingIds.length === 0) return;
  await trx('catering_provider_buildings').insert(
    buildingIds.map((buildingId) => ({ provider_id: providerId, building_id: buildingId })),
  );
}

function itemQuery(db: Db, filter: ItemFilter): Knex.QueryBuilder {
  const query = db('catering_items')
    .join('catering_providers', 'catering_providers.id', 'catering_items.provider_id')
    .select(ITEM_COLUMNS);
  if (filter.providerId !== undefined) query.where('catering_items.provider_id', filter.providerId);
  if (filter.category !== undefined) query.where('catering_items.category', filter.category);
  if (filter.ids !== undefined) query.whereIn('catering_items.id', [...filter.ids]);
  if (filter.activeOnly) query.where('catering_items.active', true).where('catering_providers.active', true);
  if (filter.buildingId !== undefined)
    query.whereIn('catering_items.provider_id', servingBuilding(db, filter.buildingId));
  return query.orderBy([
    { column: 'catering_providers.name' },
    { column: 'catering_providers.id' },
    { column: 'catering_items.category' },
    { column: 'catering_items.name' },
    { column: 'catering_items.id' },
  ]);
}

async function findItems(db: Db, filter: ItemFilter): Promise<Item[]> {
  const rows = (await itemQuery(db, filter)) as ItemRow[];
  return rows.map(toItem);
}

export function createCatalogRepository(db: Knex): CatalogRepository {
  async function writeProvider(
    id: string | undefined,
    data: Partial<ProviderWrite>,
  ): Promise<ProviderDetails | undefined> {
    try {
      return await db.transaction(async (trx) => {
        let providerId = id;
        const columns = providerColumns(data);
        if (providerId === undefined) {
          const [row] = await trx('catering_providers').insert(columns).returning<{ id: string }[]>('id');
          providerId = row?.id;
        } else {
          const updated = await trx('catering_providers')
            .where({ id: providerId })
            .update({ ...columns, updated_at: trx.fn.now() });
          if (updated === 0) return undefined;
        }
        if (providerId === undefined) throw new Error('Inserting a provider returned no id');
        if (data.buildingIds !== undefined) await replaceBuildings(trx, providerId, data.buildingIds);
        return findProvider(trx, providerId);
      });
    } catch (err) {
      throw translateWriteError(err, 'A building of the provider does not exist');
    }
  }

  async function writeItem(id: string | undefined, data: Partial<ItemWrite>): Promise<Item | undefined> {
    try {
      const columns = itemColumns(data);
      const [row] =
        id === undefined
          ? await db('catering_items').insert(columns).returning<{ id: string }[]>('id')
          : await db('catering_items')
              .where({ id })
              .update({ ...columns, updated_at: db.fn.now() })
              .returning<{ id: string }[]>('id');
      if (!row) return undefined;
      return (await findItems(db, { ids: [row.id] }))[0];
    } catch (err) {
      throw translateWriteError(err, 'The provider or the image does not exist');
    }
  }

  return {
    async listProviders(filter = {}) {
      const query = db('catering_providers')
        .select<ProviderRow[]>(PROVIDER_COLUMNS)
        .orderBy([{ column: 'name' }, { column: 'id' }]);
      if (filter.activeOnly) query.where({ active: true });
      if (filter.buildingId !== undefined) query.whereIn('id', servingBuilding(db, filter.buildingId));
      return providersOf(db, await query);
    },
    findProvider: (id) => findProvider(db, id),
    async createProvider(data) {
      const provider = await writeProvider(undefined, data);
      if (!provider) throw new Error('A created provider could not be read back');
      return provider;
    },
    updateProvider: (id, data) => writeProvider(id, data),
    async findWebhook(providerId) {
      const row = await db('catering_providers')
        .select<Pick<ProviderRow, 'webhook_url' | 'webhook_secret_sealed'>[]>('webhook_url', 'webhook_secret_sealed')
        .where({ id: providerId })
        .first();
      if (!row || row.webhook_url === null || row.webhook_secret_sealed === null) return undefined;
      return { url: row.webhook_url, secretSealed: row.webhook_secret_sealed };
    },
    async countItems(providerId) {
      const [row] = await db('catering_items').where({ provider_id: providerId }).count<{ n: unknown }[]>('* as n');
      return toCount(row?.n);
    },
    async deleteProvider(id, { withItems }) {
      try {
        return await db.transaction(async (trx) => {
          if (withItems) await trx('catering_items').where({ provider_id: id }).delete();
          return (await trx('catering_providers').where({ id }).delete()) > 0;
        });
      } catch (err) {
        throw translateDeleteError(err, 'provider');
      }
    },
    listItems: (filter) => findItems(db, filter),
    async findItem(id) {
      return (await findItems(db, { ids: [id] }))[0];
    },
    async createItem(data) {
      const item = await writeItem(undefined, data);
      if (!item) throw new Error('A created item could not be read back');
      return item;
    },
    updateItem: (id, data) => writeItem(id, data),
    async deleteItem(id) {
      try {
        return (await db('catering_items').where({ id }).delete()) > 0;
      } catch (err) {
        throw translateDeleteError(err, 'item');
      }
    },
  };
}
