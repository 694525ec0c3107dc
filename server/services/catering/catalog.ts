import { itemUseCases } from './catalogItems';
import { menuUseCases } from './catalogMenu';
import { providerUseCases } from './catalogProviders';
import type {
  Item,
  ItemInput,
  ItemListQuery,
  ItemPatch,
  Menu,
  Provider,
  ProviderInput,
  ProviderPatch,
} from '../../../shared/schemas/catalog';
import type { DeleteOptions } from './catalogProviders';
import type { CatalogServiceDeps, ProviderWebhook } from './catalogTypes';

export type { DeleteOptions } from './catalogProviders';
export type { CatalogServiceDeps, ProviderWebhook } from './catalogTypes';

/** The catering catalog: providers, their items, and the menu of one room. */
export interface CatalogService {
  listProviders(): Promise<Provider[]>;
  getProvider(id: string): Promise<Provider>;
  createProvider(input: ProviderInput): Promise<Provider>;
  updateProvider(id: string, patch: ProviderPatch): Promise<Provider>;
  deleteProvider(id: string, options: DeleteOptions): Promise<void>;
  /** The provider's webhook with its secret opened; for the outbox only, never for a response. */
  providerWebhook(providerId: string): Promise<ProviderWebhook | undefined>;
  listItems(query: ItemListQuery): Promise<Item[]>;
  findItems(ids: readonly string[]): Promise<Item[]>;
  getItem(id: string): Promise<Item>;
  createItem(input: ItemInput): Promise<Item>;
  updateItem(id: string, patch: ItemPatch): Promise<Item>;
  deleteItem(id: string): Promise<void>;
  /** What the room's building's providers offer. */
  menuForRoom(roomId: string): Promise<Menu>;
}

export function createCatalogService(deps: CatalogServiceDeps): CatalogService {
  return { ...providerUseCases(deps), ...itemUseCases(deps), ...menuUseCases(deps) };
}
