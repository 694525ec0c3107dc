import type { OrderedItemRules, ProviderRules } from '../../../domain/catering/ordersTiming';
import { unprocessable } from '../../../domain/errors';
import type { OrderableItem, OrderCatalog, OrderProvider } from '../../../ports/orders';

export interface OrderCatalogRules {
  readonly provider: OrderProvider;
  readonly items: readonly OrderableItem[];
}

export const itemRules = (items: readonly OrderableItem[]): OrderedItemRules[] =>
  items.map((i) => ({
    itemId: i.id,
    leadTimeHours: i.leadTimeHours,
    changeCutoffHours: i.changeCutoffHours,
    availability: i.availability,
  }));

export const providerRules = (p: OrderProvider): ProviderRules => ({
  buildingIds: p.buildingIds,
  workingHours: p.workingHours,
});

/**
 * The ordered items and their one provider; refuses unknown or inactive items and lines from two
 * providers (each provider gets its own order, its own notifications and its own status).
 */
export async function loadOrderable(catalog: OrderCatalog, itemIds: readonly string[]): Promise<OrderCatalogRules> {
  const items = await catalog.itemsByIds(itemIds);
  const known = new Set(items.map((i) => i.id));
  const missing = itemIds.filter((id) => !known.has(id));
  if (missing.length > 0) throw unprocessable('Some items do not exist', { field: 'lines', missing });
  const inactive = items.filter((i) => !i.active).map((i) => i.id);
  if (inactive.length > 0) throw unprocessable('Some items cannot be ordered any more', { field: 'lines', inactive });
  const providerIds = [...new Set(items.map((i) => i.providerId))];
  const [providerId] = providerIds;
  if (providerId === undefined || providerIds.length > 1)
    throw unprocessable('All items of one order must come from one provider', { field: 'lines', providerIds });
  const provider = await catalog.provider(providerId);
  if (!provider || !provider.active) throw unprocessable('The provider does not take orders', { field: 'lines' });
  const byId = new Map(items.map((i) => [i.id, i]));
  return { provider, items: itemIds.map((id) => byId.get(id)).filter((i): i is OrderableItem => i !== undefined) };
}
