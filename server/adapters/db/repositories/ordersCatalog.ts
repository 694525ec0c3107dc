import type { Knex } from 'knex';
import type { OpeningHours } from '../../../../shared/schemas/locations';
import type { ItemAvailability } from '../../../domain/catering/ordersTiming';
import type { OrderableItem, OrderCatalog, OrderProvider } from '../../../ports/orders';

/**
 * The orders' narrow view of the catalog tables (catering_providers, catering_items,
 * catering_provider_buildings). Read-only; the catalog's own repositories write them.
 */

interface ItemRow {
  id: string;
  provider_id: string;
  name: string;
  unit: OrderableItem['unit'];
  price_minor: number;
  currency: string;
  lead_time_hours: number;
  change_cutoff_hours: number;
  availability: unknown;
  active: boolean;
}

interface ProviderRow {
  id: string;
  name: string;
  contact_email: string;
  webhook_url: string | null;
  working_hours: unknown;
  active: boolean;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const record = <T>(value: unknown): T | null => {
  const parsed = json(value);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as T) : null;
};

export function createOrderCatalog(db: Knex): OrderCatalog {
  return {
    async itemsByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db<ItemRow>('catering_items').whereIn('id', [...ids]);
      return rows.map((r) => ({
        id: r.id,
        providerId: r.provider_id,
        name: r.name,
        unit: r.unit,
        priceMinor: Number(r.price_minor),
        currency: r.currency,
        leadTimeHours: r.lead_time_hours,
        changeCutoffHours: r.change_cutoff_hours,
        availability: record<ItemAvailability>(r.availability),
        active: r.active,
      }));
    },
    async provider(id): Promise<OrderProvider | undefined> {
      const row = await db<ProviderRow>('catering_providers').where({ id }).first();
      if (!row) return undefined;
      const buildings = await db('catering_provider_buildings')
        .where({ provider_id: id })
        .select<{ building_id: string }[]>('building_id');
      return {
        id: row.id,
        name: row.name,
        contactEmail: row.contact_email,
        webhookUrl: row.webhook_url,
        buildingIds: buildings.map((b) => b.building_id),
        workingHours: record<OpeningHours>(row.working_hours) ?? {},
        active: row.active,
      };
    },
  };
}
