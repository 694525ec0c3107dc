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
  ProviderDetails,
  ProviderInput,
  WebhookAllowList,
  ProviderPatch,
} from '../../../shared/schemas/catalog';
import type { Actor } from '../../domain/actor';
import type { DeleteOptions } from './catalogProviders';
import type { CatalogServiceDeps, ProviderWebhook } from './catalogTypes';

export type { DeleteOptions } from './catalogProviders';
export type { CatalogServiceDeps, ProviderWebhook } from './catalogTypes';

/** The catering catalog: providers, their items, and the menu of one room. */
export interface CatalogService {
  /** Providers as the actor may see them: webhook fields only for the facility team and admins. */
  listProviders(actor: Actor): Promise<Provider[]>;
  getProvider(id: string, actor: Actor): Promise<Provider>;
  /** Only admins may set or change a webhook URL; internal addresses need the admin allow-list. */
  createProvider(input: ProviderInput, actor: Actor): Promise<ProviderDetails>;
  updateProvider(id: string, patch: ProviderPatch, actor: Actor): Promise<ProviderDetails>;
  deleteProvider(id: string, options: DeleteOptions): Promise<void>;
  /** The internal webhook addresses admins allow (an in-house caterer on the intranet). */
  getWebhookAllowList(): Promise<WebhookAllowList>;
  putWebhookAllowList(list: WebhookAllowList): Promise<WebhookAllowList>;
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
