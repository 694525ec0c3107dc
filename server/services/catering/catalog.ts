import { itemUseCases } from './catalogItems';
import { menuUseCases } from './catalogMenu';
import { providerUseCases } from './catalogProviders';
import type { CatalogServiceDeps } from './catalogTypes';

export type { DeleteOptions } from './catalogProviders';
export type { CatalogServiceDeps, ProviderWebhook } from './catalogTypes';

/** The catering catalog: providers, their items, and the menu of one room. */
export function createCatalogService(deps: CatalogServiceDeps) {
  return { ...providerUseCases(deps), ...itemUseCases(deps), ...menuUseCases(deps) };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
